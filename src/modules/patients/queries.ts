import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { Actor } from '../../lib/context.ts';
import { currentMember, patientVisibleTo, supervisesProgram, todayOf } from './access.ts';
import { nicknamesOf } from './nicknames.ts';
import type { DuplicateCandidate, PatientSearchQuery } from './schemas.ts';

interface DuplicateInput {
  legalFirstName: string;
  legalLastName: string;
  dateOfBirth: string;
  identifiers?: { system: string; value: string }[] | undefined;
}

interface CandidateRow {
  id: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  nameScore: number;
  nicknameScore: number;
  swapped: boolean;
  oneSurname: boolean;
  sameBirthDate: boolean;
  sameIdentifier: boolean;
}

/**
 * Records of the organization that may be the same person: a shared identifier; the same
 * birth date with a similar name (trigram similarity, which also catches first and last names
 * entered the other way round, and nicknames); or a very similar name with another birth date
 * (a typo in the date). Two last names (García López) are common in Spanish-speaking families
 * and often recorded with one of them only: the same first name (or a nickname of it) with either
 * surname counts as a name match when the birth date is the same. Excludes `exceptId` (the
 * record being edited).
 */
export async function findDuplicateCandidates(
  executor: Executor,
  organizationId: string,
  input: DuplicateInput,
  exceptId?: string,
): Promise<(DuplicateCandidate & { patientId: string })[]> {
  const fullName = `${input.legalFirstName} ${input.legalLastName}`;
  const nicknames = nicknamesOf(input.legalFirstName);
  const nicknameNames = nicknames.map((nickname) => `${nickname} ${input.legalLastName}`);
  const systems = (input.identifiers ?? []).map((identifier) => identifier.system);
  const values = (input.identifiers ?? []).map((identifier) => identifier.value.toUpperCase());
  const result = await sql<CandidateRow>`
    WITH input AS (
      SELECT bw_fold(${fullName}) AS full_name, bw_fold(${input.legalFirstName}) AS first_name, bw_fold(${input.legalLastName}) AS last_name,
             ${surnamesOf(sql`${input.legalLastName}`)} AS surnames,
             ARRAY(SELECT bw_fold(n) FROM unnest(${nicknames}::text[]) n) AS nicknames
    ), scored AS (
      SELECT p.id, p.legal_first_name, p.legal_last_name, p.preferred_name, p.date_of_birth::text AS date_of_birth,
             similarity(p.search_name, input.full_name) AS name_score,
             coalesce((SELECT max(similarity(p.search_name, bw_fold(n))) FROM unnest(${nicknameNames}::text[]) n), 0) AS nickname_score,
             (similarity(bw_fold(p.legal_first_name), input.last_name) > 0.6 AND similarity(bw_fold(p.legal_last_name), input.first_name) > 0.6) AS swapped,
             ((cardinality(input.surnames) > 1 OR cardinality(${surnamesOf(sql`p.legal_last_name`)}) > 1)
               AND input.surnames && ${surnamesOf(sql`p.legal_last_name`)}
               AND (similarity(bw_fold(p.legal_first_name), input.first_name) > 0.6 OR bw_fold(p.legal_first_name) = ANY (input.nicknames))) AS one_surname,
             p.date_of_birth = ${input.dateOfBirth}::date AS same_birth_date,
             EXISTS (SELECT 1 FROM patient_identifiers i
                      JOIN unnest(${systems}::text[], ${values}::text[]) AS x(system, value) ON x.system = i.system AND x.value = upper(i.value)
                     WHERE i.patient_id = p.id AND i.retired_at IS NULL) AS same_identifier
        FROM patients p, input
       WHERE p.organization_id = ${organizationId} AND p.deleted_at IS NULL AND p.merged_into_id IS NULL
         AND p.id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid
         AND (p.date_of_birth = ${input.dateOfBirth}::date
              OR p.search_name % input.full_name
              OR p.search_name % ANY (SELECT bw_fold(n) FROM unnest(${nicknameNames}::text[]) n)
              OR EXISTS (SELECT 1 FROM patient_identifiers i
                          JOIN unnest(${systems}::text[], ${values}::text[]) AS x(system, value) ON x.system = i.system AND x.value = upper(i.value)
                         WHERE i.patient_id = p.id AND i.retired_at IS NULL))
    )
    SELECT * FROM scored
     WHERE same_identifier
        OR (same_birth_date AND (greatest(name_score, nickname_score) >= 0.3 OR swapped OR one_surname))
        OR greatest(name_score, nickname_score) >= 0.75
     LIMIT 20`.execute(executor);
  return result.rows
    .map((row) => {
      const nameScore = Math.max(row.nameScore, row.nicknameScore, row.swapped || row.oneSurname ? 0.8 : 0);
      const reasons: DuplicateCandidate['reasons'] = [];
      if (row.sameIdentifier) reasons.push('same-identifier');
      if (row.sameBirthDate) reasons.push('same-birth-date');
      if (row.swapped) reasons.push('swapped-names');
      else if (row.nicknameScore > row.nameScore && row.nicknameScore >= 0.3) reasons.push('nickname');
      else if (row.oneSurname && row.nameScore < 0.75) reasons.push('one-surname');
      else if (row.nameScore >= 0.3) reasons.push('similar-name');
      const score = row.sameIdentifier ? 1 : row.sameBirthDate ? 0.5 + nameScore / 2 : nameScore * 0.6;
      return {
        patientId: row.id,
        patient: {
          id: row.id,
          legalFirstName: row.legalFirstName,
          legalLastName: row.legalLastName,
          preferredName: row.preferredName,
          dateOfBirth: row.dateOfBirth,
        },
        reasons,
        score: Math.round(score * 100) / 100,
      };
    })
    .sort((a, b) => b.score - a.score);
}

