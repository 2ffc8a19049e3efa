import { caseManagerSql, episodeSql, idOf, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { contactsQuery } from './queries.ts';

/**
 * Twenty contacts per patient over the episode (2,000,000 at 100,000 patients; every fifth an
 * attempt that did not reach the patient), a signed DAP note on the newest five of each
 * (500,000), a draft on the newest of the first case manager's patients, and the episodes'
 * maintained last-contact columns set from them. Timed: an episode's contact section, and
 * logging a contact (which also recomputes the episode's columns).
 */
const PER_PATIENT = 20;
const contactIdSql = (g: string, k: string) => idSql('c300', `(${g} - 1) * ${PER_PATIENT} + ${k}`);

export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO contacts (id, organization_id, patient_id, episode_id, occurred_at, duration_minutes, mode,
                                              activities, staff_id, staff_credential, staff_roles)
      SELECT ${contactIdSql('g', 'k')}, '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')},
             TIMESTAMPTZ '2025-06-02 15:00Z' + k * INTERVAL '7 days' + (g % 48) * INTERVAL '15 minutes',
             CASE WHEN k % 5 = 0 THEN 2 ELSE 10 + g % 50 END,
             CASE WHEN k % 5 = 0 THEN 'attempted-not-reached' ELSE (ARRAY['phone','office-visit','home-visit','text-message'])[1 + (g + k) % 4] END,
             ARRAY['monitoring'], ${caseManagerSql('g')}, 'CADC', ARRAY['case-manager']
        FROM generate_series(1, ${patients}) g, generate_series(1, ${PER_PATIENT}) k`);
    await client.query(`INSERT INTO contact_notes (id, organization_id, patient_id, contact_id, structure, sections, status, author_id, signed_at)
      SELECT ${idSql('c301', `(g - 1) * ${PER_PATIENT} + k`)}, '${ORG}'::uuid, ${patientSql('g')}, ${contactIdSql('g', 'k')}, 'dap',
             jsonb_build_object('data', 'Checked in.', 'assessment', 'Stable.', 'plan', 'Continue.'),
             'signed', ${caseManagerSql('g')}, TIMESTAMPTZ '2025-06-02 16:00Z' + k * INTERVAL '7 days'
        FROM generate_series(1, ${patients}) g, generate_series(${PER_PATIENT - 4}, ${PER_PATIENT - 1}) k`);
    // k = 20 is an attempt (20 % 5 = 0): no note; the drafts sit on k = 19 for the first 150.
    await client.query(`UPDATE contact_notes SET status = 'draft', signed_at = NULL
      WHERE id IN (SELECT ${idSql('c301', `(g - 1) * ${PER_PATIENT} + ${PER_PATIENT - 1}`)} FROM generate_series(1, LEAST(150, ${patients})) g)`);
    await client.query(`UPDATE episodes e SET last_contact_at = s.last_at, unanswered_attempts = s.attempts, first_unanswered_at = s.first_attempt
      FROM (SELECT c.episode_id,
                   max(c.occurred_at) FILTER (WHERE c.mode <> 'attempted-not-reached') AS last_at,
                   count(*) FILTER (WHERE c.mode = 'attempted-not-reached' AND c.occurred_at > l.last_ok)::int AS attempts,
                   min(c.occurred_at) FILTER (WHERE c.mode = 'attempted-not-reached' AND c.occurred_at > l.last_ok) AS first_attempt
              FROM contacts c
              JOIN (SELECT episode_id, max(occurred_at) FILTER (WHERE mode <> 'attempted-not-reached') AS last_ok
                      FROM contacts GROUP BY episode_id) l ON l.episode_id = c.episode_id
             GROUP BY c.episode_id) s
      WHERE e.id = s.episode_id`);
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    const patientOf = (i: number) => myPatients[i % myPatients.length] ?? '';
    const episodeOf = (i: number) => idOf('a000', Number.parseInt(patientOf(i).slice(-12), 10));
    const at = (i: number) => new Date(Date.now() - (i + 1) * 60_000).toISOString();
    return [
      {
        name: 'episode contacts (status + 10 newest with notes)',
        app: (i) => expect200(caseManager.get(`/api/episodes/${episodeOf(i)}/contacts`)),
        sql: (i) => raw(contactsQuery(db, { episodeId: episodeOf(i) }, 10)),
        plan: contactsQuery(db, { episodeId: episodeOf(0) }, 10),
      },
      {
        name: 'log a contact (with a DAP draft)',
        app: (i) =>
          caseManager
            .post(`/api/patients/${patientOf(i)}/contacts`, {
              episodeId: episodeOf(i),
              occurredAt: at(i),
              durationMinutes: 15,
              mode: 'phone',
              activities: ['monitoring'],
              note: { structure: 'dap' },
            })
            .then((response) => {
              if (response.status !== 201) throw new Error(`log a contact: ${response.status}`);
            }),
        sql: (i) =>
          raw(
            db.insertInto('contacts').values({
              id: crypto.randomUUID(),
              organizationId: ORG,
              patientId: patientOf(i),
              episodeId: episodeOf(i),
              occurredAt: new Date(at(i)),
              durationMinutes: 15,
              mode: 'phone',
              staffId: idOf('8002', 1),
              staffRoles: ['case-manager'],
            }),
          ),
      },
    ];
  },
};
