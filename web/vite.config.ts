import { globSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { BUILD_STAMP, webSourceFingerprint } from '../src/lib/web-build.ts';
import { messagesByLanguage } from './scripts/messagesByLanguage.ts';

// The web app lives in web/; the API process serves web/dist in production.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `file.br` (brotli 11) and `file.gz` (gzip 9) beside every text file of the build,
 * once, so the server never compresses the app's files on the fly (src/lib/http/static.ts
 * serves the variant the browser accepts). Runs after the service worker is generated, so
 * sw.js is compressed too and the worker's precache list names only the plain files.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'bridgeway:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = (await readdir(outDir, { recursive: true })).filter((file) => /\.(js|css|html|svg|webmanifest|json)$/.test(file));
        await Promise.all(
          files.map(async (file) => {
            const full = path.join(outDir, file);
            if ((await stat(full)).size < 1024) return; // not worth a round of decoding
            const content = await readFile(full);
            const brotli = await promisify(brotliCompress)(content, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
            });
            const gzipped = await promisify(gzip)(content, { level: 9 });
            await writeFile(`${full}.br`, brotli);
            await writeFile(`${full}.gz`, gzipped);
          }),
        );
      },
    },
  };
}

/**
 * The UI kit's ScrollArea imports one hook from @floating-ui/react, to merge two refs; a module
 * is never split between chunks, so every page with a kit table (whose scroll container imports
 * ScrollArea) downloaded all of floating-ui with it. In the build that import is
 * src/components/scrollAreaRefs.ts, the same hook over @mantine/hooks, already in the app chunk.
 */
const SCROLL_AREA = /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/;
function scrollAreaWithoutFloatingUi(): Plugin {
  let replaced = false;
  return {
    name: 'bridgeway:scroll-area-refs',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      replaced = false;
    },
    resolveId(source, importer) {
      if (source !== '@floating-ui/react' || importer === undefined || !SCROLL_AREA.test(importer)) return null;
      replaced = true;
      return path.join(root, 'src/components/scrollAreaRefs.ts');
    },
    buildEnd() {
      // A new version of the kit that moved ScrollArea or its import would silently bring
      // floating-ui back into every page with a table.
      if (!replaced) this.error('ScrollArea no longer imports @floating-ui/react where web/vite.config.ts expects it');
    },
  };
}

/** Records which sources this build is of, so `npm start` knows when to build again (src/lib/web-build.ts). */
function stampBuild(): Plugin {
  let outDir = '';
  return {
    name: 'bridgeway:build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await writeFile(path.join(outDir, BUILD_STAMP), `${webSourceFingerprint()}\n`);
    },
  };
}

/**
 * The app's first script (src/main.tsx) is small and loads React, the UI kit and the frame
 * (src/app/start.tsx) itself, after it has asked for the language, the session and the opened
 * page. index.html names that chunk and what it imports as `modulepreload`, so the browser
 * downloads it with the first script instead of one round trip after it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'bridgeway-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (bundle === undefined) return;
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const start = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('/src/app/start.tsx')));
        if (start === undefined) throw new Error('the app chunk (src/app/start.tsx) is not in the build');
        const entry = chunks.find((chunk) => chunk.isEntry);
        const already = new Set([entry?.fileName, ...(entry?.imports ?? [])].filter((file) => file !== undefined));
        const listed = (fileName: string) => already.has(fileName) || html.includes(`/${fileName}"`);
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (listed(fileName) || files.includes(fileName)) return;
          files.push(fileName);
          for (const imported of (bundle[fileName] as { imports?: string[] } | undefined)?.imports ?? []) visit(imported);
        };
        visit(start.fileName);
        return files.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The modules of the first render: the app chunk (src/app/start.tsx: React, the UI kit, the
 * frame) and the pages that start loading with the app (`preload: true`: sign-in and home, one of
 * which nearly every visit shows, and which every first page downloads). They go into one chunk
 * (`app`, below) instead of the dozens of small shared chunks the splitter would otherwise make
 * of them: over HTTP/1.1 a phone fetches six files at a time, one round trip each (150 ms on
 * slow 4G), so sign-in's 64 requests before its first render were seconds of waiting; now 10.
 * A page opened later imports the kit's components from that chunk, which it already has.
 */
