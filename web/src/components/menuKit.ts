// The UI kit's menu (its popover, positioning and focus trap), loaded apart from the first
// render by components/LazyMenu.tsx. Re-exported, not imported: web/vite.config.ts, which reads
// `import { … } from '@mantine/core'`, then leaves the menu's parts out of what every page loads
// after its first, so the parts the menu shares with My caseload and the overview (the check
// icon, the combobox's pieces) stay in their chunks and no page waits for an extra file. The
// price: a page other than those two downloads their shared chunk (10 KB) with the menu code,
// seconds after its first screen, when the service worker downloads every file anyway.
export { Menu } from '@mantine/core';
