import { lazy, Suspense, type ComponentProps } from 'react';
import type { ReassignCaseloadDialog } from './ReassignCaseloadDialog.tsx';

// Only a supervisor can reassign, and only once My caseload is on screen: the dialog's code (a
// form, a multi-select of colleagues, the modal) is loaded after the page's first render instead
// of with it, so a case manager on a phone never downloads it.
const Loaded = lazy(() => import('./ReassignCaseloadDialog.tsx').then((module) => ({ default: module.ReassignCaseloadDialog })));

export function LazyReassignCaseloadDialog(props: ComponentProps<typeof ReassignCaseloadDialog>) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
