/**
 * On paper, only the document: the on-screen buttons are left off, as the app's header and
 * navigation always are (app/frame.css). Rendered by the printable pages only.
 */
export function PrintStyles() {
  return (
    <style>{`@media print {
  [data-print="hide"] { display: none !important; }
}`}</style>
  );
}
