import { lazyOpenedDialog } from '../../components/LazyDialog.tsx';

// Only a supervisor can reassign: the dialog's code (a form, a multi-select of colleagues, the
// modal) loads the first time the dialog opens, or at once when a kept draft reopens it, so a
// case manager on a phone never downloads it.
export const LazyReassignCaseloadDialog = lazyOpenedDialog(() =>
  import('./ReassignCaseloadDialog.tsx').then((module) => module.ReassignCaseloadDialog),
);
