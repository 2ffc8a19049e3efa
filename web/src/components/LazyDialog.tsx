import { lazy, useEffect, useState, type ComponentType } from 'react';
import { LazyPart } from './LoadBoundary.tsx';

/** Calls `onMount` once its Suspense boundary has shown what it was waiting for. */
function Mounted({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return null;
}

/**
 * A dialog whose code (the modal, its form, the kit's selects) loads the first time it opens,
 * not with the page that offers it: a slow phone waits for a page's first screen, not for
 * dialogs it may never open. `isOpen` reads the dialog's props; `closed` gives them closed.
 * Once loaded, the dialog renders closed once and then opens: the modal notes where the focus
 * was only when it goes from closed to open, and gives it back there on closing. It stays
 * mounted afterwards, so that it closes with its transition and opens at once next time. A
 * dialog open from the start (restored from a kept draft) loads at once.
 */
export function lazyDialog<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean,
  closed: (props: P) => P,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDialog(props: P) {
    const open = isOpen(props);
    const [wanted, setWanted] = useState(open);
    if (open && !wanted) setWanted(true);
    const [mounted, setMounted] = useState(false);
    const [onMount] = useState(() => () => setMounted(true));
    if (!wanted) return null;
    return (
      <LazyPart floating>
        <Loaded {...(mounted ? props : closed(props))} />
        <Mounted onMount={onMount} />
      </LazyPart>
    );
  };
}

/** `lazyDialog` for the usual dialog, open while its `opened` prop is true. */
export function lazyOpenedDialog<P extends { opened: boolean }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyDialog(
    load,
    (props) => props.opened,
    (props) => ({ ...props, opened: false }),
  );
}