// Particles that join surnames (de la Cruz, García y López) are not surnames of their own.
const surnameParticles = ['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von'];

/** The surnames in a last name, folded: "García-López" and "de la Cruz Ruiz" → {garcia, lopez} and {cruz, ruiz}. */
function surnamesOf(lastName: RawBuilder<string>) {
  return sql<string[]>`ARRAY(SELECT s FROM unnest(regexp_split_to_array(bw_fold(${lastName}), '[[:space:]-]+')) s
                              WHERE s <> '' AND s <> ALL (${surnameParticles}::text[]))`;
}

type SearchPlan = 'name-index' | 'visible-first' | 'program-names';

/**
 * How many matches a search ranks (docs/performance.md, "Search past a cap"): counting stops at
 * the first SEARCH_MATCH_CAP + 1 the actor may see. Below the cap every match is ranked; past
 * it the answer is the best of those found, flagged, and the person is asked for more letters,
 * a first name or a birth date: a fragment such as "mar" matches thousands of a program's
 * people, which no ranking makes useful, and reading them all was most of a supervisor's
 * search at a million patients.
 */
export const SEARCH_MATCH_CAP = 300;

/**
 * Search within what the actor may see: part of a name (ranked by word similarity, accents
 * and case ignored), a birth date, an identifier, or the digits of a phone number.
 *
 * Three plans, one answer (test/api/patient-search-plans.test.ts and
 * test/api/program-search-names.test.ts compare them):
 * - `name-index` starts from the trigram index (`search_name`) and checks each match's
 *   visibility: the organization's every match, most of them someone else's at a million
 *   patients. Kept for a supervisor's search without a name (a birth date, an identifier).
 * - `program-names` (supervisors searching a name) starts from the trigram index of
 *   `program_search_names` (migration 0390), which holds each program's patients' names:
 *   only the matches in the programs the actor supervises, then the few patients they see
 *   otherwise (their care teams, registrations, emergency access).
 * - `visible-first` starts from the patients the actor can see by relationship (their current
 *   care teams, the programs they supervise, their registrations without an episode, their
 *   emergency access), a few hundred rows for a case manager whatever the organization's size,
 *   and filters those. Used for everyone who does not supervise a program: at a million
 *   patients a common fragment matches tens of thousands of records, nearly all of them
 *   someone else's.
 * The chosen plan is a matter of speed only: all apply `patientVisibleTo` and the same filters.
 * Either ranks at most `cap` + 1 matches (SEARCH_MATCH_CAP): with `cap` or fewer, all of them,
 * so the answer does not depend on the plan; with more, those the plan met first.
 */
export function searchPatientsQuery(
  executor: Executor,
  actor: Actor,
  query: PatientSearchQuery,
  limit: number,
  plan?: SearchPlan,
  cap = SEARCH_MATCH_CAP,
) {
  return executor
    .selectFrom(
      searchMatches(executor, actor, query, plan)
        .limit(cap + 1)
        .as('c'),
    )
    .select(['c.id', 'c.legalFirstName', 'c.legalLastName', 'c.preferredName', 'c.dateOfBirth'])
    .orderBy('c.score', 'desc')
    .orderBy('c.legalLastName')
    .orderBy('c.legalFirstName')
    .orderBy('c.id')
    .limit(limit);
}

