import path from 'node:path';
import type { IssueRecords, ReporterOptions } from 'knip';

/**
 * A knip preprocessor (knip.jsonc): takes out of the report exactly the findings that
 * knip.jsonc lists as known (`type file symbol`, e.g. `exports src/lib/ids.ts isUuid`),
 * and fails the run when a listed finding no longer occurs.
 * Anything not listed, including a new unused export in a file that has known ones, still fails.
 */
export default function withoutKnownFindings(options: ReporterOptions): ReporterOptions {
  const settings = (
    typeof options.preprocessorOptions === 'string' ? JSON.parse(options.preprocessorOptions || '{}') : options.preprocessorOptions
  ) as {
    known?: string[];
  };
  const known = new Set(settings.known ?? []);
  const seen = new Set<string>();
  for (const [type, records] of Object.entries(options.issues) as [keyof ReporterOptions['issues'], IssueRecords][]) {
    for (const [file, bySymbol] of Object.entries(records)) {
      for (const [symbol, issue] of Object.entries(bySymbol)) {
        const where = path.relative(options.cwd, issue.filePath || file);
        const what = issue.symbol || symbol;
        const key = type === 'files' ? `files ${where}` : `${type} ${where} ${what}`;
        if (!known.has(key)) continue;
        seen.add(key);
        delete bySymbol[symbol];
        options.counters[type] -= 1;
      }
      if (Object.keys(bySymbol).length === 0) delete records[file];
    }
  }
  // A known finding that is gone is reported as a configuration hint ("Remove from ignore"),
  // which knip.jsonc makes an error (treatConfigHintsAsErrors), so the list only shrinks.
  for (const key of known) {
    if (!seen.has(key))
      options.configurationHints.push({ type: 'ignore', identifier: key, filePath: options.configFilePath ?? 'knip.jsonc' });
  }
  return options;
}
