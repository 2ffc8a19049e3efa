import type { MenuProps } from '@mantine/core';
import type * as MenuKitModule from './menuKit.ts';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  type RefObject,
} from 'react';

type MenuKit = typeof MenuKitModule;

let kit: MenuKit | null = null;
let loading: Promise<boolean> | null = null;
const waiting = new Set<() => void>();

/**
 * Starts loading the menus' code, once; answers whether it arrived. The app asks for it three
 * seconds after it starts (app/App.tsx); a menu's button asks for it when pointed at, focused
 * or pressed.
 */
export function loadMenus(): Promise<boolean> {
  loading ??= import('./menuKit.ts').then(
    (module) => {
      kit = module;
      for (const notify of waiting) notify();
      return true;
    },
    () => {
      // Did not arrive (a dropped connection): the button stays, and pressing it asks again.
      loading = null;
      return false;
    },
  );
  return loading;
}

const subscribe = (notify: () => void) => {
  waiting.add(notify);
  return () => void waiting.delete(notify);
};
const loadedKit = () => kit;

/** What a menu's button is given: spread it onto the button (the ref gives the focus back). */
export interface MenuTargetProps {
  ref: RefObject<HTMLButtonElement | null>;
  onClick?: () => void;
  onPointerEnter?: () => void;
  onPointerDown?: (event: ReactPointerEvent) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  'aria-haspopup'?: 'menu';
  'aria-expanded'?: boolean;
}

/**
 * A menu whose button is part of the page's first render and whose code is not: the kit's
 * menu brings its popover, positioning (floating-ui) and focus trap, about 20 KB compressed,
 * which every page's first screen waited for because the header's menus (the language, the
 * person's own) were in it. Pressed before its code has arrived, the button asks for it and
 * the menu opens when it is there, as if it had been there all along, unless the person has
 * gone elsewhere meanwhile.
 */
export function LazyMenu({
  target,
  items,
  ...menuProps
}: {
  target: (props: MenuTargetProps) => ReactElement;
  items: (Menu: MenuKit['Menu']) => ReactNode;
} & Omit<MenuProps, 'children' | 'opened' | 'onChange' | 'defaultOpened'>) {
  const loaded = useSyncExternalStore(subscribe, loadedKit, loadedKit);
  const button = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  // The button is replaced by the menu's own when the code arrives: one that had the focus (a
  // keyboard user on their way through the header) gives it to its successor before the paint.
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    if (loaded !== null && hadFocus.current) button.current?.focus();
  }, [loaded]);
  useEffect(() => {
    if (loaded === null || !openWhenLoaded) return;
    setOpenWhenLoaded(false);
    // Pressed, and still where the press left the focus (on the button, or nowhere): the menu
    // opens, its button taking the focus so that closing gives it back there.
    const active = document.activeElement;
    if (!hadFocus.current && active !== null && active !== document.body) return;
    button.current?.focus();
    setOpened(true);
  }, [loaded, openWhenLoaded]);

  if (loaded === null) {
    return target({
      ref: button,
      onClick: () => {
        setOpenWhenLoaded(true);
        void loadMenus().then((arrived) => {
          if (!arrived) setOpenWhenLoaded(false);
        });
      },
      onPointerEnter: () => void loadMenus(),
      onPointerDown: (down: ReactPointerEvent) => {
        void loadMenus();
        // Only a press that would click: the main button of the primary pointer.
        if (!down.isPrimary || down.button !== 0) return;
        // The code may arrive while the finger is down: the button is then replaced between
        // down and up, and the browser sends the click to neither. A release of this pointer on
        // the new button is the press the person made. The next press, wherever, ends the wait.
        const press = new AbortController();
        const released = (up: PointerEvent) => {
          if (up.pointerId !== down.pointerId) return;
          press.abort();
          if (kit === null || !(up.target instanceof Node) || button.current?.contains(up.target) !== true) return;
          // After the release's own click, should a browser send one to the new button.
          setTimeout(() => {
            button.current?.focus();
            setOpened(true);
          });
        };
        document.addEventListener('pointerup', released, { capture: true, signal: press.signal });
        for (const ending of ['pointercancel', 'pointerdown'] as const)
          document.addEventListener(ending, () => press.abort(), { capture: true, signal: press.signal });
      },
      onFocus: () => {
        hadFocus.current = true;
        void loadMenus();
      },
      onBlur: () => {
        hadFocus.current = false;
      },
      'aria-haspopup': 'menu',
      'aria-expanded': false,
    });
  }
  const { Menu } = loaded;
  return (
    // Opening focuses the first item, not the kit's invisible placeholder before the items (a
    // focusable element in a menu that is not one of its items, which axe counts as a fault).
    <Menu withInitialFocusPlaceholder={false} {...menuProps} opened={opened} onChange={setOpened}>
      <Menu.Target>{target({ ref: button })}</Menu.Target>
      <Menu.Dropdown>{items(Menu)}</Menu.Dropdown>
    </Menu>
  );
}
