import { lazyDialog } from '../../components/LazyDialog.tsx';

export const LazyAddTaskDialog = lazyDialog(
  () => import('./AddTaskDialog.tsx').then((module) => module.AddTaskDialog),
  (props) => props.opened,
  (props) => ({ ...props, opened: false }),
);
