import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withAudit, type Audit, type AuditEntry, type Executor } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { todayIn } from '../../lib/dates.ts';
import type { Database } from '../../lib/db/database.ts';
import { AuditedRefusal, notFound } from '../../lib/errors.ts';
import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * Who may see a patient (docs/patients.md), as SQL fragments that every query of patient
 * data composes: the one access check below, search, My caseload, caseload reassignment.
 * - a member of the care team of one of the patient's episodes, from the day they start until
 *   the day they end (exclusive), "today" being the organization's date;
 * - a supervisor of the program of one of the patient's episodes;
 * - the person who registered the patient, until the patient has an episode;
 * - a clinician holding an emergency access grant in force for the patient (break-the-glass).
 * Nobody else, admins and privacy officers included.
 */

/** Today in the actor's organization: the day the predicate is evaluated for. */
export const todayOf = (actor: Pick<Actor, 'timeZone'>): string => todayIn(actor.timeZone);

/** `m` (a care_team_members row) counts `userId` as a current member on `today`. */
export function currentMember(m: string, userId: string, today: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${m}.${column}`);
  return sql<boolean>`(${ref('user_id')} = ${userId} AND ${ref('started_on')} <= ${today}::date
    AND (${ref('ended_on')} IS NULL OR ${ref('ended_on')} > ${today}::date))`;
}

/** The actor supervises the program `programColumn` names (a column reference such as `e.program_id`). */
export function supervisesProgram(actor: Actor, programColumn: string): RawBuilder<boolean> {
  return sql<boolean>`(${actor.roles.includes('supervisor')} AND EXISTS (
    SELECT 1 FROM program_memberships pm WHERE pm.program_id = ${sql.ref(programColumn)} AND pm.user_id = ${actor.userId}))`;
}

/**
 * Break-the-glass (src/modules/emergency-access): the actor holds a grant in force for the
 * patient. A separate term of the predicate, so it opens whatever else would keep the chart
 * closed (that is the point of breaking the glass); every audit row written under it is marked.
 */
function emergencyAccessOf(actor: Actor, patientColumn: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM emergency_access_grants g WHERE g.user_id = ${actor.userId} AND g.patient_id = ${patientColumn}
      AND g.ended_at IS NULL AND g.expires_at > now())`;
}

/**
 * The whole predicate for a patients row `p`. The two tests on a patient's episodes are looked
 * up per row (`OFFSET 0` keeps PostgreSQL from hashing every episode of the organization
 * instead: at a million patients that whole scan was most of a supervisor's search); the care
 * team test may be hashed, as it is small (the actor's own memberships).
 */
export function patientVisibleTo(actor: Actor, today = todayOf(actor), p = 'p'): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${p}.${column}`);
  return sql<boolean>`(
    ${ref('organization_id')} = ${actor.organizationId} AND ${ref('deleted_at')} IS NULL AND (
      EXISTS (SELECT 1 FROM care_team_members m WHERE m.patient_id = ${ref('id')} AND ${currentMember('m', actor.userId, today)})
      OR EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = ${ref('id')} AND ${supervisesProgram(actor, 'e.program_id')} OFFSET 0)
      OR (${ref('created_by')} = ${actor.userId} AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = ${ref('id')} OFFSET 0))
      OR ${emergencyAccessOf(actor, ref('id'))}
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
  if (!merged) return false;
  const row = await executor
    .selectFrom('patients as p')
    .select('p.id')
    .where('p.id', '=', merged.mergedIntoId ?? patientId)
    .where(patientVisibleTo(actor))
    .executeTakeFirst();
  return row !== undefined;
}

/** The patient of one record of a kind, in the actor's organization. */
async function patientOf(tx: Transaction<DB>, actor: Actor, kind: PatientRecordKind, id: string, lock: boolean): Promise<string | null> {
  const column = kind.patientColumn ?? 'patient_id';
  const row = await sql<{ patientId: string }>`
    SELECT ${sql.ref(column)} AS patient_id FROM ${sql.table(kind.table)}
     WHERE id = ${id}::uuid AND organization_id = ${actor.organizationId}::uuid ${lock ? sql`FOR UPDATE` : sql``}`.execute(tx);
  return row.rows[0]?.patientId ?? null;
}

export interface PatientRecord {
  id: string;
  patientId: string;
}

/**
 * The refusal of a record the actor may not see, or that does not exist: 404 either way,
 * audited as access denied (with the patient when there is one) in the same transaction,
 * which keeps the denial and drops whatever the refused work had done.
 */
function refusal(kind: PatientRecordKind, id: string, patientId: string | null): AuditedRefusal {
  const entry: AuditEntry = { action: 'access-denied', recordType: kind.recordType, recordId: id, ...(patientId ? { patientId } : {}) };
  return new AuditedRefusal(notFound(), [entry]);
}

/** Inside a transaction: the record's patient, checked; throws the audited 404 otherwise. */
export async function checkPatientRecord(
  tx: Transaction<DB>,
  actor: Actor,
  kind: PatientRecordKind,
  id: string,
  options: { lock: boolean },
): Promise<PatientRecord> {
  const patientId = await patientOf(tx, actor, kind, id, options.lock);
  if (patientId === null || !(await canSeePatient(tx, actor, patientId))) throw refusal(kind, id, patientId);
  return { id, patientId };
}

/**
 * The one path for a change to patient data: in one transaction, finds the record's patient,
 * checks the one visibility predicate, locks the record, and runs `work` with an `audit`
 * bound to the patient. The transaction fails unless `work` wrote an audit row.
 */
export async function withPatientRecord<T>(
  db: Database,
  ctx: RequestContext,
  kind: PatientRecordKind,
  id: string,
  work: (tx: Transaction<DB>, audit: Audit, record: PatientRecord) => Promise<T>,
): Promise<T> {
  return withAudit(db, ctx, async (tx, audit) => {
    const record = await checkPatientRecord(tx, ctx.actor, kind, id, { lock: true });
    return work(tx, (entry) => audit({ patientId: record.patientId, ...entry }), record);
  });
}

/**
 * The one path for a read of patient data: the same check, and one `read` audit row naming
 * the record and its patient, written with the read.
 */
export async function readPatientRecord<T>(
  db: Database,
  ctx: RequestContext,
  kind: PatientRecordKind,
  id: string,
  read: (tx: Transaction<DB>, record: PatientRecord) => Promise<T>,
): Promise<T> {
  return withAudit(db, ctx, async (tx, audit) => {
    const record = await checkPatientRecord(tx, ctx.actor, kind, id, { lock: false });
    const result = await read(tx, record);
    await audit({ action: 'read', recordType: kind.recordType, recordId: id, patientId: record.patientId });
    return result;
  });
}
