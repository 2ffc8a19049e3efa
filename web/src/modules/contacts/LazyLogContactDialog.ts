import { lazyOpenedDialog } from '../../components/LazyDialog.tsx';

/** Logging a contact (LogContactDialog.tsx, its form and selects), loaded the first time it opens. */
export const LazyLogContactDialog = lazyOpenedDialog(() => import('./LogContactDialog.tsx').then((module) => module.LogContactDialog));
