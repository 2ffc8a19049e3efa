import { createHash } from 'node:crypto';
import { existsSync, globSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The built web app belongs to the sources it was built from. `npm start` rebuilds it when they
 * changed (after an upgrade the old build would otherwise be served, and kept by every phone's
 * service worker); every build records what it was built from (web/vite.config.ts writes it).
 */
const ROOT = path.join(import.meta.dirname, '../..');
// The web app's own files, and the pure server files it imports (codes, problem codes, dates).
const SOURCES = [
  'web/index.html',
  'web/vite.config.ts',
  'web/scripts/messagesByLanguage.ts',
  'web/scripts/messageCatalogue.ts',
  'web/src/**/*.{ts,tsx,css}',
  'web/public/**/*',
  'src/codes.ts',
  'src/lib/dates.ts',
  'src/lib/http/field-codes.ts',
  'src/modules/*/codes.ts',
  'src/modules/*/phases.ts',
  'src/modules/*/problems.ts',
  'package-lock.json',
];
export const BUILD_STAMP = '.built-from';

/** A digest of the sources' paths and contents. */
export function webSourceFingerprint(root = ROOT): string {
  const files = [...new Set(SOURCES.flatMap((pattern) => globSync(pattern, { cwd: root })))]
    .filter((file) => !file.endsWith('.test.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Whether `webDist` holds a build of the current sources. */
function webBuildIsCurrent(webDist: string): boolean {
  const stamp = path.join(webDist, BUILD_STAMP);
  return existsSync(path.join(webDist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === webSourceFingerprint();
}

/** Builds the web app into `webDist` unless it already holds a build of these sources. */
export async function ensureWebBuild(webDist: string, log: (message: string) => void): Promise<void> {
  if (webBuildIsCurrent(webDist)) return;
  log(
    existsSync(path.join(webDist, 'index.html')) ? 'the web app changed: building it again…' : 'building the web app (first start only)…',
  );
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webDist } });
}
