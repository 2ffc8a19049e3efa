import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import { CARE_TEAM_ROLES, EPISODE_PHASES, LEVEL_EDITIONS, type LevelEdition } from './codes.ts';
import { writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { requirePermission } from '../../lib/access.ts';
import { decodeCursor, toPage, Nullable } from '../../lib/http/schemas.ts';
import {
  currentMember,
  episodeVisibleTo,
  patientOfMyTeamVisibleTo,
  patientVisibleTo,
  supervisesProgram,
  todayOf,
} from '../patients/access.ts';
import type { CaseloadQuery } from './schemas.ts';
import { nextDueSql } from '../contacts/queries.ts';
import { prepared } from '../../lib/db/prepared.ts';

export const CaseloadRow = Type.Object({
  episodeId: Type.String({ format: 'uuid' }),
  patientId: Type.String({ format: 'uuid' }),
  legalFirstName: Type.String(),
  legalLastName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String({ format: 'date' }),
  programId: Type.String({ format: 'uuid' }),
  programName: Type.String(),
  phase: Type.Enum(EPISODE_PHASES),
  openedOn: Type.String({ format: 'date' }),
  levelEdition: Nullable(Type.Enum(LEVEL_EDITIONS)),
  levelCode: Nullable(Type.String()),
  /** Every level of care running today (the first is levelEdition/levelCode), concurrent ones too. */
  levels: Type.Array(Type.Object({ edition: Type.Enum(LEVEL_EDITIONS), code: Type.String() })),
  /** When the current phase began (days in phase = today − this). */
  phaseStartedOn: Type.String({ format: 'date' }),
  /** The nearest planned end of a level of care running today: the next transition to plan. */
  nextPlannedEnd: Nullable(Type.String({ format: 'date' })),
  primaryCaseManagerName: Nullable(Type.String()),
  myRole: Type.Enum(CARE_TEAM_ROLES),
  /** The last successful contact, failed attempts since, and when the next is due (the contacts module's cadence). */
  lastContactAt: Nullable(Type.String({ format: 'date-time' })),
  unansweredAttempts: Type.Integer(),
  nextDueOn: Nullable(Type.String({ format: 'date' })),
});
type CaseloadRow = Static<typeof CaseloadRow>;

/** The caseload query on its own (npm run bench runs it raw beside the API). */
export function caseloadQuery(db: Database, actor: Actor, query: CaseloadQuery, today: string, limit: number, supervisedBy?: Actor) {
  let select = db
    .selectFrom('careTeamMembers as m')
    .innerJoin('episodes as e', 'e.id', 'm.episodeId')
    .innerJoin('patients as p', 'p.id', 'e.patientId')
    .innerJoin('programs as pr', 'pr.id', 'e.programId')
    .leftJoin('programContactCadences as k', 'k.programId', 'e.programId')
    .select([
      'e.id as episodeId',
      'p.id as patientId',
      'p.legalFirstName',
      'p.legalLastName',
      'p.preferredName',
      sql<string>`p.date_of_birth::text`.as('dateOfBirth'),
      'pr.id as programId',
      'pr.name as programName',
      'e.phase',
      'e.openedOn',
      'm.role as myRole',
      sql<LevelEdition | null>`lvls.levels -> 0 ->> 'edition'`.as('levelEdition'),
      sql<string | null>`lvls.levels -> 0 ->> 'code'`.as('levelCode'),
      // On most rows the primary case manager is the caseload's owner, whose membership (m) is
      // already in hand. Looking the primary up by episode instead lets PostgreSQL choose the
      // exclusion constraint's GiST index, which cost more than the rest of the row together
      // (docs/performance.md, "My caseload"); only other roles' rows ask the care team. The
      // owner's name does not depend on the row: read once for the statement, not once a row.
      sql<string | null>`CASE WHEN m.role = 'primary-case-manager'
        THEN (SELECT u.display_name FROM users u WHERE u.id = ${actor.userId})
        ELSE (SELECT u.display_name FROM care_team_members c JOIN users u ON u.id = c.user_id
               WHERE c.episode_id = e.id AND c.role = 'primary-case-manager'
                 AND c.started_on <= ${today}::date AND (c.ended_on IS NULL OR c.ended_on > ${today}::date)
               LIMIT 1) END`.as('primaryCaseManagerName'),
      sql<{ edition: LevelEdition; code: string }[]>`coalesce(lvls.levels, '[]'::json)`.as('levels'),
      sql<string | null>`lvls.next_planned_end::text`.as('nextPlannedEnd'),
      sql<string>`(SELECT max(ph.started_on) FROM episode_phases ph WHERE ph.episode_id = e.id)::text`.as('phaseStartedOn'),
      // Maintained columns of the episode: no read of the contacts table here.
      sql<string | null>`to_json(e.last_contact_at) #>> '{}'`.as('lastContactAt'),
      'e.unansweredAttempts',
      nextDueSql('e', 'k', actor.timeZone).as('nextDueOn'),
      sql<string>`lower(p.legal_last_name)`.as('sortLast'),
      sql<string>`lower(p.legal_first_name)`.as('sortFirst'),
    ])
    // The levels of care running today, in one read of the episode's placements: the first
    // (not concurrent, latest started) is the row's level, the rest run beside it.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('placements as pl')
          .select([
            sql<unknown>`json_agg(json_build_object('edition', pl.level_edition, 'code', pl.level_code) ORDER BY pl.concurrent, pl.start_date DESC, pl.id)`.as(
              'levels',
            ),
            sql<string | null>`min(pl.planned_end_date)`.as('next_planned_end'),
          ])
          .whereRef('pl.episodeId', '=', 'e.id')
          .where('pl.startDate', '<=', today)
          .where((w) => w.or([w('pl.actualEndDate', 'is', null), w('pl.actualEndDate', '>', today)]))
          .as('lvls'),
      (join) => join.onTrue(),
    )
    // The same fragment the patient access check uses: I am on the team today.
    .where(currentMember('m', actor.userId, today))
    .where('m.organizationId', '=', actor.organizationId)
    .where('e.closedOn', 'is', null)
    .where('p.deletedAt', 'is', null)
    // A restricted patient or episode (docs/restrictions.md) leaves the caseload of whoever it
    // shuts out. The rest of the access predicate holds by this row's own membership.
    .where(episodeVisibleTo(actor, today, 'e.id'))
    .where(patientOfMyTeamVisibleTo(actor, today, 'p'));
  if (query.programId) select = select.where('e.programId', '=', query.programId);
  // A supervisor looking at a colleague's caseload sees only the episodes of programs they supervise.
  if (supervisedBy)
    select = select
      .where(supervisesProgram(supervisedBy, 'e.program_id'))
      .where(patientVisibleTo(supervisedBy, today, 'p'))
      .where(episodeVisibleTo(supervisedBy, today, 'e.id'));
  if (query.phase) select = select.where('e.phase', '=', query.phase);
  if (query.levelCode) select = select.where(sql<boolean>`lvls.levels -> 0 ->> 'code' = ${query.levelCode}`);
  const after = decodeCursor(query.cursor, ['string', 'string', 'uuid']);
  if (after)
    select = select.where(
      sql<boolean>`(lower(p.legal_last_name), lower(p.legal_first_name), e.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  return select
    .orderBy(sql`lower(p.legal_last_name)`)
    .orderBy(sql`lower(p.legal_first_name)`)
    .orderBy('e.id')
    .limit(limit + 1);
}

/**
 * My caseload: the open episodes whose care team I am on today, by patient name. Built for a
 * caseload of about 150 on one page (limit up to 200); filters by program, phase and level.
 */
export async function myCaseload(db: Database, ctx: RequestContext, query: CaseloadQuery) {
  const today = todayOf(ctx.actor);
  const limit = query.limit ?? 50;
  // Someone else's caseload (to reassign it) is for supervisors, within their own programs.
  const other = query.userId !== undefined && query.userId !== ctx.actor.userId;
  if (other && !ctx.actor.roles.includes('supervisor'))
    throw forbidden('supervisors-only', 'Only a supervisor sees a colleague’s caseload.');
  const whose = other ? { ...ctx.actor, userId: query.userId ?? ctx.actor.userId } : ctx.actor;
  const { rows } = await db.executeQuery(prepared(caseloadQuery(db, whose, query, today, limit, other ? ctx.actor : undefined)));
  const result = toPage(rows, limit, (row) => [row.sortLast, row.sortFirst, row.episodeId]);
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'caseload',
    details: { shownPatientIds: result.items.map((row) => row.patientId) },
  });
  return {
    items: result.items.map(({ sortLast: _last, sortFirst: _first, ...row }): CaseloadRow => row),
    nextCursor: result.nextCursor,
  };
}

export const OpenEpisodeCounts = Type.Object({
  asPrimary: Type.Integer({ description: 'Open episodes whose primary case manager this person is today' }),
  asMember: Type.Integer({ description: 'Open episodes whose care team they are on in another role' }),
});
type OpenEpisodeCounts = Static<typeof OpenEpisodeCounts>;

/**
 * How many open episodes a colleague carries, for whoever manages staff (deactivating a primary
 * case manager leaves their people without a single point of contact): counts only, no patient.
 */
export async function openEpisodeCounts(db: Database, ctx: RequestContext, userId: string): Promise<OpenEpisodeCounts> {
  requirePermission(ctx.actor, 'staff:read');
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!user) throw notFound();
  const today = todayOf(ctx.actor);
  const row = await db
    .selectFrom('careTeamMembers as m')
    .innerJoin('episodes as e', 'e.id', 'm.episodeId')
    .select([
      sql<string>`count(DISTINCT e.id) FILTER (WHERE m.role = 'primary-case-manager')`.as('asPrimary'),
      sql<string>`count(DISTINCT e.id) FILTER (WHERE m.role <> 'primary-case-manager')`.as('asMember'),
    ])
    .where(currentMember('m', userId, today))
    .where('m.organizationId', '=', ctx.actor.organizationId)
    .where('e.closedOn', 'is', null)
    .executeTakeFirstOrThrow();
  return { asPrimary: Number(row.asPrimary), asMember: Number(row.asMember) };
}

export const CaseManagerLoad = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  /** Open episodes whose primary case manager they are today, in the programs asked about. */
  primary: Type.Integer(),
  byPhase: Type.Record(Type.String(), Type.Integer(), { description: 'The same episodes by phase' }),
  /** Of those, how many have a level of care planned to end within 14 days. */
  endingSoon: Type.Integer(),
});
type CaseManagerLoad = Static<typeof CaseManagerLoad>;

/**
 * A supervisor's program-wide view: each clinical colleague of the programs they supervise
 * (or one of them) with the open episodes they carry as primary case manager. Counts only.
 */
export async function caseManagerLoads(db: Database, ctx: RequestContext, programId?: string): Promise<CaseManagerLoad[]> {
  if (!ctx.actor.roles.includes('supervisor')) throw forbidden('supervisors-only', 'Only a supervisor sees the team’s caseloads.');
  const today = todayOf(ctx.actor);
  let select = db
    .selectFrom('careTeamMembers as m')
    .innerJoin('episodes as e', 'e.id', 'm.episodeId')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select([
      'u.id as userId',
      'u.displayName as name',
      'e.phase',
      sql<string>`count(*)`.as('n'),
      sql<string>`count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM placements pl WHERE pl.episode_id = e.id AND pl.actual_end_date IS NULL
           AND pl.planned_end_date BETWEEN ${today}::date AND ${today}::date + 14))`.as('endingSoon'),
    ])
    .where('m.organizationId', '=', ctx.actor.organizationId)
    .where('m.role', '=', 'primary-case-manager')
    .where('m.startedOn', '<=', today)
    .where((w) => w.or([w('m.endedOn', 'is', null), w('m.endedOn', '>', today)]))
    .where('e.closedOn', 'is', null)
    .where(supervisesProgram(ctx.actor, 'e.program_id'))
    .groupBy(['u.id', 'u.displayName', 'e.phase']);
  if (programId) select = select.where('e.programId', '=', programId);
  const rows = await select.execute();
  const loads = new Map<string, CaseManagerLoad>();
  for (const row of rows) {
    const load = loads.get(row.userId) ?? { userId: row.userId, name: row.name, primary: 0, byPhase: {}, endingSoon: 0 };
    load.primary += Number(row.n);
    load.endingSoon += Number(row.endingSoon);
    load.byPhase[row.phase] = Number(row.n);
    loads.set(row.userId, load);
  }
  return [...loads.values()].sort((a, b) => b.primary - a.primary || a.name.localeCompare(b.name));
}
