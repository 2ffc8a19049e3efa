import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { firstMessageKeys } from '../../web/scripts/firstMessageKeys.ts';

/** A small app on disk: `files` by path, the first one the root. */
function app(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-first-words-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

const keys = ['page.title', 'page.col.name', 'phase.intake', 'phase.closed', 'part.label', 'dialog.title', 'only.declared', 'nav.page'];

test('the first screens’ words: what the files their imports reach name, or begin in a template', () => {
  const dir = app({
    'Page.tsx': [
      "import { Part } from './parts/Part.tsx';",
      "import { pageMessages } from './messages.ts';",
      "import type { Route } from './route.ts';",
      "const Dialog = lazy(() => import('./Dialog.tsx'));",
      "export const Page = () => [t('page.title'), t(`page.col.${'name'}`.length ? \"page.col.name\" : ''), t(`phase.${phase}`)];",
    ].join('\n'),
    'parts/Part.tsx': "export { routes } from '../module.ts';\nexport const Part = () => t(`part.label`);",
    'module.ts': "export const routes = [{ nav: { label: 'nav.page' } }];",
    'route.ts': 'export interface Route { path: string }',
    'Dialog.tsx': "export const Dialog = () => t('dialog.title');",
    'messages.ts': "export const pageMessages = { 'only.declared': { en: 'x', es: 'x' } };",
  });
  const first = firstMessageKeys([path.join(dir, 'Page.tsx')], keys, (file) => file.endsWith('messages.ts'));
  assert.deepEqual([...first].sort(), ['nav.page', 'page.col.name', 'page.title', 'part.label', 'phase.closed', 'phase.intake']);
});

test('a template that begins with no dotted part takes nothing', () => {
  const dir = app({ 'Page.tsx': 'export const Page = () => t(`${module}.title`);' });
  assert.deepEqual([...firstMessageKeys([path.join(dir, 'Page.tsx')], keys, () => false)], []);
});
