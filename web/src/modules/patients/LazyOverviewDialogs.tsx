import { lazyDialog, lazyOpenedDialog } from '../../components/LazyDialog.tsx';

// The patient overview's own dialogs (edit, open an episode, merge) and their forms are loaded
// the first time one is opened, not with the overview, whose first screen a slow phone waits for.
export const LazyPatientFormDialog = lazyDialog(
  () => import('./PatientFormDialog.tsx').then((module) => module.PatientFormDialog),
  (props) => props.dialog !== null,
  (props) => ({ ...props, dialog: null }),
);

export const LazyOpenEpisodeDialog = lazyDialog(
  () => import('./OpenEpisodeDialog.tsx').then((module) => module.OpenEpisodeDialog),
  (props) => props.patient !== null,
  (props) => ({ ...props, patient: null }),
);

export const LazyMergeDialog = lazyOpenedDialog(() => import('./MergeDialog.tsx').then((module) => module.MergeDialog));