const CATALOGUE = /[\\/]src[\\/]app[\\/]catalogue\.ts$/;
const FIRST_RENDER_ROOTS = ['/src/app/start.tsx', '/src/modules/session/SignInPage.tsx', '/src/modules/home/HomePage.tsx'];
const firstRender = new Set<string>();
/** What src/main.tsx imports: one chunk beside it (it shares some with later pages), not six. */
const firstScript = new Set<string>();
// The UI kit's indexes re-export every component and hook: following one would put all of them
// (those of every page) into the app chunk, and the app chunk would then hold, for the pages that
// use them later, code no first page runs (the hooks' index brought a drag handler, a long press,
// a clipboard...). The names the first render's files import from an index are followed instead
// (`import { Button, Group } from '@mantine/core'`, read as each file is transformed, the kit's
// own files included), each to the file the index takes it from. A name the index does not
// list fails the build rather than quietly sending the whole kit into the app chunk.
const KIT_INDEX = /[\\/]@mantine[\\/](core|hooks)[\\/]esm[\\/]index\.mjs$/;
const KIT_FILE = /[\\/]node_modules[\\/]@mantine[\\/]/;
/** For each file, the names it imports from each kit package ('core', 'hooks'). */
const kitNamesByFile = new Map<string, Map<string, string[]>>();
/**
 * My caseload and the patient overview (with its sections), the two pages a case manager opens
 * all day: each page's own modules (what it imports, less the first render's) in one chunk of
 * its own, and what both import (the patient helpers and queries, the kit's table) in a third.
 * Left to the shared groups, My caseload waited for twelve chunks (55 KB compressed, most of it
 * the patient overview's dialogs, the notifications container, forms) and the overview for
 * about twenty, in several rounds of six requests at a time. When what both share lived in My
 * caseload's chunk, the overview downloaded all of My caseload (15 KB) and its stylesheet for
 * it. Another page that imports one of these modules downloads that chunk.
 */
const CASELOAD_ROOTS = ['/src/modules/caseload/CaseloadPage.tsx'];
const PATIENT_ROOTS = ['/src/modules/patients/PatientOverviewPage.tsx', '/src/components/ModuleSections.tsx'];
// Every module's part of the overview (`patientSections` in each module.ts, loaded together by
// app/patientSections.ts) lives in its patientSection.tsx, apart from its part of the episode screen.
const PATIENT_SECTIONS = globSync('src/modules/*/patientSection.tsx', { cwd: root }).map((file) => `/${file.split(path.sep).join('/')}`);
/**
 * The first screens' files, whose words come before the first render; the rest of the language
 * comes after (web/scripts/firstMessageKeys.ts): 17.7 KB (English, brotli) less before a phone's first screen.
 */
