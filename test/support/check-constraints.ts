import type pg from 'pg';

/**
 * Reads the coded values out of PostgreSQL's CHECK constraints, as the catalogue prints them
 * (`pg_get_constraintdef`), for src/codes.test.ts. Every string literal in a CHECK must be
 * accounted for: part of a column's value set (`col IN (…)`, printed `col = ANY (ARRAY[…])`, or
 * `col <@ ARRAY[…]` for an array column), a code the column is compared with (`col = '…'`,
 * `'…' = ANY (col)`, `col <> ALL (…)`), a pattern (`~`, `LIKE`) or a value of another type
 * (`'1900-01-01'::date`). A literal in any other form is reported, never skipped, so a CHECK
 * this reader does not understand fails the test instead of escaping it.
 */
export interface CheckConstraint {
  table: string;
  name: string;
  definition: string;
}

export interface CodedUse {
  column: string;
  /** `values` is the whole set the column may hold, or codes that must belong to that set. */
  kind: 'value-set' | 'member';
  values: string[];
}

const IDENT = String.raw`"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*`;
const TYPE = String.raw`::[a-z]+(?: [a-z]+)*(?:\[\])?`;
const LITERAL = String.raw`'(?:[^']|'')*'(?:${TYPE})?`;
const LITERALS = String.raw`${LITERAL}(?:, ${LITERAL})*`;
// A column, bare or parenthesised and cast as PostgreSQL prints a varchar column: (kind)::text.
// Never the argument of a function call: lower(x) is not the column x.
const COLUMN = String.raw`(?:(?<![\w$"])\((?<parenthesised>${IDENT})\)|(?<![\w$".])(?!(?:ANY|ALL|SOME|ARRAY)\b)(?<bare>${IDENT}))(?:${TYPE})?`;
const ARRAY = String.raw`\(?ARRAY\[(?<values>${LITERALS})\]\)?(?:${TYPE})?`;

const FORMS: { kind: CodedUse['kind']; pattern: RegExp }[] = [
  { kind: 'value-set', pattern: new RegExp(String.raw`${COLUMN} = ANY \(${ARRAY}\)`, 'g') },
  { kind: 'value-set', pattern: new RegExp(String.raw`${COLUMN} <@ ${ARRAY}`, 'g') },
  { kind: 'member', pattern: new RegExp(String.raw`${COLUMN} <> ALL \(${ARRAY}\)`, 'g') },
  { kind: 'member', pattern: new RegExp(String.raw`${COLUMN} (?:@>|&&) ${ARRAY}`, 'g') },
  { kind: 'member', pattern: new RegExp(String.raw`${COLUMN} (?:=|<>) (?<values>${LITERAL})`, 'g') },
  { kind: 'member', pattern: new RegExp(String.raw`(?<values>${LITERAL}) (?:=|<>) ${COLUMN}`, 'g') },
  { kind: 'member', pattern: new RegExp(String.raw`(?<values>${LITERAL}) = ANY \(${COLUMN}\)`, 'g') },
];
/** Literals that are not codes: patterns, and values cast to a type other than text. */
const PATTERN = new RegExp(String.raw`(?:!?~~?\*?) ${LITERAL}`, 'g');
const TEXT_TYPES = new Set(['text', 'character varying', 'varchar', 'character', 'bpchar', 'text[]', 'character varying[]']);

function unquoteIdent(ident: string): string {
  return ident.startsWith('"') ? ident.slice(1, -1).replaceAll('""', '"') : ident;
}

function literalValues(text: string): string[] {
  return [...text.matchAll(new RegExp(LITERAL, 'g'))].map((match) => {
    const literal = match[0];
    return literal.slice(1, literal.lastIndexOf("'")).replaceAll("''", "'");
  });
}