/** The same rows, each carrying how many matches were ranked (at most `cap` + 1: more than `cap` is "too many"). */
export function searchPatientsCounted(executor: Executor, actor: Actor, query: PatientSearchQuery, limit: number, cap = SEARCH_MATCH_CAP) {
  // The window counts the rows before the outer LIMIT: every match ranked, not only those shown.
  return searchPatientsQuery(executor, actor, query, limit, undefined, cap).select(sql<string>`count(*) OVER ()`.as('matches'));
}

/**
 * Whether a search is sent as a named statement (src/lib/db/prepared.ts). PostgreSQL then plans
 * its first five runs on a connection for their own words and afterwards keeps one generic plan
 * if it costs no more, as it does here: planning cost as much as running. The plans' shapes are
 * fenced (`OFFSET 0`) to start from the same rows whatever the words (the actor's relationships,
 * or the name's matches in each program they supervise), so a generic plan reads what a custom
 * one would. All but `name-index`, whose best plan depends on which terms were given and how rare
 * they are. test/api/patient-search-plans.test.ts runs the named ones on generic plans.
 */
export function searchSentNamed(actor: Actor, query: PatientSearchQuery): boolean {
  return searchPlanFor(actor, query) !== 'name-index';
}

/** The plan a search takes unless a test or the bench names one (see `searchPatientsQuery`). */
function searchPlanFor(actor: Actor, query: PatientSearchQuery): SearchPlan {
  if (!actor.roles.includes('supervisor')) return 'visible-first';
  return query.q ? 'program-names' : 'name-index';
}

/**
 * The words of a search as the index compares them (`bw_fold`: lower case, no accents), computed
 * once for each place the statement uses them. A named statement's generic plan sees
 * `bw_fold($1)` as an expression to compute again for every row it filters or ranks (a pass
 * through the accent dictionary each time); as a subquery it is computed once, before any row is
 * read, and the index scans take its value too. 14–41 % of the statement's time for most
 * fragments (docs/performance.md, "2 December 2026, morning"). `name-index` keeps the plain call:
 * no request takes that plan with words (a supervisor's search by name goes program by program),
 * only the tests and the bench force it, and a custom plan folds the constant when planning and
 * needs its value to estimate how many rows the index returns.
 */
function foldedOnce(words: string, plan: SearchPlan) {
  return plan === 'name-index' ? sql<string>`bw_fold(${words})` : sql<string>`(SELECT bw_fold(${words}))`;
}

/** Every match the actor may see, unordered, with its rank (word similarity to the name, if any). */
function searchMatches(executor: Executor, actor: Actor, query: PatientSearchQuery, plan?: SearchPlan) {
  const chosen = plan ?? searchPlanFor(actor, query);
  const today = todayOf(actor);
  const from =
    chosen === 'name-index'
      ? executor.selectFrom('patients as p')
      : chosen === 'visible-first'
        ? executor.selectFrom(
            // OFFSET 0 keeps the outer filters out of this subquery, so that PostgreSQL cannot
            // answer the name filter from the trigram index and then probe the relationships.
            executor
              .selectFrom('patients')
              .selectAll()
              .where('id', 'in', visiblePatientIds(executor, actor, today, { programs: true }))
              .offset(0)
              .as('p'),
          )
        : executor
            .selectFrom(programNameCandidates(executor, actor, today, query.q).as('c'))
            // Each candidate's record by its key, in the order met (OFFSET 0 again: the name
            // filter stays outside, so the organization-wide trigram index is not used), so
            // that reading stops as soon as the cap's worth of visible matches is found.
            .innerJoinLateral(
              (eb) => eb.selectFrom('patients').selectAll().whereRef('patients.id', '=', 'c.id').offset(0).as('p'),
              (join) => join.onTrue(),
            );
  let select = from
    .select([
      'p.id',
      'p.legalFirstName',
      'p.legalLastName',
      'p.preferredName',
      sql<string>`p.date_of_birth::text`.as('dateOfBirth'),
      (query.q ? sql<number>`word_similarity(${foldedOnce(query.q, chosen)}, p.search_name)` : sql<number>`0::real`).as('score'),
    ])
    .where('p.mergedIntoId', 'is', null)
    .where(patientVisibleTo(actor, today));
  if (query.q) select = select.where(sql<boolean>`${foldedOnce(query.q, chosen)} <% p.search_name`);
  if (query.dateOfBirth) select = select.where('p.dateOfBirth', '=', query.dateOfBirth);
  if (query.identifier) {
    const identifier = query.identifier.trim().toUpperCase();
    select = select.where(
      sql<boolean>`EXISTS (SELECT 1 FROM patient_identifiers i WHERE i.patient_id = p.id AND i.retired_at IS NULL AND upper(i.value) = ${identifier})`,
    );
  }
  if (query.phone) {
    const digits = query.phone.replace(/\D/g, '');
    select = select.where(
      sql<boolean>`EXISTS (SELECT 1 FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.digits LIKE ${`%${digits}`})`,
    );
  }
  return select;
}

