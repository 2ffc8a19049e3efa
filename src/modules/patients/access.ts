import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withAudit, writeAudit, actorMeta, type Audit, type Executor } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { notFound } from '../../lib/errors.ts';

/**
 * Who may see a patient (docs/patients.md): a current member of the care team of one of the
 * patient's episodes; a supervisor in the program of one of them; the person who registered
 * the patient, until the patient has an episode. Nobody else, admins included.
 * `p` is the patients row being tested.
 */
export function patientVisibleTo(actor: Actor, p = sql.ref('p')): RawBuilder<boolean> {
  const supervisor = actor.roles.includes('supervisor');
  return sql<boolean>`(
    ${p}.organization_id = ${actor.organizationId} AND ${p}.deleted_at IS NULL AND (
      EXISTS (SELECT 1 FROM episodes e JOIN care_team_members m ON m.episode_id = e.id
               WHERE e.patient_id = ${p}.id AND m.user_id = ${actor.userId}
                 AND (m.ended_on IS NULL OR m.ended_on > current_date))
      OR (${supervisor} AND EXISTS (SELECT 1 FROM episodes e JOIN program_memberships pm ON pm.program_id = e.program_id
               WHERE e.patient_id = ${p}.id AND pm.user_id = ${actor.userId}))
      OR (${p}.created_by = ${actor.userId} AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = ${p}.id))
    ))`;
}

export async function canSeePatient(executor: Executor, actor: Actor, patientId: string): Promise<boolean> {
  // A record merged into another is seen by those who see the survivor (its episodes moved there).
  const merged = await executor
    .selectFrom('patients')
    .select('mergedIntoId')
    .where('id', '=', patientId)
    .where('organizationId', '=', actor.organizationId)
    .executeTakeFirst();
  const row = await executor
    .selectFrom('patients as p')
    .select(sql<boolean>`true`.as('visible'))
    .where('p.id', '=', merged?.mergedIntoId ?? patientId)
    .where(patientVisibleTo(actor))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The one path for patient data: checks access, then runs `work` in a transaction with an
 * audit function, as `withAudit` does. A patient the actor may not see is answered 404 — as if
 * it did not exist — and the attempt is audited in its own transaction, so the record of the
 * denial survives the rollback of the refused work.
 */
export async function withPatientAccess<T>(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  work: (tx: Transaction<DB>, audit: Audit) => Promise<T>,
): Promise<T> {
  return withAudit(db, ctx, async (tx, audit) => {
    if (!(await canSeePatient(tx, ctx.actor, patientId))) {
      await writeAudit(db, actorMeta(ctx), { action: 'access-denied', recordType: 'patient', recordId: patientId, patientId });
      throw notFound();
    }
    return work(tx, (entry) => audit({ patientId, ...entry }));
  });
}
