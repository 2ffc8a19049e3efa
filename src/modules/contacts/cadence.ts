import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import { forbidden, notFound, staleVersion } from '../../lib/errors.ts';
import { supervisesProgram } from '../patients/access.ts';
import { DEFAULT_CADENCE } from './codes.ts';
import type { CadenceBody } from './schemas.ts';
import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';

/**
 * Each program's expected days between contacts per phase. A program without a row uses the
 * defaults (version 0); the first save creates the row (version 1), later saves need the version.
 */
async function liveProgram(executor: Executor, ctx: RequestContext, programId: string) {
  const program = await executor
    .selectFrom('programs')
    .select('id')
    .where('id', '=', programId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!program) throw notFound();
}

async function readCadence(executor: Executor, programId: string) {
  const row = await executor.selectFrom('programContactCadences').selectAll().where('programId', '=', programId).executeTakeFirst();
  return {
    programId,
    outreach: row?.outreachDays ?? DEFAULT_CADENCE.outreach,
    intake: row?.intakeDays ?? DEFAULT_CADENCE.intake,
    primaryTreatment: row?.primaryTreatmentDays ?? DEFAULT_CADENCE['primary-treatment'],
    continuingCare: row?.continuingCareDays ?? DEFAULT_CADENCE['continuing-care'],
    version: row?.version ?? 0,
  };
}

export async function getCadence(db: Database, ctx: RequestContext, programId: string) {
  await liveProgram(db, ctx, programId);
  return readCadence(db, programId);
}

/** Admins, and supervisors of the program, set it. */
export async function setCadence(db: Database, ctx: RequestContext, programId: string, version: number, input: CadenceBody) {
  return withAudit(db, ctx, async (tx, audit) => {
    await liveProgram(tx, ctx, programId);
    const isAdmin = ctx.actor.roles.includes('admin') && ctx.actor.apiKeyId === null;
    if (!isAdmin) {
      const supervises = await tx
        .selectFrom('programs as p')
        .select('p.id')
        .where('p.id', '=', programId)
        .where(supervisesProgram(ctx.actor, 'p.id'))
        .executeTakeFirst();
      if (!supervises) throw forbidden('not-program-supervisor', 'Only an admin or a supervisor of the program sets its contact cadence.');
    }
    const current = await tx
      .selectFrom('programContactCadences')
      .select('version')
      .where('programId', '=', programId)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== version) throw staleVersion(current?.version ?? 0);
    const days = {
      outreachDays: input.outreach,
      intakeDays: input.intake,
      primaryTreatmentDays: input.primaryTreatment,
      continuingCareDays: input.continuingCare,
    };
    if (current)
      await tx
        .updateTable('programContactCadences')
        .set({ ...days, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('programId', '=', programId)
        .execute();
    else {
      // Two first saves at once: the second finds the row made and is stale.
      const made = await tx
        .insertInto('programContactCadences')
        .values({ programId, organizationId: ctx.actor.organizationId, ...days })
        .onConflict((oc) => oc.column('programId').doNothing())
        .executeTakeFirst();
      if (made.numInsertedOrUpdatedRows === 0n) throw staleVersion(1);
    }
    await audit({ action: current ? 'update' : 'create', recordType: 'program-contact-cadence', recordId: programId, details: days });
    return readCadence(tx, programId);
  });
}
