import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * The web app imports Mantine's styles per component from one list (web/src/mantineStyles.ts)
 * rather than the whole kit's stylesheet. A component used anywhere in web/src whose styles
 * (or the styles of the components it is built from) are not on that list would render
 * unstyled: this names it. The list must also keep Mantine's own order, in which a
 * component's styles come after those of its parts.
 */
const root = path.join(import.meta.dirname, '../..');
const mantine = path.join(root, 'node_modules/@mantine/core');
const stylesDir = path.join(mantine, 'styles');
const listFile = path.join(root, 'web/src/mantineStyles.ts');

const cssNames = new Set(
  readdirSync(stylesDir)
    .filter((file) => file.endsWith('.css') && !file.endsWith('.layer.css'))
    .map((file) => file.slice(0, -'.css'.length)),
);

function componentsUsedByTheApp(): Set<string> {
  const used = new Set<string>();
  const files = readdirSync(path.join(root, 'web/src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  for (const file of files) {
    const source = readFileSync(path.join(root, 'web/src', file), 'utf8');
    for (const match of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@mantine\/core'/g)) {
      for (const name of (match[1] ?? '').split(',').map((part) => part.trim())) {
        if (/^[A-Z]/.test(name)) used.add(name.split(/\s+as\s+/)[0] ?? name);
      }
    }
  }
  return used;
}

/** The style files a component needs: its own and those of every component its code imports. */
function stylesNeeded(components: Iterable<string>): Set<string> {
  const esm = path.join(mantine, 'esm');
  const queue = [...components].map((name) => path.join(esm, 'components', name, `${name}.mjs`)).filter((file) => existsSync(file));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/from\s+["'](\.[^"']+)["']/g)) {
      queue.push(path.resolve(path.dirname(file), match[1] ?? ''));
    }
  }
  const needed = new Set<string>();
  for (const file of seen) for (const segment of path.relative(esm, file).split(path.sep)) if (cssNames.has(segment)) needed.add(segment);
  return needed;
}

const listed = [...readFileSync(listFile, 'utf8').matchAll(/^import '@mantine\/core\/styles\/([A-Za-z-]+)\.css';$/gm)].map(
  (m) => m[1] ?? '',
);

test('every Mantine component the app uses has its styles, and those of its parts, on the list', () => {
  const used = componentsUsedByTheApp();
  assert.ok(used.has('Button') && used.has('NavLink'), `the scan found the app's components: ${[...used].join(', ')}`);
  const missing = [...stylesNeeded(used)].filter((name) => !listed.includes(name)).sort();
  assert.deepEqual(missing, [], `add to web/src/mantineStyles.ts: ${missing.map((name) => `@mantine/core/styles/${name}.css`).join(', ')}`);
});

test('the global styles come first and the list keeps the order of Mantine’s own stylesheet', () => {
  assert.deepEqual(listed.slice(0, 3), ['baseline', 'default-css-variables', 'global']);
  const whole = readFileSync(path.join(mantine, 'styles.css'), 'utf8');
  const positions = listed.map((name) => {
    const own = readFileSync(path.join(stylesDir, `${name}.css`), 'utf8').trim();
    const at = whole.indexOf(own.slice(0, 120));
    assert.ok(at >= 0, `${name}.css is part of Mantine's stylesheet`);
    return { name, at };
  });
  for (let i = 1; i < positions.length; i += 1) {
    const previous = positions[i - 1];
    const current = positions[i];
    assert.ok(previous && current && previous.at < current.at, `${current?.name}.css must come before ${previous?.name}.css`);
  }
});
