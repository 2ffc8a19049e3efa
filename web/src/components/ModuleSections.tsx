import { lazy, Suspense } from 'react';
import { episodeSections, patientSections } from '../app/registry.ts';
import type { EpisodeView, PatientView, ScreenSection } from '../app/webModule.ts';

// Made once, so that React keeps each section's loaded code between renders.
function lazily<P extends object>(sections: readonly ScreenSection<P>[]) {
  return sections.map((section) => ({
    key: section.key,
    Component: lazy(() => section.load().then((component) => ({ default: component }))),
  }));
}
const episodeParts = lazily(episodeSections);
const patientParts = lazily(patientSections.filter((section) => section.order >= 0));
// A negative order puts a section at the top of the chart, above the care (an emergency access banner).
const patientTopParts = lazily(patientSections.filter((section) => section.order < 0));

/** Every module's part of the patient overview (web/README.md "Adding a module"); `top`: those with a negative order. */
export function PatientModuleSections({ patient, top = false }: { patient: PatientView; top?: boolean }) {
  return (
    <Suspense fallback={null}>
      {(top ? patientTopParts : patientParts).map(({ key, Component }) => (
        <Component key={key} patient={patient} />
      ))}
    </Suspense>
  );
}

/** Every module's part of the episode screen. */
export function EpisodeModuleSections({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return (
    <Suspense fallback={null}>
      {episodeParts.map(({ key, Component }) => (
        <Component key={key} episode={episode} open={open} />
      ))}
    </Suspense>
  );
}
