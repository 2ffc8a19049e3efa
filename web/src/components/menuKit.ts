// The UI kit's menu (its popover, positioning and focus trap), loaded apart from the first
// render by components/LazyMenu.tsx.
export { Menu } from '@mantine/core';
