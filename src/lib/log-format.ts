// How log lines look: JSON (one object a line, for a log collector) unless the output is a
// terminal, where a person reads them as they come. The JSON is what pino writes; this only
// reshapes each line, so both carry the same fields and nothing more.
import { Writable } from 'node:stream';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// pino's own fields, shown by position instead of as `key=value`.
const SHOWN_BY_POSITION = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'reqId', 'method', 'route', 'status', 'ms']);

function value(field: unknown): string {
  if (typeof field === 'string') return /[\s"=]/.test(field) ? JSON.stringify(field) : field;
  return JSON.stringify(field) ?? String(field);
}

/** One JSON log line as a person reads it: `14:03:07 INFO  message key=value`; not JSON: as it is. */
export function humanLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return line;
    entry = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === 'string' ? new Date(entry.time) : new Date(typeof entry.time === 'number' ? entry.time : Date.now());
  const clock = Number.isNaN(time.getTime()) ? '--:--:--' : time.toTimeString().slice(0, 8);
  const level = (typeof entry.level === 'number' ? LEVEL_NAMES[entry.level] : undefined) ?? value(entry.level ?? '');
  // A request line: `GET /api/patients/:id 200 12 ms`.
  const request =
    typeof entry.method === 'string' && typeof entry.route === 'string'
      ? `${entry.method} ${entry.route} ${value(entry.status)} ${value(entry.ms)} ms`
      : null;
  const message = typeof entry.msg === 'string' && (request === null || entry.msg !== 'request') ? entry.msg : '';
  const rest = Object.entries(entry)
    .filter(([key]) => !SHOWN_BY_POSITION.has(key))
    .map(([key, field]) => `${key}=${value(field)}`);
  return [clock, level.padEnd(5), request, message, ...rest].filter((part) => part !== null && part !== '').join(' ');
}

/** A stream that writes each JSON line it receives to `out` as `humanLogLine` shapes it. */
export function humanLogStream(out: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      const text = lines.map((line) => `${humanLogLine(line)}\n`).join('');
      // Straight through, not on the write's callback: a line written just before
      // process.exit() still reaches the terminal.
      if (text !== '') out.write(text);
      done();
    },
    final(done) {
      if (pending !== '') out.write(`${humanLogLine(pending)}\n`);
      done();
    },
  });
}

/**
 * Where the process's logs go: stdout as JSON, or readable when stdout is a terminal.
 * `LOG_FORMAT=json` or `LOG_FORMAT=human` chooses either way.
 */
export function logDestination(stdout: NodeJS.WriteStream, format: string | undefined): NodeJS.WritableStream {
  const human = format === 'human' || (format !== 'json' && stdout.isTTY);
  return human ? humanLogStream(stdout) : stdout;
}
