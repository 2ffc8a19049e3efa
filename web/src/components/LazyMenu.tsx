import type { MenuProps } from '@mantine/core';
import type * as MenuKitModule from './menuKit.ts';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';

type MenuKit = typeof MenuKitModule;

let kit: MenuKit | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

/**
 * Starts loading the menus' code, once. The app asks for it when the first page is up
 * (app/App.tsx); a menu's button asks for it when pointed at, focused or pressed.
 */
export function loadMenus(): Promise<void> {
  loading ??= import('./menuKit.ts').then(
    (module) => {
      kit = module;
      for (const notify of waiting) notify();
    },
    () => {
      // Did not arrive (a dropped connection): the button stays, and pressing it asks again.
      loading = null;
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
 * the menu opens when it is there, with the focus on its button as if it had been there all
 * along.
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
    // The button pressed was replaced by the menu's own: the focus goes to it, so that the
    // menu gives the focus back there when it closes.
    button.current?.focus();
    setOpened(true);
  }, [loaded, openWhenLoaded]);

  if (loaded === null) {
    return target({
      ref: button,
      onClick: () => {
        setOpenWhenLoaded(true);
        void loadMenus();
      },
      onPointerEnter: () => void loadMenus(),
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
