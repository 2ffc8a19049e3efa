import type { TestEvent } from 'node:test/reporters';

/** A node:test reporter that counts leaf tests and writes `{ passed, failed }` as JSON. */
export default async function* summaryReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data as { details?: { type?: string }; skip?: unknown; todo?: unknown };
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') passed += 1;
    else failed += 1;
  }
  yield JSON.stringify({ passed, failed });
}
