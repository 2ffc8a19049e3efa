import { caseManagerSql, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { grantsPageQuery } from './service.ts';

/** A few hundred over three years: one every 2.7 days. */
const GRANTS = 400;
const MARKED_READS = 6;

/**
 * Break-the-glass events over three years, each by the case manager of another caseload, ended
 * after 35 minutes or run out, six audit rows marked with each; the privacy officer has reviewed
 * all but every fourth one and the last month's (about 110 awaiting). None is in force, so no
 * other row's access changes. Timed: the review queue's first page (awaiting review, oldest
 * first, each with its count of marked rows), through the API beside raw SQL.
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    const patient = `(1 + (k * 241) % ${patients})`;
    await client.query(`INSERT INTO emergency_access_grants (id, organization_id, patient_id, user_id, reason, started_at, expires_at, ended_at,
                                                            reviewed_at, reviewed_by, finding)
      SELECT ${idSql('8005', 'k')}, '${ORG}'::uuid, ${patientSql(patient)}, ${caseManagerSql(`1 + (${patient} + 150) % ${patients}`)},
             'Hospital called after hours about an overdose; needs current medications', at, at + INTERVAL '4 hours',
             CASE WHEN k % 2 = 0 THEN at + INTERVAL '35 minutes' END,
             CASE WHEN reviewed THEN at + INTERVAL '3 days' END, CASE WHEN reviewed THEN ${idSql('8004', '1')} END,
             CASE WHEN reviewed THEN (ARRAY['appropriate', 'appropriate', 'appropriate', 'needs-follow-up', 'inappropriate'])[1 + k % 5] END
        FROM generate_series(1, ${GRANTS}) k,
             LATERAL (SELECT date_trunc('milliseconds', now() - INTERVAL '1 day' - k * INTERVAL '2.7 days') AS at,
                             k > 11 AND k % 4 <> 0 AS reviewed) x`);
    // The rows the audit trigger would have marked while each grant was in force.
    await client.query(`INSERT INTO audit_events (id, occurred_at, organization_id, actor_user_id, action, record_type, record_id, patient_id, request_id, details)
      SELECT gen_random_uuid(), g.started_at + r * INTERVAL '3 minutes', g.organization_id, g.user_id, 'read', 'patient', g.patient_id, g.patient_id,
             'bench', jsonb_build_object('emergencyAccessId', g.id::text)
        FROM emergency_access_grants g, generate_series(1, ${MARKED_READS}) r
       WHERE g.organization_id = '${ORG}'::uuid
       ORDER BY g.started_at, r`);
  },
  scenarios: ({ db, privacyOfficer, poActor, ctxOf, raw, expect200 }) => {
    const query = { status: 'awaiting-review' as const };
    return [
      {
        name: 'emergency access review queue (first page of 50)',
        app: () => expect200(privacyOfficer.get('/api/emergency-access?status=awaiting-review&limit=50')),
        sql: () => raw(grantsPageQuery(db, ctxOf(poActor), query, 50)),
        plan: grantsPageQuery(db, ctxOf(poActor), query, 50),
      },
    ];
  },
};
