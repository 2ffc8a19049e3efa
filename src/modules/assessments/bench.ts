import { sql } from 'kysely';
import { episodeSql, idOf, idSql, ORG, patientSql, caseManagerSql, type ModuleBench } from '../../../bench/world.ts';
import { episodeAssessmentsQuery } from './queries.ts';

/**
 * Ten completed screens per patient (PHQ-9 and GAD-7 over time: 1,000,000 at 100,000
 * patients), plus ten PHQ-9s in progress, fully answered, for each of the first case manager's
 * patients, so that "complete an assessment" completes a different one every run (up to 750
 * runs per side, warm-up included). Timed: an episode's assessments, and completing one (scored by the engine).
 */
const PHQ9_ANSWERS = `jsonb_build_object('1', g % 4, '2', (g / 3) % 4, '3', 1, '4', 2, '5', 0, '6', 1, '7', 0, '8', 0, '9', 0)`;
const inProgressSql = (n: string) => idSql('b100', n);

export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO assessments (id, organization_id, patient_id, episode_id, instrument_key, instrument_version, mode, status,
                                                 answers, result, administered_by, started_at, completed_at)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, kind.key, '1', 'in-person', 'completed',
             ${PHQ9_ANSWERS}, jsonb_build_object('key', kind.key, 'version', '1', 'total', 4 + g % 9, 'band', 'mild', 'positive', false,
                                                'critical', false, 'criticalItems', '[]'::jsonb),
             ${caseManagerSql('g')}, TIMESTAMPTZ '2025-06-01' + k * INTERVAL '30 days', TIMESTAMPTZ '2025-06-01' + k * INTERVAL '30 days' + INTERVAL '8 minutes'
        FROM generate_series(1, ${patients}) g, generate_series(0, 9) k,
             LATERAL (SELECT CASE WHEN k % 2 = 0 THEN 'phq-9' ELSE 'gad-7' END AS key) kind`);
    await client.query(`INSERT INTO assessments (id, organization_id, patient_id, episode_id, instrument_key, instrument_version, mode, answers, administered_by)
      SELECT ${inProgressSql('(g - 1) * 10 + k')}, '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, 'phq-9', '1', 'phone',
             ${PHQ9_ANSWERS}, ${caseManagerSql('g')}
        FROM generate_series(1, LEAST(150, ${patients})) g, generate_series(1, 10) k`);
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    // Warm-up runs reuse the same i: count calls instead, so each completes a fresh one.
    let appRuns = 0;
    let sqlRuns = 0;
    const episodeOf = (i: number) => idOf('a000', Number.parseInt((myPatients[i % myPatients.length] ?? '').slice(-12), 10));
    return [
      {
        name: 'an episode’s assessments (10 rows)',
        app: (i) => expect200(caseManager.get(`/api/episodes/${episodeOf(i)}/assessments`)),
        sql: (i) => raw(episodeAssessmentsQuery(db, episodeOf(i))),
        plan: episodeAssessmentsQuery(db, episodeOf(0)),
      },
      {
        name: 'complete an assessment (score + save)',
        app: () => expect200(caseManager.post(`/api/assessments/${idOf('b100', (appRuns += 1))}/completion`, { version: 1 })),
        sql: () =>
          raw(
            db
              .updateTable('assessments')
              .set({ status: 'completed', result: '{"total": 5}', completedAt: new Date(), version: sql`version + 1` })
              .where('id', '=', idOf('b100', 750 + (sqlRuns += 1))),
          ),
      },
    ];
  },
};
