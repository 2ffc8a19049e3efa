/**
 * On paper, only the document: the app's header, navigation and on-screen buttons are left off.
 * Rendered by the printable pages only, so the rest of the app prints as it always did.
 */
export function PrintStyles() {
  return (
    <style>{`@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .mantine-AppShell-footer, [data-print="hide"] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
}`}</style>
  );
}
