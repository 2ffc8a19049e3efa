import { lazyDialog } from './LazyDialog.tsx';

/**
 * Asks before an action that cannot simply be undone (deactivate, revoke, lift, remove). A page
 * shows several (one per row, some); the modal's code loads the first time one opens.
 */
export const ConfirmDialog = lazyDialog(
  () => import('./ConfirmDialogBody.tsx').then((module) => module.ConfirmDialogBody),
  (props) => props.opened,
  (props) => ({ ...props, opened: false }),
);
