import { lazy, Suspense, useEffect, useState } from 'react';
import { loadedPatientSections, loadPatientSections, type LoadedPatientSection } from '../app/patientSections.ts';
import { episodeSections } from '../app/registry.ts';
import type { EpisodeView, PatientView, ScreenSection } from '../app/webModule.ts';
import { LoadBoundary } from './LoadBoundary.tsx';

// Made once, so that React keeps each section's loaded code between renders.
function lazily<P extends object>(sections: readonly ScreenSection<P>[]) {
  return sections.map((section) => ({
    key: section.key,
    Component: lazy(() => section.load().then((component) => ({ default: component }))),
  }));
}
// A negative order goes at the top of the episode screen, as on the overview (the emergency access banner).
const episodeTopParts = lazily(episodeSections.filter((section) => section.order < 0));
const episodeParts = lazily(episodeSections.filter((section) => section.order >= 0));

/**
 * Every module's part of the patient overview (web/README.md "Adding a module"): `sections` once
 * all are loaded, else null; `error` when one did not load, and `retry`.
 */
export function usePatientSections() {
  // Asked for on the first render, so the code comes while the patient's record is fetched.
  const [sections, setSections] = useState(() => {
    const loaded = loadedPatientSections();
    if (loaded === null) loadPatientSections().catch(() => undefined);
    return loaded;
  });
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (sections !== null) return;
    let current = true;
    loadPatientSections().then(
      (loaded) => current && setSections(loaded),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [sections, attempt]);
  const retry = () => {
    setError(null);
    setAttempt((count) => count + 1);
  };
  return { sections, error, retry };
}

/** Some of the overview's sections, in order. */
export function PatientModuleSections({ patient, sections }: { patient: PatientView; sections: readonly LoadedPatientSection[] }) {
  return sections.map(({ key, Component }) => <Component key={key} patient={patient} />);
}

/** Every module's part of the episode screen: those that must be seen first (`top`), or the rest. */
export function EpisodeModuleSections({ episode, open, top = false }: { episode: EpisodeView; open: boolean; top?: boolean }) {
  return (
    <Suspense fallback={null}>
      {/* One section that did not arrive says so in its place; the others still show. */}
      {(top ? episodeTopParts : episodeParts).map(({ key, Component }) => (
        <LoadBoundary key={key}>
          <Component episode={episode} open={open} />
        </LoadBoundary>
      ))}
    </Suspense>
  );
}