/**
 * The ids of every patient `patientVisibleTo` can admit, by relationship (a superset: the
 * predicate itself is still applied to each): one branch per way of seeing a patient; with
 * `programs: false`, all but the programs the actor supervises.
 */
function visiblePatientIds(executor: Executor, actor: Actor, today: string, { programs }: { programs: boolean }) {
  const byRelationship = executor
    .selectFrom('careTeamMembers as m')
    .select('m.patientId as id')
    .where(currentMember('m', actor.userId, today))
    .union(
      executor
        .selectFrom('patients as r')
        .select('r.id')
        .where('r.createdBy', '=', actor.userId)
        .where('r.organizationId', '=', actor.organizationId)
        .where('r.deletedAt', 'is', null)
        .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = r.id)`),
    )
    .union(
      executor
        .selectFrom('emergencyAccessGrants as g')
        .select('g.patientId as id')
        .where('g.userId', '=', actor.userId)
        .where('g.endedAt', 'is', null)
        .where(sql<boolean>`g.expires_at > now()`),
    );
  if (!programs) return byRelationship;
  return byRelationship.union(
    executor
      .selectFrom('episodes as e')
      .select('e.patientId as id')
      .where('e.organizationId', '=', actor.organizationId)
      .where(supervisesProgram(actor, 'e.program_id')),
  );
}

/**
 * The `program-names` plan's candidates, unordered, each patient once (a superset of the
 * matches the actor may see; the caller applies the predicate and the name filter to each):
 * first the name's matches among the patients of the programs the actor supervises, from
 * `program_search_names` (a patient of two of them is met in the first only), then the
 * patients the actor sees otherwise and who are in none of those programs. UNION ALL keeps it
 * a stream, so the caller's cap stops the reading.
 */
function programNameCandidates(executor: Executor, actor: Actor, today: string, q: string | undefined) {
  const byProgram = executor
    .selectFrom('programMemberships as pm')
    // The actor's programs before this one, once per program: empty for someone supervising
    // one program (most), whose matches then need no probe for having been met already.
    .innerJoinLateral(
      sql<{ ids: string[] }>`(SELECT ARRAY(SELECT pm2.program_id FROM program_memberships pm2
                                  WHERE pm2.user_id = pm.user_id AND pm2.program_id < pm.program_id) AS ids)`.as('earlier'),
      (join) => join.onTrue(),
    )
    // Program by program, the index searched for the program and the name together (OFFSET 0
    // keeps the subquery apart, so its program is a condition of the index scan): otherwise
    // PostgreSQL may read the organization's every match of the name and keep those of the
    // actor's programs after, as a generic plan always did, and custom ones at 100,000 patients.
    .innerJoinLateral(
      (eb) => {
        const names = eb.selectFrom('programSearchNames as s').select('s.patientId').whereRef('s.programId', '=', 'pm.programId');
        return (q ? names.where(sql<boolean>`${foldedOnce(q, 'program-names')} <% s.search_name`) : names).offset(0).as('s');
      },
      (join) => join.onTrue(),
    )
    .select('s.patientId as id')
    .where('pm.userId', '=', actor.userId)
    .where(sql<boolean>`${sql.lit(actor.roles.includes('supervisor'))}`)
    .where(
      // A probe per match, never a join (OFFSET 0): for a common fragment PostgreSQL would
      // rather hash the whole table than probe the few hundred matches the cap lets through.
      sql<boolean>`(cardinality(earlier.ids) = 0 OR NOT EXISTS (
        SELECT 1 FROM program_search_names s2 WHERE s2.patient_id = s.patient_id AND s2.program_id = ANY (earlier.ids) OFFSET 0))`,
    );
  const otherwise = executor
    .selectFrom(visiblePatientIds(executor, actor, today, { programs: false }).as('r'))
    .select('r.id')
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM program_search_names s3 WHERE s3.patient_id = r.id AND ${supervisesProgram(actor, 's3.program_id')} OFFSET 0)`,
    );
  return byProgram.unionAll(otherwise);
}