/** Positions and text of every string literal, skipping quoted identifiers. */
function literals(definition: string): { start: number; text: string; type: string | null }[] {
  const found: { start: number; text: string; type: string | null }[] = [];
  const scanner = new RegExp(String.raw`"(?:[^"]|"")*"|'(?:[^']|'')*'(?<type>${TYPE})?`, 'g');
  for (const match of definition.matchAll(scanner)) {
    if (match[0].startsWith('"')) continue;
    found.push({ start: match.index, text: match[0], type: match.groups?.type?.slice(2) ?? null });
  }
  return found;
}

/** The coded uses in one constraint, and the literals it could not place. */
export function readCodedValues(definition: string): { uses: CodedUse[]; unrecognised: string[] } {
  const uses: CodedUse[] = [];
  const covered: [number, number][] = [];
  for (const { kind, pattern } of FORMS) {
    for (const match of definition.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const column = unquoteIdent(groups.parenthesised ?? groups.bare ?? '');
      uses.push({ column, kind, values: literalValues(groups.values ?? '') });
      covered.push([match.index, match.index + match[0].length]);
    }
  }
  for (const match of definition.matchAll(PATTERN)) covered.push([match.index, match.index + match[0].length]);
  const unrecognised = literals(definition)
    .filter((literal) => literal.type === null || TEXT_TYPES.has(literal.type))
    .filter((literal) => !covered.some(([from, to]) => literal.start >= from && literal.start < to))
    .map((literal) => literal.text);
  return { uses, unrecognised };
}

/** Every CHECK constraint on a table or domain outside PostgreSQL's own schemas. */
export async function readCheckConstraints(client: pg.Client): Promise<CheckConstraint[]> {
  const { rows } = await client.query<CheckConstraint>(`
    SELECT coalesce(rel.relname, typ.typname) AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_namespace ns ON ns.oid = con.connamespace
    LEFT JOIN pg_class rel ON rel.oid = con.conrelid
    LEFT JOIN pg_type typ ON typ.oid = con.contypid
    WHERE con.contype = 'c' AND ns.nspname NOT IN ('pg_catalog', 'information_schema') AND ns.nspname NOT LIKE 'pg_toast%'
    ORDER BY 1, 2`);
  return rows;
}

const list = (values: Iterable<string>) => [...values].map((value) => `'${value}'`).join(', ');

/**
 * What differs between the database's coded CHECKs and the declared lists
 * (`table.column` → codes; a domain's CHECK is `domain.VALUE`). Empty when they agree.
 */
export function compareWithDeclared(constraints: CheckConstraint[], declared: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const constrained = new Set<string>();
  for (const { table, name, definition } of constraints) {
    const { uses, unrecognised } = readCodedValues(definition);
    for (const literal of unrecognised) {
      problems.push(`${table}: CHECK ${name} has a literal ${literal} in a form src/codes.test.ts cannot read: ${definition}`);
    }
    for (const use of uses) {
      const key = `${table}.${use.column}`;
      const codes = declared[key];
      if (!codes) {
        problems.push(
          `${key} is a coded column (CHECK ${name}: ${list(use.values)}) with no declared list: map it in CHECKED_COLUMNS in its module's codes.ts`,
        );
        continue;
      }
      const database = new Set(use.values);
      const code = new Set(codes);
      if (use.kind === 'value-set') {
        constrained.add(key);
        const onlyInDatabase = [...database].filter((value) => !code.has(value));
        const onlyInCode = [...code].filter((value) => !database.has(value));
        if (onlyInDatabase.length > 0) problems.push(`${key}: CHECK ${name} allows ${list(onlyInDatabase)}, not in the declared list`);
        if (onlyInCode.length > 0) problems.push(`${key}: the declared list has ${list(onlyInCode)}, which CHECK ${name} refuses`);
      } else {
        const unknown = [...database].filter((value) => !code.has(value));
        if (unknown.length > 0) problems.push(`${key}: CHECK ${name} names ${list(unknown)}, not in the declared list`);
      }
    }
  }
  for (const key of Object.keys(declared)) {
    if (!constrained.has(key)) problems.push(`${key} has a declared list but no CHECK constraint limits it to a set of values`);
  }
  return problems;
}
