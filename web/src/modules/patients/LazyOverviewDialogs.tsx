import { lazy, Suspense, useState, type ComponentProps } from 'react';
import type { MergeDialog } from './MergeDialog.tsx';
import type { OpenEpisodeDialog } from './OpenEpisodeDialog.tsx';
import type { PatientFormDialog } from './PatientFormDialog.tsx';

// The patient overview's own dialogs (edit, open an episode, merge) and their forms are loaded
// the first time one is opened, not with the overview, whose first screen a slow phone waits
// for. Once opened, a dialog stays mounted, so that it closes with its transition and gives the
// focus back, and opens at once the next time.
const LoadedPatientForm = lazy(() => import('./PatientFormDialog.tsx').then((module) => ({ default: module.PatientFormDialog })));
const LoadedOpenEpisode = lazy(() => import('./OpenEpisodeDialog.tsx').then((module) => ({ default: module.OpenEpisodeDialog })));
const LoadedMerge = lazy(() => import('./MergeDialog.tsx').then((module) => ({ default: module.MergeDialog })));

/** True from the first render at which `open` is, on. */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

export function LazyPatientFormDialog(props: ComponentProps<typeof PatientFormDialog>) {
  return !useOpenedOnce(props.dialog !== null) ? null : (
    <Suspense fallback={null}>
      <LoadedPatientForm {...props} />
    </Suspense>
  );
}

export function LazyOpenEpisodeDialog(props: ComponentProps<typeof OpenEpisodeDialog>) {
  return !useOpenedOnce(props.patient !== null) ? null : (
    <Suspense fallback={null}>
      <LoadedOpenEpisode {...props} />
    </Suspense>
  );
}

export function LazyMergeDialog(props: ComponentProps<typeof MergeDialog>) {
  return !useOpenedOnce(props.opened) ? null : (
    <Suspense fallback={null}>
      <LoadedMerge {...props} />
    </Suspense>
  );
}
