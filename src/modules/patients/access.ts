import { sql, type Expression, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withAudit, type Audit, type AuditEntry, type Executor } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { todayIn } from '../../lib/dates.ts';
import { allSettledFirst, type Database } from '../../lib/db/database.ts';
import { prepared } from '../../lib/db/prepared.ts';
import { AuditedRefusal, notFound } from '../../lib/errors.ts';
import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * Who may see a patient (docs/patients.md), as SQL fragments that every query of patient
 * data composes: the one access check below, search, My caseload (in the shorter form its own
 * rows allow: `patientOfMyTeamVisibleTo`), caseload reassignment.
 * - a member of the care team of one of the patient's episodes, from the day they start until
 *   the day they end (exclusive), "today" being the organization's date;
 * - a supervisor of the program of one of the patient's episodes;
 * - the person who registered the patient, until the patient has an episode;
 * - a clinician holding an emergency access grant in force for the patient (break-the-glass).
 * Nobody else, admins and privacy officers included.
 *
 * A restricted patient or episode (docs/restrictions.md, src/modules/restrictions) narrows this:
 * the terms above still have to hold, and on top of them only the current care team and the
 * restriction's allow list pass, never anyone on its excluded list.
 */

/** Today in the actor's organization: the day the predicate is evaluated for. */
export const todayOf = (actor: Pick<Actor, 'timeZone'>): string => todayIn(actor.timeZone);

/** `m` (a care_team_members row) counts `userId` as a current member on `today`. */
export function currentMember(m: string, userId: string, today: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${m}.${column}`);
  return sql<boolean>`(${ref('user_id')} = ${userId} AND ${ref('started_on')} <= ${today}::date
    AND (${ref('ended_on')} IS NULL OR ${ref('ended_on')} > ${today}::date))`;
}

/**
 * The actor supervises the program `programColumn` names (a column reference such as `e.program_id`).
 * For anyone else it is the literal `false`, never a parameter: PostgreSQL then drops the
 * branch when it plans, also in a named statement's generic plan, where a parameter's value is
 * unknown and the branch was estimated as if it could hold every episode of the organization.
 */
export function supervisesProgram(actor: Actor, programColumn: string): RawBuilder<boolean> {
  if (!actor.roles.includes('supervisor')) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM program_memberships pm WHERE pm.program_id = ${sql.ref(programColumn)} AND pm.user_id = ${actor.userId})`;
}

/**
 * Break-the-glass (src/modules/emergency-access): the actor holds a grant in force for the
 * patient. A separate term of the predicate, and admitted by a restriction too, so it opens
 * what would otherwise stay closed (that is the point of breaking the glass), except to someone
 * a restriction excludes by name; every audit row written under it is marked.
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
  const id = sql.ref(`${p}.id`);
  // An emergency grant is one more way in; a restriction still applies to it, and lets a grant
  // through unless the person is on its excluded list (restrictionAdmits).
  return patientAdmits(
    actor,
    today,
    p,
    sql<boolean>`
      EXISTS (SELECT 1 FROM care_team_members m WHERE m.patient_id = ${id} AND ${currentMember('m', actor.userId, today)}
                 AND ${episodeVisibleTo(actor, today, 'm.episode_id')})
      OR EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = ${id} AND ${supervisesProgram(actor, 'e.program_id')}
                    AND ${episodeVisibleTo(actor, today, 'e.id')} OFFSET 0)
      OR (${sql.ref(`${p}.created_by`)} = ${actor.userId} AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = ${id} OFFSET 0))
      OR ${emergencyAccessOf(actor, id)}`,
  );
}

/**
 * `patientVisibleTo` for a row reached through the actor's own current membership of one of the
 * patient's episodes, where that episode's restriction (`episodeVisibleTo`) already admits them:
 * My caseload (src/modules/episodes/caseload.ts), whose query holds both conditions. The
 * predicate's first way in then holds by that very row (a team member's `patient_id` is its
 * episode's, by foreign key), so only the conditions every way in must meet are left to ask:
 * the same answer, without looking up the care team a second time for each row.
 */
export function patientOfMyTeamVisibleTo(actor: Actor, today: string, p = 'p'): RawBuilder<boolean> {
  return patientAdmits(actor, today, p, sql<boolean>`true`);
}

/**
 * What every way in (`ways`) must meet: the patient is of the actor's organization, not
 * deleted, and no restriction of it shuts the actor out. One place, for both predicates above.
 */