const FIRST_MESSAGE_ROOTS = ['/src/main.tsx', ...FIRST_RENDER_ROOTS, ...CASELOAD_ROOTS, ...PATIENT_ROOTS, ...PATIENT_SECTIONS];
const caseloadPage = new Set<string>();
const patientPage = new Set<string>();
const bothPages = new Set<string>();
function collectFirstRender(): Plugin {
  return {
    name: 'bridgeway-first-render-modules',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]web[\\/]src[\\/].*\.tsx?$/.test(id) && !KIT_FILE.test(id)) return;
      const byPackage = new Map<string, string[]>();
      for (const match of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/(core|hooks)['"]/g)) {
        const names = (match[1] ?? '').split(',').flatMap((part) => {
          const name =
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0] ?? '';
          return name === '' || part.trim().startsWith('type ') ? [] : [name];
        });
        const kit = match[2] ?? '';
        byPackage.set(kit, [...(byPackage.get(kit) ?? []), ...names]);
      }
      kitNamesByFile.set(id, byPackage);
    },
    buildEnd() {
      firstRender.clear();
      // Each kit index's names, and the file each comes from (`import { Button } from "./components/Button/Button.mjs"`).
      const indexFiles = new Map<string, Map<string, string>>();
      const fileIn = (index: string, name: string) => {
        let files = indexFiles.get(index);
        if (files === undefined) {
          files = new Map();
          const info = this.getModuleInfo(index);
          const source = readFileSync(index, 'utf8');
          for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
            const from = match[2] ?? '';
            const file = from.startsWith('.')
              ? info?.importedIds.find((imported) => imported === path.resolve(path.dirname(index), from))
              : info?.importedIds.find((imported) => imported.includes(`${path.sep}node_modules${path.sep}${from}${path.sep}`));
            if (file === undefined) continue;
            for (const part of (match[1] ?? '').split(',')) files.set(part.trim().split(/\s+as\s+/)[0] ?? '', file);
          }
          indexFiles.set(index, files);
        }
        return files.get(name);
      };
      const visit = (id: string) => {
        if (firstRender.has(id)) return;
        firstRender.add(id);
        const info = this.getModuleInfo(id);
        for (const imported of info?.importedIds ?? []) {
          const kit = KIT_INDEX.exec(imported)?.[1];
          // A file that only re-exports from the kit (components/menuKit.ts) names nothing here: it
          // brings no kit file into the first render or a page's chunk.
          const names = kit === undefined ? undefined : (kitNamesByFile.get(id)?.get(kit) ?? []);
          if (names === undefined) {
            visit(imported);
            continue;
          }
          for (const name of names) {
            const file = fileIn(imported, name);
            // The index changed its form, or the name is not the kit's: left alone, the whole kit would go into the app chunk.
            if (file === undefined)
              this.error(`${id} imports ${name} from @mantine/${kit ?? ''}, which its index does not name (web/vite.config.ts)`);
            visit(file);
          }
        }
      };
      const find = (root: string) => {
        const id = [...this.getModuleIds()].find((candidate) => candidate.endsWith(root));
        if (id === undefined) throw new Error(`${root} is not in the build (web/vite.config.ts)`);
        return id;
      };
      // What the first script (src/main.tsx) itself needs stays in it, so that it runs, and asks
      // for the language, the session and the page, without waiting for the app chunk.
      const main = find('/src/main.tsx');
      visit(main);
      firstScript.clear();
      for (const id of firstRender) if (id !== main) firstScript.add(id);
      for (const root of FIRST_RENDER_ROOTS) visit(find(root));
      for (const id of firstScript) firstRender.delete(id);
      firstRender.delete(main);
      // A page's own modules: everything its roots import, less what an earlier chunk holds.
      const reach = (roots: string[], taken: Set<string>[]) => {
        const before = new Set(firstRender);
        for (const root of roots) visit(find(root));
        const reached = new Set<string>();
        for (const id of firstRender) if (!before.has(id) && !taken.some((set) => set.has(id))) reached.add(id);
        for (const id of [...firstRender]) if (!before.has(id)) firstRender.delete(id);
        return reached;
      };
      const catalogue = new Set([...this.getModuleIds()].filter((id) => CATALOGUE.test(id)));
      // What the app loads after its first render on every page (the notifications container,
      // the service worker's helper): left to the shared groups, or every page would download
      // the caseload's or the overview's chunk with it. The pages (each module's module.ts) and
      // the overview's sections (app/patientSections.ts) are not such parts.
      const everyPage = new Set<string>();
      const before = new Set(firstRender);
      for (const id of [...firstScript, ...before]) {
        if (/[\\/]module\.ts$|[\\/]patientSections\.ts$/.test(id)) continue;
        for (const lazy of this.getModuleInfo(id)?.dynamicallyImportedIds ?? []) if (!before.has(lazy)) visit(lazy);
      }
      for (const id of [...firstRender]) {
        if (before.has(id)) continue;
        firstRender.delete(id);
        everyPage.add(id);
      }
      const earlier = [firstScript, catalogue, everyPage];
      const caseload = reach(CASELOAD_ROOTS, earlier);
      const patient = reach([...PATIENT_ROOTS, ...PATIENT_SECTIONS], earlier);
      bothPages.clear();
      caseloadPage.clear();
      patientPage.clear();
      for (const id of caseload) (patient.has(id) ? bothPages : caseloadPage).add(id);
      for (const id of patient) if (!bothPages.has(id)) patientPage.add(id);
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    messagesByLanguage(root, FIRST_MESSAGE_ROOTS),
    scrollAreaWithoutFloatingUi(),
    react(),
    stampBuild(),
    preloadAppChunk(),
    collectFirstRender(),
    VitePWA({
      // The page asks before it reloads into a new version (web/src/pwa/), never mid-form.
      registerType: 'prompt',
      injectRegister: false,
      // The installed app's icons are fetched by the browser when it installs, not precached.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Bridgeway',
        short_name: 'Bridgeway',
        description: 'Case management for substance use disorder treatment programs',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1c7ed6',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app's own files only: the shell, every page's code and styles. Nothing
        // is cached at run time, so no API answer (patient data) ever lands in Cache Storage;
        // the offline note drafts of the contacts issue live in IndexedDB, not here.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        runtimeCaching: [],
        navigateFallback: '/index.html',
        // A navigation to the API (the docs, the OpenAPI document) goes to the server, never to the shell.
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
    precompress(),
  ],
  build: {
    // The app chunk holds React DOM and the UI kit's parts of the first render (about 130 KB compressed).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Each group's modules only: what a grouped module imports from the other group stays there.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'first', test: (id: string) => firstScript.has(id), priority: 20 },
            { name: 'app', test: (id: string) => firstRender.has(id), priority: 10 },
            // Both languages' messages (240 KB, 52 KB compressed), for the few screens that need
            // another language than the reader's: a chunk of their own. Merged into the small
            // shared group below they came with the consents' queries, so every patient overview
            // (whose consent section uses one of them) downloaded and evaluated them.
            { name: 'catalogue', test: (id: string) => CATALOGUE.test(id), priority: 5 },
            { name: 'caseload', test: (id: string) => caseloadPage.has(id), priority: 4 },
            { name: 'patient', test: (id: string) => patientPage.has(id), priority: 3 },
            { name: 'caseload-patient', test: (id: string) => bothPages.has(id), priority: 2 },
            // The rest, shared by several pages: grouped by the pages that use them, small groups
            // merged, so a page opened later waits for a few files rather than twenty.
            {
              name: 'shared',
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 10000,
              includeDependenciesRecursively: true,
              priority: 1,
            },
          ],
        },
      },
    },
    outDir: 'dist',
    emptyOutDir: true,
    // Built for whoever debugs a stack trace on the server, but with no sourceMappingURL comment:
    // browsers never fetch them, and the server serves them only with BRIDGEWAY_SOURCE_MAPS=true.
    sourcemap: 'hidden',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3100', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3100', changeOrigin: false },
    },
  },
});
