import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { humanLogLine, humanLogStream, logDestination } from './log-format.ts';

const at = new Date(2026, 10, 30, 14, 3, 7).toISOString();

test('a JSON log line reads as time, level, message and the other fields', () => {
  const cases: [entry: Record<string, unknown>, expected: string][] = [
    [
      { level: 30, time: at, msg: 'Bridgeway is running at http://localhost:3000' },
      '14:03:07 INFO  Bridgeway is running at http://localhost:3000',
    ],
    [
      {
        level: 20,
        time: at,
        pid: 1,
        hostname: 'h',
        reqId: 'r',
        method: 'GET',
        route: '/api/patients/:id',
        status: 200,
        ms: 12,
        msg: 'request',
      },
      '14:03:07 DEBUG GET /api/patients/:id 200 12 ms',
    ],
    [{ level: 40, time: at, msg: 'setup code', setupCode: 'ABCD-EFGH' }, '14:03:07 WARN  setup code setupCode=ABCD-EFGH'],
    [
      { level: 50, time: at, msg: 'could not start', err: { message: 'port in use' } },
      '14:03:07 ERROR could not start err={"message":"port in use"}',
    ],
    [
      { level: 30, time: at, msg: 'shutting down', signal: 'SIGTERM', note: 'two words' },
      '14:03:07 INFO  shutting down signal=SIGTERM note="two words"',
    ],
  ];
  for (const [entry, expected] of cases) assert.equal(humanLogLine(JSON.stringify(entry)), expected);
  assert.equal(humanLogLine('not json at all'), 'not json at all');
});

test('the stream reshapes whole lines, even when a line arrives in pieces', async () => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const stream = humanLogStream(out);
  const line = JSON.stringify({ level: 30, time: at, msg: 'stopped' });
  stream.write(line.slice(0, 10));
  stream.write(`${line.slice(10)}\n${line}\n`);
  await new Promise<void>((resolve) => stream.end(resolve));
  assert.equal(chunks.join(''), '14:03:07 INFO  stopped\n14:03:07 INFO  stopped\n');
});

test('JSON unless stdout is a terminal; LOG_FORMAT chooses either way', () => {
  const terminal = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
  const pipe = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  assert.equal(logDestination(pipe, undefined), pipe);
  assert.notEqual(logDestination(terminal, undefined), terminal);
  assert.equal(logDestination(terminal, 'json'), terminal);
  assert.notEqual(logDestination(pipe, 'human'), pipe);
});