function patientAdmits(actor: Actor, today: string, p: string, ways: RawBuilder<boolean>): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${p}.${column}`);
  return sql<boolean>`(
    ${ref('organization_id')} = ${actor.organizationId} AND ${ref('deleted_at')} IS NULL AND (${ways})
    AND ${restrictionAdmits(actor, today, 'patient', ref('id'))})`;
}

/**
 * No active restriction of the patient (`scope` 'patient', `target` its id) or of the episode
 * (`scope` 'episode', `target` its id) shuts the actor out: a restriction admits its current
 * care-team members (of the patient, or of that episode) and its allow list, minus its excluded
 * list, which wins over everything. The terms of `patientVisibleTo` must hold as well: the allow
 * list narrows who sees the record, it never opens it to someone with no other tie to it.
 * Someone who broke the glass for the patient passes too (it is for emergencies nobody
 * planned for), unless excluded: the staff member kept out of a relative's chart stays out.
 */
function restrictionAdmits(actor: Actor, today: string, scope: 'patient' | 'episode', target: RawBuilder<unknown>): RawBuilder<boolean> {
  const on = scope === 'patient' ? sql`rx.patient_id = ${target} AND rx.episode_id IS NULL` : sql`rx.episode_id = ${target}`;
  const team = scope === 'patient' ? sql`rxt.patient_id = rx.patient_id` : sql`rxt.episode_id = rx.episode_id`;
  return sql<boolean>`NOT EXISTS (
    SELECT 1 FROM record_restrictions rx WHERE ${on} AND rx.lifted_at IS NULL
       AND (${actor.userId}::uuid = ANY (rx.excluded_user_ids)
            OR NOT (${actor.userId}::uuid = ANY (rx.allowed_user_ids)
                    OR EXISTS (SELECT 1 FROM care_team_members rxt WHERE ${team} AND ${currentMember('rxt', actor.userId, today)})
                    OR ${emergencyAccessOf(actor, sql.ref('rx.patient_id'))})))`;
}

/**
 * The episode-level part of the rule, for an episode id column (`e.id`, `c.episode_id`): true
 * unless the episode is restricted and the actor is not on its care team or allow list (or is
 * excluded). Compose it beside `patientVisibleTo` wherever rows of one episode are read.
 */
export function episodeVisibleTo(actor: Actor, today: string, episodeColumn: string): RawBuilder<boolean> {
  return restrictionAdmits(actor, today, 'episode', sql.ref(episodeColumn));
}

export async function canSeePatient(executor: Executor, actor: Actor, patientId: string): Promise<boolean> {
  // Every read of a patient's data runs it: a named statement (src/lib/db/prepared.ts).
  return (await executor.executeQuery(prepared(seenPatient(executor, actor, patientId)))).rows.length > 0;
}

/**
 * The query behind `canSeePatient`: a row when the actor may see the patient. A record merged
 * into another is seen by those who see the survivor (its episodes moved there): `asked` is the
 * record named, `p` the one whose visibility decides. One statement.
 */
function seenPatient(executor: Executor, actor: Actor, patientId: string | Expression<string>) {
  return executor
    .selectFrom('patients as asked')
    .innerJoin('patients as p', (join) => join.on(sql<boolean>`p.id = coalesce(asked.merged_into_id, asked.id)`))
    .select('p.id')
    .where('asked.id', '=', patientId)
    .where('asked.organizationId', '=', actor.organizationId)
    .where(patientVisibleTo(actor));
}

/**
 * The patient of one record of a kind, in the actor's organization, and whether the record's
 * own rules let the actor at it: its episode's restriction (kinds with `episodeColumn`) and the
 * kind's `rowVisibleTo` (a sensitive note).
 */
async function patientOf(
  tx: Transaction<DB>,
  actor: Actor,
  kind: PatientRecordKind,
  id: string,
  lock: boolean,
): Promise<{ patientId: string; visible: boolean; seen: boolean | null } | null> {
  const column = kind.patientColumn ?? 'patient_id';
  const today = todayOf(actor);
  const rules: RawBuilder<boolean>[] = [];
  if (kind.episodeColumn)
    rules.push(
      sql<boolean>`(${sql.ref(`r.${kind.episodeColumn}`)} IS NULL OR ${episodeVisibleTo(actor, today, `r.${kind.episodeColumn}`)})`,
    );
  if (kind.rowVisibleTo) rules.push(kind.rowVisibleTo(actor, today, 'r'));
  const visible = rules.length > 0 ? sql.join(rules, sql` AND `) : sql`true`;
  // A read asks whether the actor may see the patient in the same statement (canSeePatient's
  // query on the record's patient): one round trip instead of two. A change locks the record
  // first and asks afterwards, in a statement of its own, so the answer is read after whatever
  // change it waited for (a statement's subqueries keep the snapshot it started with).
  const seen = lock ? sql`NULL::boolean` : sql`EXISTS (${seenPatient(tx, actor, sql.ref<string>(`r.${column}`))})`;
  const query = sql<{ patientId: string; visible: boolean; seen: boolean | null }>`
    SELECT ${sql.ref(`r.${column}`)} AS patient_id, (${visible}) AS visible, ${seen} AS seen FROM ${sql.table(kind.table)} AS r
     WHERE r.id = ${id}::uuid AND r.organization_id = ${actor.organizationId}::uuid ${lock ? sql`FOR UPDATE OF r` : sql``}`;
  // Every read and change of patient data runs it: a named statement (src/lib/db/prepared.ts).
  const row = await tx.executeQuery(prepared({ compile: () => query.compile(tx) }));
  return row.rows[0] ?? null;
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
  const found = await patientOf(tx, actor, kind, id, options.lock);
  if (found === null || !found.visible || !(found.seen ?? (await canSeePatient(tx, actor, found.patientId))))
    throw refusal(kind, id, found?.patientId ?? null);
  return { id, patientId: found.patientId };
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
 * the record and its patient, written with the read. The row depends on nothing the read finds,
 * so it does not wait for it: it goes to PostgreSQL with the statements of a read that sends them
 * together (`concurrently`, src/lib/db/database.ts), and a read that fails rolls it back.
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
    const [result] = await allSettledFirst([
      read(tx, record),
      audit({ action: 'read', recordType: kind.recordType, recordId: id, patientId: record.patientId }),
    ] as const);
    return result;
  });
}
