import { Type } from 'typebox';
import type { Audit } from '../../lib/audit/audit.ts';

/**
 * The most rows one CSV export holds (every export: audit log, disclosures, expiring consents,
 * emergency disclosures). A larger set is cut at the newest rows and the answer says so
 * (`X-Export-Truncated: true`); narrow the dates to get the rest.
 */
const EXPORT_ROW_CAP = 50_000;

/**
 * At most `cap` rows of `query` and whether it held more: fetches one row past the cap, so
 * "cut" is known without a count. Every export reads through it (the emergency-access
 * export with its own, smaller cap).
 */
export async function capped<T>(
  query: { limit: (n: number) => { execute: () => Promise<T[]> } },
  cap = EXPORT_ROW_CAP,
): Promise<{ rows: T[]; truncated: boolean }> {
  const fetched = await query.limit(cap + 1).execute();
  return { rows: fetched.slice(0, cap), truncated: fetched.length > cap };
}

/** The names of the filters a query used (never their values: those may be names or free text). */
export function filterNames(query: object): string[] {
  return Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== 'limit' && key !== 'cursor')
    .map(([key]) => key)
    .sort();
}

/** The one audit row of an export: which list, which filters, how many rows. Codes only. */
export async function auditExport(audit: Audit, list: string, query: object, rows: number, truncated: boolean): Promise<void> {
  await audit({ action: 'export', recordType: list, details: { filters: filterNames(query), rows, truncated } });
}

/** Headers an export answers besides the download itself. */
export function exportHeaders(rows: number, truncated: boolean): Record<string, string> {
  return { 'x-export-rows': String(rows), 'x-export-truncated': String(truncated) };
}

/** An export's 200 in the OpenAPI document: a CSV file (RFC 4180, UTF-8 with a BOM), sent as a download. */
export const CsvDownload = {
  description:
    'A CSV file (UTF-8 with a byte order mark), sent as a download; X-Export-Rows and X-Export-Truncated say how many rows and whether the cap cut it',
  content: { 'text/csv': { schema: Type.String() } },
};
