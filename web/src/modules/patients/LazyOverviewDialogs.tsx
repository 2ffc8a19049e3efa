import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import type { MergeDialog } from './MergeDialog.tsx';
import type { OpenEpisodeDialog } from './OpenEpisodeDialog.tsx';
import type { PatientFormDialog } from './PatientFormDialog.tsx';

// The patient overview's own dialogs (edit, open an episode, merge) and their forms are loaded
// the first time one is opened, not with the overview, whose first screen a slow phone waits
// for. Once loaded, a dialog renders closed once and then opens: the modal notes where the
// focus was only when it goes from closed to open, and gives it back there on closing. It
// stays mounted afterwards, so that it closes with its transition and opens at once next time.
const LoadedPatientForm = lazy(() => import('./PatientFormDialog.tsx').then((module) => ({ default: module.PatientFormDialog })));
const LoadedOpenEpisode = lazy(() => import('./OpenEpisodeDialog.tsx').then((module) => ({ default: module.OpenEpisodeDialog })));
const LoadedMerge = lazy(() => import('./MergeDialog.tsx').then((module) => ({ default: module.MergeDialog })));

/** Calls `onMount` once its Suspense boundary has shown what it was waiting for. */
function Mounted({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return null;
}

/** `Dialog` loaded once `open` first is, rendered with `closed` props until it has mounted. */
function LazyDialog<P extends object>({ Dialog, props, open, closed }: { Dialog: ComponentType<P>; props: P; open: boolean; closed: P }) {
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  const [mounted, setMounted] = useState(false);
  const [onMount] = useState(() => () => setMounted(true));
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Dialog {...(mounted ? props : closed)} />
      <Mounted onMount={onMount} />
    </Suspense>
  );
}

export function LazyPatientFormDialog(props: ComponentProps<typeof PatientFormDialog>) {
  return <LazyDialog Dialog={LoadedPatientForm} props={props} open={props.dialog !== null} closed={{ ...props, dialog: null }} />;
}

export function LazyOpenEpisodeDialog(props: ComponentProps<typeof OpenEpisodeDialog>) {
  return <LazyDialog Dialog={LoadedOpenEpisode} props={props} open={props.patient !== null} closed={{ ...props, patient: null }} />;
}

export function LazyMergeDialog(props: ComponentProps<typeof MergeDialog>) {
  return <LazyDialog Dialog={LoadedMerge} props={props} open={props.opened} closed={{ ...props, opened: false }} />;
}
