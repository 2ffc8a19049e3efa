import { caseManagerSql, episodeSql, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { caseloadQuery } from './caseload.ts';

/** One episode per patient (most open) with its phases and its primary case manager, most with a placement; My caseload, timed. */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO episodes (id, organization_id, patient_id, program_id, referral_source, opened_on, phase, closed_on, closure_reason)
      SELECT ${episodeSql('g')}, '${ORG}'::uuid, ${patientSql('g')}, ${idSql('8001', '1 + (1 + (g - 1) / 150) % 5')},
             'self', DATE '2025-06-01', phase, CASE WHEN phase = 'closed' THEN DATE '2026-01-01' END, CASE WHEN phase = 'closed' THEN 'goals-met' END
        FROM generate_series(1, ${patients}) g,
             LATERAL (SELECT (ARRAY['intake','primary-treatment','primary-treatment','continuing-care','continuing-care','closed'])[1 + g % 6] AS phase) p`);
    await client.query(`INSERT INTO care_team_members (id, organization_id, patient_id, episode_id, user_id, role, started_on, recorded_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, ${caseManagerSql('g')},
             'primary-case-manager', DATE '2025-06-01', ${caseManagerSql('g')}
        FROM generate_series(1, ${patients}) g`);
    // The phases each episode went through to reach its own (intake, then treatment, then
    // continuing care, then closed): My caseload reads when the current one began.
    await client.query(`INSERT INTO episode_phases (id, organization_id, patient_id, episode_id, phase, started_on, recorded_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, step.phase, step.started_on, ${caseManagerSql('g')}
        FROM generate_series(1, ${patients}) g,
             LATERAL (SELECT (ARRAY['intake','primary-treatment','primary-treatment','continuing-care','continuing-care','closed'])[1 + g % 6] AS phase) p,
             LATERAL (VALUES (1, 'intake', DATE '2025-06-01'), (2, 'primary-treatment', DATE '2025-06-15'),
                             (3, 'continuing-care', DATE '2025-09-01'), (4, 'closed', DATE '2026-01-01')) AS step(n, phase, started_on)
       WHERE step.n <= array_position(ARRAY['intake','primary-treatment','continuing-care','closed'], p.phase)`);
    await client.query(`INSERT INTO placements (id, organization_id, patient_id, episode_id, level_edition, level_code, start_date, planned_end_date)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')},
             'asam-3', (ARRAY['1','2.1','2.5','3.5','obot'])[1 + g % 5], DATE '2025-06-01', DATE '2027-01-01'
        FROM generate_series(1, ${patients}) g WHERE g % 6 <> 0 AND g % 5 <> 0`);
  },
  scenarios: ({ db, caseManager, cmActor, today, raw, expect200 }) => [
    {
      name: 'my caseload (150 rows)',
      app: () => expect200(caseManager.get('/api/caseload?limit=200')),
      sql: () => raw(caseloadQuery(db, cmActor, {}, today, 200)),
      plan: caseloadQuery(db, cmActor, {}, today, 200),
    },
  ],
};
