import { caseManagerSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { patientConsentsQuery } from './queries.ts';

/**
 * Three consents per patient (an active TPO consent, an expired one to a housing program, a
 * revoked one to an employer: 300,000 at 100,000 patients) and two disclosures under the first.
 * Timed: the disclosure check (lock and read the patient's consents, decide) through the API,
 * beside the raw read of the same consents.
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO consents (id, organization_id, patient_id, kind, disclosing_party, recipient_kind, recipient_name,
                                              information_kinds, information_description, purposes, expiration_kind, expires_on,
                                              language, statements_version, signature_method, signature_image, signer, signed_on,
                                              recorded_by, ended_on, end_reason, end_method, ended_by)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, c.kind, 'Bench Recovery', c.recipient_kind, c.recipient,
             c.kinds, 'SUD diagnosis and attendance', c.purposes, 'date', c.expires, 'en', 'part2-2024-v1', 'drawn',
             'data:image/png;base64,iVBORw0KGgo=', 'patient', c.signed, ${caseManagerSql('g')},
             c.revoked, CASE WHEN c.revoked IS NULL THEN NULL ELSE 'revoked' END,
             CASE WHEN c.revoked IS NULL THEN NULL ELSE 'Signed note' END,
             CASE WHEN c.revoked IS NULL THEN NULL ELSE ${caseManagerSql('g')} END
        FROM generate_series(1, ${patients}) g,
             (VALUES ('tpo', 'general-designation', 'My treating providers, health plans, third-party payers and people helping to operate this program',
                      ARRAY['sud-diagnosis', 'attendance'], ARRAY['treatment', 'payment', 'health-care-operations'],
                      CURRENT_DATE + 200, CURRENT_DATE - 30, NULL::date),
                     ('specific', 'named', 'Hope Street Housing', ARRAY['attendance'], ARRAY['care-coordination'],
                      CURRENT_DATE - 40, CURRENT_DATE - 400, NULL::date),
                     ('specific', 'named', 'Northside Staffing', ARRAY['attendance'], ARRAY['patient-request'],
                      CURRENT_DATE + 90, CURRENT_DATE - 90, CURRENT_DATE - 10)) AS c(kind, recipient_kind, recipient, kinds, purposes, expires, signed, revoked)`);
    await client.query(`INSERT INTO disclosures (id, organization_id, patient_id, basis, consent_id, recipient_name, recipient_class,
                                                 information_kinds, purpose, disclosed_by, disclosed_at)
      SELECT gen_random_uuid(), c.organization_id, c.patient_id, 'consent', c.id, 'Eastside Family Clinic', 'treating-provider',
             ARRAY['attendance'], 'treatment', c.recorded_by, now() - k * INTERVAL '11 days'
        FROM consents c, generate_series(1, 2) k
       WHERE c.kind = 'tpo' AND c.organization_id = '${ORG}'::uuid`);
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    const patientOf = (i: number) => myPatients[i % myPatients.length] ?? '';
    return [
      {
        name: 'disclosure check (3 consents: lock, read, decide)',
        app: (i) =>
          expect200(
            caseManager.post(`/api/patients/${patientOf(i)}/disclosure-checks`, {
              recipientName: 'Eastside Family Clinic',
              recipientClass: 'treating-provider',
              informationKinds: ['attendance'],
              purpose: 'treatment',
            }),
          ),
        sql: (i) => raw(patientConsentsQuery(db, patientOf(i))),
        plan: patientConsentsQuery(db, patientOf(0)),
      },
    ];
  },
};
