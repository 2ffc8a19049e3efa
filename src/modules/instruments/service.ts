import { requirePermission } from '../../lib/access.ts';
import { withAudit, type Audit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { conflict, notFound, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { builtInInstruments } from './catalogue.ts';
import { definitionProblems, type Definition } from './definition.ts';
import type { InstrumentSummary, ScoreBody } from './schemas.ts';
import type { InstrumentDefinitionRow } from './tables.ts';
import { score, type ScoreResult } from './scoring.ts';

interface Entry {
  definition: Definition;
  builtIn: boolean;
}

export function summarize({ definition, builtIn }: Entry): InstrumentSummary {
  return {
    key: definition.key,
    version: definition.version,
    name: definition.name,
    abbreviation: definition.abbreviation,
    respondent: definition.respondent,
    itemCount: definition.items.length,
    builtIn,
    source: definition.source,
    licence: definition.licence,
    loincPanel: definition.loinc?.panel ?? null,
  };
}

/** Versions compare as numbers part by part: 1.10 comes after 1.9. */
function versionOrder(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The organization's loaded definitions: every version of one key, or the newest of each. */
async function loaded(db: Executor, organizationId: string, key?: string): Promise<Definition[]> {
  let query = db.selectFrom('instrumentDefinitions').select(['definition']).where('organizationId', '=', organizationId);
  if (key) query = query.where('key', '=', key);
  const rows = await query.execute();
  const definitions = rows.map((row: Pick<InstrumentDefinitionRow, 'definition'>) => row.definition as Definition);
  if (key) return definitions.sort((a, b) => versionOrder(b.version, a.version));
  const newest = new Map<string, Definition>();
  for (const definition of definitions) {
    const seen = newest.get(definition.key);
    if (!seen || versionOrder(definition.version, seen.version) > 0) newest.set(definition.key, definition);
  }
  return [...newest.values()];
}

/** The catalogue: built-in instruments, then those the organization loaded, by abbreviation. */
export async function listInstruments(db: Database, ctx: RequestContext): Promise<InstrumentSummary[]> {
  const builtIn = [...builtInInstruments.values()].map((definition) => ({ definition, builtIn: true }));
  const own = (await loaded(db, ctx.actor.organizationId)).map((definition) => ({ definition, builtIn: false }));
  return [...builtIn, ...own].map(summarize).sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'en'));
}

/**
 * One instrument, in a given version or its newest; 404 if neither built in nor loaded. Pass
 * the transaction when inside one, so a loaded definition is read on the same connection.
 */
export async function findInstrument(db: Executor, ctx: RequestContext, key: string, version?: string): Promise<Entry> {
  const builtIn = builtInInstruments.get(key);
  if (builtIn) {
    if (version !== undefined && version !== builtIn.version) throw notFound();
    return { definition: builtIn, builtIn: true };
  }
  const versions = await loaded(db, ctx.actor.organizationId, key);
  const definition = version === undefined ? versions[0] : versions.find((candidate) => candidate.version === version);
  if (!definition) throw notFound();
  return { definition, builtIn: false };
}

/** Scores answers without saving anything (previews, integrations). */
export async function scoreInstrument(
  db: Database,
  ctx: RequestContext,
  key: string,
  body: ScoreBody,
): Promise<ScoreResult & { key: string; version: string }> {
  const { definition } = await findInstrument(db, ctx, key);
  return { key: definition.key, version: definition.version, ...score(definition, body.answers, body.context ?? {}) };
}

/** The definition to load, or the reason it cannot be: every problem named, or a built-in key. */
export function importable(input: unknown): Definition {
  const problems = definitionProblems(input);
  if (problems.length > 0) {
    throw ruleViolation('invalid-definition', `Not a valid instrument definition: ${problems.join('; ')}`, {
      extensions: { reasons: problems },
    });
  }
  const definition = input as Definition;
  if (builtInInstruments.has(definition.key)) {
    throw conflict('built-in-instrument', `"${definition.key}" is a built-in instrument; give the loaded one a key of its own.`);
  }
  return definition;
}

/** Stores a checked definition and its audit row; a version already loaded is a 409. */
export async function storeInstrument(
  tx: Executor,
  organizationId: string,
  definition: Definition,
  importedBy: string | null,
  audit: Audit,
): Promise<void> {
  const id = newId();
  const inserted = await tx
    .insertInto('instrumentDefinitions')
    .values({ id, organizationId, key: definition.key, version: definition.version, definition: JSON.stringify(definition), importedBy })
    .onConflict((on) => on.columns(['organizationId', 'key', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw conflict(
      'instrument-version-exists',
      `Version ${definition.version} of "${definition.key}" is already loaded; a changed definition needs a new version.`,
    );
  }
  await audit({
    action: 'create',
    recordType: 'instrument-definition',
    recordId: id,
    details: { key: definition.key, version: definition.version },
  });
}

/**
 * Loads a definition the organization is licensed to use, checked like the built-in ones. A
 * built-in key cannot be replaced, and a loaded version never changes (a change is a new one).
 */
export async function importInstrument(db: Database, ctx: RequestContext, input: unknown): Promise<InstrumentSummary> {
  requirePermission(ctx.actor, 'instruments:manage');
  const definition = importable(input);
  await withAudit(db, ctx, (tx, audit) => storeInstrument(tx, ctx.actor.organizationId, definition, ctx.actor.userId, audit));
  return summarize({ definition, builtIn: false });
}
