import { lazyOpenedDialog } from '../../components/LazyDialog.tsx';

export const LazyAddTaskDialog = lazyOpenedDialog(() => import('./AddTaskDialog.tsx').then((module) => module.AddTaskDialog));
