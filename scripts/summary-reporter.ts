import path from 'node:path';
import type { TestEvent } from 'node:test/reporters';

/**
 * A node:test reporter that writes the run's counts as JSON for scripts/test.ts, which prints
 * the last line `N passed, N failed, N skipped`. A skipped or todo test proved nothing, so it
 * is never counted as passed: both go under "skipped" (the closing line has room for three
 * numbers) and each is named in `notRun`. A todo test that fails is, as node:test itself
 * treats it, not a failure. With coverage on, the summary also carries a compact coverage
 * report (totals and the least-covered files) instead of the spec reporter's full table.
 */
export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  notRun: { kind: 'skip' | 'todo'; file: string; name: string; reason: string }[];
  coverage: CoverageSummary | null;
}

export interface CoverageSummary {
  lines: number;
  branches: number;
  functions: number;
  files: number;
  leastCovered: { file: string; lines: number; branches: number; functions: number; uncoveredLines: number }[];
}

type Outcome = {
  name: string;
  file?: string;
  skip?: unknown;
  todo?: unknown;
  details?: { type?: string; error?: { failureType?: string } };
};

export default async function* summaryReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, notRun: [], coverage: null };
  const cwd = process.cwd();
  for await (const event of source) {
    if (event.type === 'test:coverage') {
      summary.coverage = compactCoverage(event.data.summary);
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data as Outcome;
    const file = data.file ? path.relative(cwd, data.file) : '';
    const notRun = (kind: 'skip' | 'todo', reason: unknown) => {
      summary.skipped += 1;
      summary.notRun.push({ kind, file, name: data.name, reason: typeof reason === 'string' ? reason : '' });
    };
    if (data.details?.type === 'suite') {
      // A skipped suite's tests are never reported: the suite stands for them, once.
      if (data.skip !== undefined) notRun('skip', data.skip);
      // A suite fails on its own only through a hook (its failing tests are already counted).
      else if (event.type === 'test:fail' && data.details.error?.failureType !== 'subtestsFailed') summary.failed += 1;
      continue;
    }
    if (data.todo !== undefined) notRun('todo', data.todo);
    else if (data.skip !== undefined) notRun('skip', data.skip);
    else if (event.type === 'test:pass') summary.passed += 1;
    else summary.failed += 1;
  }
  yield JSON.stringify(summary);
}

type CoverageReport = Extract<TestEvent, { type: 'test:coverage' }>['data']['summary'];

function compactCoverage(report: CoverageReport): CoverageSummary {
  const files = report.files.filter((file) => file.totalLineCount > 0);
  const leastCovered = [...files]
    .sort(
      (a, b) =>
        a.coveredLinePercent - b.coveredLinePercent ||
        b.totalLineCount - b.coveredLineCount - (a.totalLineCount - a.coveredLineCount) ||
        a.path.localeCompare(b.path),
    )
    .slice(0, 10)
    .map((file) => ({
      file: path.relative(report.workingDirectory, file.path),
      lines: file.coveredLinePercent,
      branches: file.coveredBranchPercent,
      functions: file.coveredFunctionPercent,
      uncoveredLines: file.totalLineCount - file.coveredLineCount,
    }));
  const { totals } = report;
  return {
    lines: totals.coveredLinePercent,
    branches: totals.coveredBranchPercent,
    functions: totals.coveredFunctionPercent,
    files: files.length,
    leastCovered,
  };
}
