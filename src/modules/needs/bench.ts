import { caseManagerSql, episodeSql, idOf, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { LIFE_DOMAINS } from './codes.ts';
import { episodeNeedsQuery, needHistoryQuery } from './queries.ts';
import { patientStrengthsQuery } from './strengths.ts';

/**
 * Four needs per episode (400,000 at 100,000 patients) across the domains, each with its
 * history (two changes: identified, then being addressed or met), and three strengths per
 * patient. Timed: an episode's needs with their history, and a patient's strengths.
 */
const domains = `(ARRAY[${LIFE_DOMAINS.map((domain) => `'${domain}'`).join(', ')}])`;
const needSql = (n: string) => idSql('c300', n);

export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO needs (id, organization_id, patient_id, episode_id, domain, urgency, status, source, created_by,
                                           status_changed_at, created_at)
      SELECT ${needSql('(g - 1) * 4 + k')}, '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')},
             ${domains}[1 + (g + k * 3) % ${LIFE_DOMAINS.length}],
             (ARRAY['urgent', 'soon', 'routine'])[1 + (g + k) % 3],
             (ARRAY['identified', 'being-addressed', 'met', 'being-addressed'])[k],
             'staff-judgement', ${caseManagerSql('g')},
             TIMESTAMPTZ '2025-07-01' + k * INTERVAL '9 days', TIMESTAMPTZ '2025-06-01' + k * INTERVAL '2 days'
        FROM generate_series(1, ${patients}) g, generate_series(1, 4) k`);
    await client.query(`INSERT INTO need_status_changes (id, organization_id, patient_id, need_id, from_status, to_status, changed_by, changed_at)
      SELECT gen_random_uuid(), '${ORG}'::uuid, n.patient_id, n.id, step.from_status, step.to_status, n.created_by, step.at
        FROM needs n,
             LATERAL (VALUES (NULL::text, 'identified', n.created_at), ('identified', n.status, n.status_changed_at)) AS step(from_status, to_status, at)
       WHERE n.organization_id = '${ORG}'::uuid AND (step.from_status IS NULL OR n.status <> 'identified')`);
    await client.query(`INSERT INTO strengths (id, organization_id, patient_id, domain, kind, description, created_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${domains}[1 + (g + k * 5) % ${LIFE_DOMAINS.length}],
             (ARRAY['skill', 'resource', 'interest', 'person'])[1 + (g + k) % 4], 'Strength ' || k, ${caseManagerSql('g')}
        FROM generate_series(1, ${patients}) g, generate_series(1, 3) k`);
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    const nth = (i: number) => Number.parseInt((myPatients[i % myPatients.length] ?? '').slice(-12), 10);
    const episodeOf = (i: number) => idOf('a000', nth(i));
    const needsOf = (i: number) => [1, 2, 3, 4].map((k) => idOf('c300', (nth(i) - 1) * 4 + k));
    return [
      {
        name: 'an episode’s needs with their history (4 needs)',
        app: (i) => expect200(caseManager.get(`/api/episodes/${episodeOf(i)}/needs`)),
        sql: async (i) => {
          await raw(episodeNeedsQuery(db, episodeOf(i)));
          await raw(needHistoryQuery(db, needsOf(i)));
        },
        plan: episodeNeedsQuery(db, episodeOf(0)),
      },
      {
        name: 'a patient’s strengths (3 rows)',
        app: (i) => expect200(caseManager.get(`/api/patients/${myPatients[i % myPatients.length] ?? ''}/strengths`)),
        sql: (i) => raw(patientStrengthsQuery(db, myPatients[i % myPatients.length] ?? '')),
        plan: patientStrengthsQuery(db, myPatients[0] ?? ''),
      },
    ];
  },
};
