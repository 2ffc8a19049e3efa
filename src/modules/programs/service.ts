import { sql } from 'kysely';
import type { ProgramRow } from '../../db/schema.ts';
import { CLINICAL_ROLES } from '../../codes.ts';
import { hasPermission, requirePermission } from '../../lib/access.ts';
import { changedFields, withAudit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldProblem, forbidden, notFound } from '../../lib/errors.ts';
import { decodeCursor, toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import type { CreateProgramBody, ProgramListQuery, ProgramView, UpdateProgramBody } from './schemas.ts';

export function presentProgram(row: ProgramRow): ProgramView {
  return {
    id: row.id,
    name: row.name,
    caseManagementModel: row.caseManagementModel,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const duplicateName = () =>
  conflict('duplicate-program-name', 'A program with this name already exists.', {
    errors: [fieldProblem('/name', 'duplicate-program-name', 'is already the name of another program')],
  });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Every signed-in staff member may read the program list (names appear across the app). */
export async function listPrograms(db: Database, ctx: RequestContext, query: ProgramListQuery) {
  const limit = query.limit ?? 50;
  let select = db.selectFrom('programs').selectAll().where('organizationId', '=', ctx.actor.organizationId).where('deletedAt', 'is', null);
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  if (after) select = select.where(sql<boolean>`(lower(name), id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await select
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (row) => [row.name.toLowerCase(), row.id]);
}

/** A program of the actor's organization that has not been removed. */
function liveProgram(executor: Executor, ctx: RequestContext, id: string) {
  return executor
    .selectFrom('programs')
    .selectAll()
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('deletedAt', 'is', null);
}

export async function getProgram(db: Database, ctx: RequestContext, id: string): Promise<ProgramRow> {
  const row = await liveProgram(db, ctx, id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function createProgram(db: Database, ctx: RequestContext, input: CreateProgramBody): Promise<ProgramRow> {
  requirePermission(ctx.actor, 'programs:manage');
  try {
    return await withAudit(db, ctx, async (tx, audit) => {
      const row = await tx
        .insertInto('programs')
        .values({
          id: newId(),
          organizationId: ctx.actor.organizationId,
          name: input.name.trim(),
          caseManagementModel: input.caseManagementModel,
          description: input.description ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ action: 'create', recordType: 'program', recordId: row.id, details: { caseManagementModel: row.caseManagementModel } });
      return row;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName() : error;
  }
}

export async function updateProgram(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateProgramBody,
): Promise<ProgramRow> {
  requirePermission(ctx.actor, 'programs:manage');
  try {
    return await withAudit(db, ctx, async (tx, audit) => {
      const current = checkVersion(await liveProgram(tx, ctx, id).forUpdate().executeTakeFirst(), version);
      const row = await tx
        .updateTable('programs')
        .set({
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.caseManagementModel !== undefined ? { caseManagementModel: input.caseManagementModel } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...nextVersion(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({
        action: 'update',
        recordType: 'program',
        recordId: id,
        details: { fields: changedFields(input, current) },
      });
      return row;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName() : error;
  }
}

export async function deleteProgram(db: Database, ctx: RequestContext, id: string, version: number | undefined): Promise<void> {
  requirePermission(ctx.actor, 'programs:manage');
  await withAudit(db, ctx, async (tx, audit) => {
    const current = await liveProgram(tx, ctx, id).forUpdate().executeTakeFirst();
    if (!current) throw notFound();
    if (version !== undefined) checkVersion(current, version);
    await tx
      .updateTable('programs')
      .set({ deletedAt: sql<Date>`now()`, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'delete', recordType: 'program', recordId: id });
  });
}

/**
 * The clinical staff of a program, for choosing a care team member or a new primary case
 * manager: visible to the program's own staff, its supervisors and admins. Names and roles only.
 */
export async function listProgramMembers(db: Database, ctx: RequestContext, programId: string) {
  const program = await db
    .selectFrom('programs as p')
    .leftJoin('programMemberships as pm', (join) => join.onRef('pm.programId', '=', 'p.id').on('pm.userId', '=', ctx.actor.userId))
    .select(['p.id', 'pm.userId as member'])
    .where('p.id', '=', programId)
    .where('p.organizationId', '=', ctx.actor.organizationId)
    .where('p.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!program) throw notFound();
  if (!program.member && !hasPermission(ctx.actor.roles, 'staff:read'))
    throw forbidden('not-program-staff', 'Only staff of the program see its members.');
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('programMemberships as pm', 'pm.userId', 'u.id')
    .select(['u.id', 'u.displayName', 'u.roles'])
    .where('pm.programId', '=', programId)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`u.roles && ${sql.val([...CLINICAL_ROLES])}::text[]`)
    .orderBy(sql`lower(u.display_name)`)
    .orderBy('u.id')
    .limit(500)
    .execute();
  return { items: rows, nextCursor: null };
}
