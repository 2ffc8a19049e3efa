import { lazyDialog } from '../../components/LazyDialog.tsx';

/** Logging a contact (LogContactDialog.tsx, its form and selects), loaded the first time it opens. */
export const LazyLogContactDialog = lazyDialog(
  () => import('./LogContactDialog.tsx').then((module) => module.LogContactDialog),
  (props) => props.opened,
  (props) => ({ ...props, opened: false }),
);
