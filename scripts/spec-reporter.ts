import { Readable } from 'node:stream';
import { spec, type TestEvent } from 'node:test/reporters';

/**
 * node:test's spec reporter without its coverage table: that table lists every file (well
 * over a hundred lines); the summary reporter prints a compact one instead (scripts/test.ts).
 */
export default async function* specWithoutCoverageTable(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  async function* withoutCoverage() {
    for await (const event of source) if (event.type !== 'test:coverage') yield event;
  }
  for await (const chunk of Readable.from(withoutCoverage()).pipe(new spec())) yield String(chunk);
}
