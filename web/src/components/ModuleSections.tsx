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
const patientParts = lazily(patientSections);
const episodeParts = lazily(episodeSections);

/** Every module's part of the patient overview (web/README.md "Adding a module"). */
export function PatientModuleSections({ patient }: { patient: PatientView }) {
  return (
    <Suspense fallback={null}>
      {patientParts.map(({ key, Component }) => (
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
