import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../test/support/random.ts';

/**
 * Names for the bench's synthetic patients, drawn by their real frequency from public-domain
 * tables (bench/names/*.tsv, each file says its source): the 1,000 most frequent surnames of the
 * 2010 US Census and the 500 most frequent first names of each sex among babies born in
 * 1950–2005 (Social Security Administration). The 1,000 surnames cover 41 % of people; the other
 * 59 % get a long-tail surname made of the first half of one table surname and the second half
 * of another ("Hern" + "son"), so that a fragment matches about as many records as it would in
 * a real population instead of 2.4 times as many.
 *
 * Sampling happens inside PostgreSQL: each table becomes an array of "slots" in proportion to
 * the names' counts (SLOTS in all), and a patient takes the slot `hash % length`.
 */
const SLOTS = 20_000;
/** The share of people whose surname is one of the 1,000 (cumulative proportion at rank 1,000). */
export const TOP_SURNAME_SHARE = 0.4097;

interface Row {
  name: string;
  count: number;
  sex?: string;
}

function readTable(file: string): Row[] {
  const lines = readFileSync(path.join(import.meta.dirname, 'names', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const cell = (column: string) => cells[header.indexOf(column)] ?? '';
    return { name: cell('name'), count: Number(cell('count')), sex: cell('sex') };
  });
}

/** Each name repeated in proportion to its count, at least once: index it with a uniform hash. */
function slots(rows: Row[]): string[] {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return rows.flatMap((row) => Array<string>(Math.max(1, Math.round((row.count * SLOTS) / total))).fill(row.name));
}

const surnames = readTable('surnames-us-census-2010.tsv');
const firstNames = readTable('first-names-us-ssa.tsv');

export const nameSlots = {
  surnames: slots(surnames),
  female: slots(firstNames.filter((row) => row.sex === 'F')),
  male: slots(firstNames.filter((row) => row.sex === 'M')),
};

/**
 * What staff type into search, `count` of them: three in four a surname, one in four a first
 * name, each picked by frequency (a common name is searched more often), then either the whole
 * name or its first 3, 4 or 5 letters, lower case.
 */
export function searchFragments(count: number, seed = 8): string[] {
  const next = seededRandom(seed); // every run searches the same fragments
  const pick = (pool: string[]) => pool[Math.floor(next() * pool.length)] ?? 'smith';
  return Array.from({ length: count }, () => {
    const name = next() < 0.75 ? pick(nameSlots.surnames) : pick(next() < 0.5 ? nameSlots.female : nameSlots.male);
    const length = [3, 4, 5, Infinity][Math.floor(next() * 4)] ?? Infinity;
    return name.slice(0, length).toLowerCase();
  });
}
