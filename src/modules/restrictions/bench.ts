import { idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { searchPatientsQuery } from '../patients/queries.ts';

/**
 * One patient in 200 restricted (by the first program's supervisor, nobody excluded), so
 * every visibility check meets the restriction lookup. Timed: a supervisor's search and the
 * case manager's caseload already compose it (patients and episodes rows); this row is the
 * supervisor's search by the most frequent fragment, through the API beside raw SQL.
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO record_restrictions (id, organization_id, patient_id, reason, allowed_user_ids, restricted_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, 'staff-relative', ARRAY[${idSql('8003', '1')}], ${idSql('8003', '1')}
        FROM generate_series(1, ${patients}) g WHERE g % 200 = 0`);
  },
  scenarios: ({ db, supervisor, supActor, raw, expect200 }) => [
    {
      name: 'patient search with restricted patients (supervisor)',
      app: () => expect200(supervisor.get('/api/patients?q=smi')),
      sql: () => raw(searchPatientsQuery(db, supActor, { q: 'smi' }, 50)),
      plan: searchPatientsQuery(db, supActor, { q: 'smi' }, 50),
    },
  ],
};
