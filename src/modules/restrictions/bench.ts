import { caseManagerSql, episodeSql, idOf, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { caseloadQuery } from '../episodes/caseload.ts';
import { canSeePatient, currentMember, episodeVisibleTo, patientVisibleTo } from '../patients/access.ts';
import { loadSections, presentPatient } from '../patients/presenter.ts';
import { searchPatientsQuery } from '../patients/queries.ts';
import { buildRegistry } from '../../lib/modules.ts';
import { modules } from '../index.ts';
import type { BenchEnv } from '../../../bench/world.ts';

/**
 * 1.4 % of patients restricted: one in 100 as a whole (by the first program's supervisor, who
 * is on the allow list; one in three of those also excluding the next caseload's case manager)
 * and one in 250 by one episode. The first case manager's caseload holds three of them
 * (patients 8 and 108 restricted, 52's episode restricted), so every visibility check meets
 * the restriction lookup, and some find a row and read its lists.
 * Timed: a supervisor's search by the most frequent fragment; what the restriction clause costs
 * My caseload (its 150 care-team rows alone, then with the two visibility clauses) and the
 * patient overview of a restricted patient (beside the overview of any patient, patients'
 * bench); the access check on a restricted and an unrestricted patient.
 */
// Residues whose patients in the first caseload have an open episode (the episodes bench closes g % 6 = 5).
const RESTRICTED_PATIENTS = [8, 108];
const RESTRICTED_EPISODE = 52;

export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO record_restrictions (id, organization_id, patient_id, reason, allowed_user_ids, excluded_user_ids, restricted_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, (ARRAY['staff-relative', 'staff-member', 'public-figure', 'patient-request'])[1 + g / 100 % 4],
             ARRAY[${idSql('8003', '1')}],
             CASE WHEN g % 300 = 8 AND g + 150 <= ${patients} THEN ARRAY[${caseManagerSql('g + 150')}] ELSE '{}' END, ${idSql('8003', '1')}
        FROM generate_series(1, ${patients}) g WHERE g % 100 = 8`);
    await client.query(`INSERT INTO record_restrictions (id, organization_id, patient_id, episode_id, reason, allowed_user_ids, restricted_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, 'safety', ARRAY[${idSql('8003', '1')}], ${idSql('8003', '1')}
        FROM generate_series(1, ${patients}) g WHERE g % 250 = ${RESTRICTED_EPISODE}`);
  },
  scenarios: (env) => {
    const { db, caseManager, supervisor, cmActor, supActor, today, ctxOf, raw, expect200 } = env;
    const sections = buildRegistry(modules).overviewSections;
    const restricted = [...RESTRICTED_PATIENTS, RESTRICTED_EPISODE].map((g) => patientId(g));
    const restrictedOf = (i: number) => restricted[i % restricted.length] ?? '';
    return [
      {
        name: 'patient search with restricted patients (supervisor)',
        app: () => expect200(supervisor.get('/api/patients?q=smi')),
        sql: () => raw(searchPatientsQuery(db, supActor, { q: 'smi' }, 50)),
        plan: searchPatientsQuery(db, supActor, { q: 'smi' }, 50),
      },
      {
        name: 'my caseload with 3 restricted of 150 (case manager)',
        app: () => expect200(caseManager.get('/api/caseload?limit=200')),
        sql: () => raw(caseloadQuery(db, cmActor, {}, today, 200)),
      },
      {
        name: '  its 150 care-team rows alone (no visibility clause)',
        sql: () => raw(caseloadRows(env)),
      },
      {
        name: '  the same + patientVisibleTo + episodeVisibleTo',
        sql: () =>
          raw(
            caseloadRows(env)
              .where(patientVisibleTo(cmActor, today, 'p'))
              .where(episodeVisibleTo(cmActor, today, 'e.id')),
          ),
        plan: caseloadRows(env)
          .where(patientVisibleTo(cmActor, today, 'p'))
          .where(episodeVisibleTo(cmActor, today, 'e.id')),
      },
      {
        name: 'patient overview, restricted patient (case manager)',
        app: (i) => expect200(caseManager.get(`/api/patients/${restrictedOf(i)}`)),
        sql: async (i) => {
          const row = await db.selectFrom('patients').selectAll().where('id', '=', restrictedOf(i)).executeTakeFirstOrThrow();
          return Promise.all([presentPatient(db, row), loadSections(db, ctxOf(cmActor), sections, restrictedOf(i))]);
        },
      },
      {
        name: '  access check, restricted patient (canSeePatient)',
        sql: (i) => canSeePatient(db, cmActor, restrictedOf(i)),
      },
      {
        name: '  access check, unrestricted patient (canSeePatient)',
        sql: (i) => canSeePatient(db, cmActor, patientId(1 + (i % 5))),
      },
    ];
  },
};

const patientId = (g: number) => idOf('9000', g);

/** The rows My caseload starts from: the case manager's current care-team rows on open episodes, with the patient. */
function caseloadRows({ db, cmActor, today }: BenchEnv) {
  return db
    .selectFrom('careTeamMembers as m')
    .innerJoin('episodes as e', 'e.id', 'm.episodeId')
    .innerJoin('patients as p', 'p.id', 'e.patientId')
    .select(['e.id', 'p.id as patientId', 'p.legalLastName'])
    .where(currentMember('m', cmActor.userId, today))
    .where('m.organizationId', '=', cmActor.organizationId)
    .where('e.closedOn', 'is', null)
    .where('p.deletedAt', 'is', null);
}
