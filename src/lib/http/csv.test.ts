import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from './csv.ts';

test('quotes what needs quoting and doubles quotes', () => {
  assert.equal(
    toCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        ['line\nbreak', null],
      ],
    ),
    '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\r\n',
  );
});

test('a typed cell that a spreadsheet would run as a formula is defused; numbers are not', () => {
  assert.equal(
    toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], [-3]]),
    '\uFEFFv\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n-3\r\n',
  );
});

test('dates are written as ISO instants, empty values as nothing', () => {
  assert.equal(toCsv(['d', 'e'], [[new Date('2026-01-02T03:04:05Z'), undefined]]), '\uFEFFd,e\r\n2026-01-02T03:04:05.000Z,\r\n');
});
