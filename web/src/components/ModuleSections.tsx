import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { episodeSections, patientSections } from '../app/registry.ts';
import type { EpisodeView, PatientView, ScreenSection } from '../app/webModule.ts';

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

/** A module's part of the patient overview, its code loaded. */
export interface LoadedPatientSection {
  key: string;
  order: number;
  Component: ComponentType<{ patient: PatientView }>;
}

// The overview's sections are loaded all together, and the page waits for them: a section that
// arrived after the page had painted (each on its own, a consent status, a restriction) pushed
// what was below it down the screen while the reader was looking at it (layout shift).
let patientSectionsLoaded: readonly LoadedPatientSection[] | null = null;
let patientSectionsLoading: Promise<readonly LoadedPatientSection[]> | null = null;

/** Starts loading every section's code, once (the overview calls it before it asks for the patient, so both come together). */
export function loadPatientSections(): Promise<readonly LoadedPatientSection[]> {
  patientSectionsLoading ??= Promise.all(
    patientSections.map(async (section) => ({ key: section.key, order: section.order, Component: await section.load() })),
  ).then(
    (sections) => (patientSectionsLoaded = sections),
    (error: unknown) => {
      // A chunk that failed to load (a network blip) is asked for again next time.
      patientSectionsLoading = null;
      throw error;
    },
  );
  return patientSectionsLoading;
}

/**
 * Every module's part of the patient overview (web/README.md "Adding a module"): `sections` once
 * all are loaded, else null; `error` when one did not load, and `retry`.
 */
export function usePatientSections() {
  // Asked for on the first render, so the code comes while the patient's record is fetched.
  const [sections, setSections] = useState(() => {
    if (patientSectionsLoaded === null) loadPatientSections().catch(() => undefined);
    return patientSectionsLoaded;
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
      {(top ? episodeTopParts : episodeParts).map(({ key, Component }) => (
        <Component key={key} episode={episode} open={open} />
      ))}
    </Suspense>
  );
}
