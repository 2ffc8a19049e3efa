import { caseManagerSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { auditPageQuery } from './service.ts';

/** Three years of trail: ten rows a patient (1,000,000 at 100,000 patients), by its case manager. */
const ROWS_PER_PATIENT = 10;
const THREE_YEARS_SECONDS = 3 * 365 * 86_400;

/**
 * The audit trail the privacy officer searches: each patient's chart read or changed ten times
 * over three years by its case manager, inserted oldest first so that `seq` follows time as it
 * does in a real trail (the search orders by seq and filters by time). Timed: the privacy
 * officer's search of one staff member over 90 days (about 120 rows: a first page of 50 with a
 * cursor), through the API beside raw SQL.
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO audit_events (id, occurred_at, organization_id, actor_user_id, action, record_type, record_id, patient_id, request_id, details)
      SELECT gen_random_uuid(), at, '${ORG}'::uuid, ${caseManagerSql('g')}, (ARRAY['read','read','read','read','read','read','update','update','create','read'])[k],
             (ARRAY['patient','contact','task','episode','patient'])[1 + (g + k) % 5], ${patientSql('g')}, ${patientSql('g')}, 'bench', '{}'::jsonb
        FROM generate_series(1, ${patients}) g, generate_series(1, ${ROWS_PER_PATIENT}) k,
             LATERAL (SELECT now() - make_interval(secs => (hashint4(g * 31 + k) & 2147483647) % ${THREE_YEARS_SECONDS}) AS at) t
       ORDER BY at`);
  },
  scenarios: ({ db, privacyOfficer, poActor, world, ctxOf, raw, expect200 }) => {
    const query = {
      actorUserId: world.caseManagerIds[0] ?? '',
      from: new Date(Date.now() - 90 * 86_400_000).toISOString(),
      to: new Date().toISOString(),
    };
    const search = new URLSearchParams({ ...query, limit: '50' });
    return [
      {
        name: 'audit search: a staff member, 90 days (first page of 50)',
        app: () => expect200(privacyOfficer.get(`/api/audit-events?${search}`)),
        sql: () => raw(auditPageQuery(db, ctxOf(poActor), query, 50)),
        plan: auditPageQuery(db, ctxOf(poActor), query, 50),
      },
    ];
  },
};
