import type { CoverageSummary, RunSummary } from './summary-reporter.ts';

/**
 * Node's built-in coverage over the product's source (server and web), not the tests, the test
 * support or node_modules. Only files some test loads are measured: the web app's pages run in
 * the browser tests' Chromium, which this does not see, so web/src counts its pure modules.
 */
export const coverageFlags = [
  '--experimental-test-coverage',
  '--test-coverage-include=src/**',
  '--test-coverage-include=web/src/**',
  '--test-coverage-exclude=**/*.test.ts',
  '--test-coverage-exclude=**/*.test.tsx',
];

const percent = (value: number) => `${value.toFixed(1)}%`;

/** Totals, then the ten least-covered files: informational, no threshold fails the run yet. */
export function formatCoverage(coverage: CoverageSummary): string {
  const width = Math.max('least covered'.length, ...coverage.leastCovered.map((file) => file.file.length));
  const row = (cells: string[]) =>
    `  ${cells[0]!.padEnd(width)}${cells
      .slice(1)
      .map((cell, i) => cell.padStart([8, 10, 11, 17][i]!))
      .join('')}`;
  return [
    `coverage of the ${coverage.files} source files the tests loaded: lines ${percent(coverage.lines)}, ` +
      `branches ${percent(coverage.branches)}, functions ${percent(coverage.functions)}`,
    row(['least covered', 'lines', 'branches', 'functions', 'uncovered lines']),
    ...coverage.leastCovered.map((file) =>
      row([file.file, percent(file.lines), percent(file.branches), percent(file.functions), String(file.uncoveredLines)]),
    ),
  ].join('\n');
}

/** Every skipped and todo test by name, so one never hides behind a green line. */
export function formatNotRun(notRun: RunSummary['notRun']): string {
  return [
    `not run (${notRun.length}):`,
    ...notRun.map((test) => `  ${test.kind} ${test.file} › ${test.name}${test.reason ? ` (${test.reason})` : ''}`),
  ].join('\n');
}
