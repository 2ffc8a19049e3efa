import type { FastifyReply } from 'fastify';

export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula: an export of what
 * staff typed must not become a command on the privacy officer's computer (OWASP "CSV
 * injection"). Such a cell is written with a leading apostrophe, which spreadsheets hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: a header line, then one line per row, CRLF line ends, UTF-8 with a BOM so spreadsheets read accents. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sends `csv` as a download named `filename` (ASCII, no path), never cached: exports hold patient data. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
