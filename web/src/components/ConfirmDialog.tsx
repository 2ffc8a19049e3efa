import { lazyOpenedDialog } from './LazyDialog.tsx';

/**
 * Asks before an action that cannot simply be undone (deactivate, revoke, lift, remove). A page
 * shows several (one per row, some); the modal's code loads the first time one opens.
 */
export const ConfirmDialog = lazyOpenedDialog(() => import('./ConfirmDialogBody.tsx').then((module) => module.ConfirmDialogBody));
