// What the UI kit's ScrollArea imports from @floating-ui/react (one hook, to merge two refs), in
// the build: web/vite.config.ts points that one import here. Through it, every page with one of
// the kit's tables (its scroll container is built on ScrollArea) downloaded the whole of
// floating-ui, which only the menus, popovers and tooltips use, about 10 KB compressed.
import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

export function useMergeRefs<T>(refs: (Ref<T> | undefined)[]): (node: T | null) => void {
  return useMergedRef(...refs);
}
