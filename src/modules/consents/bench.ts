import { caseManagerSql, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { disclosureLogPageQuery, expiringSelect } from './privacy.ts';
import { patientConsentsQuery } from './queries.ts';

const EMERGENCY_DISCLOSURES = 300;

/**
 * Three consents per patient (an active TPO consent expiring within the year — one in twelve
 * within 30 days —, an expired one to a housing program, a revoked one to an employer: 300,000
 * at 100,000 patients), two disclosures under the first, and 300 emergency disclosures over
 * three years (most reviewed). Timed: the disclosure check (lock and read the patient's
 * consents, decide) through the API, beside the raw read of the same consents; and the privacy
 * office's lists: the disclosures log (first page, and emergencies only), consents expiring
 * within 30 days.
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
             LATERAL (VALUES ('tpo', 'general-designation', 'My treating providers, health plans, third-party payers and people helping to operate this program',
                      ARRAY['sud-diagnosis', 'attendance'], ARRAY['treatment', 'payment', 'health-care-operations'],
                      CURRENT_DATE + g % 365, CURRENT_DATE + g % 365 - 365, NULL::date),
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
    // § 2.51 emergency disclosures, one every 3.65 days over three years: the older ones reviewed.
    await client.query(`INSERT INTO disclosures (id, organization_id, patient_id, basis, recipient_name, recipient_class, recipient_affiliation,
                                                 information_kinds, purpose, emergency_nature, disclosed_by, disclosed_at,
                                                 reviewed_by, reviewed_at, review_finding)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('p')}, 'medical-emergency', 'Dr. Bench Emergency', 'treating-provider',
             'County General ED', ARRAY['medications', 'sud-diagnosis'], 'medical-emergency', 'Unresponsive after an overdose',
             ${caseManagerSql('p')}, at,
             CASE WHEN reviewed THEN ${idSql('8004', '1')} END, CASE WHEN reviewed THEN at + INTERVAL '2 days' END,
             CASE WHEN reviewed THEN (ARRAY['appropriate', 'appropriate', 'appropriate', 'needs-follow-up'])[1 + k % 4] END
        FROM generate_series(1, ${EMERGENCY_DISCLOSURES}) k,
             LATERAL (SELECT 1 + (k * 331) % ${patients} AS p, now() - k * INTERVAL '3.65 days' AS at, k > 20 AND k % 5 <> 0 AS reviewed) x`);
  },
  scenarios: ({ db, caseManager, privacyOfficer, poActor, ctxOf, myPatients, raw, expect200 }) => {
    const patientOf = (i: number) => myPatients[i % myPatients.length] ?? '';
    const po = ctxOf(poActor);
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
      {
        name: 'disclosures log (first page of 50)',
        app: () => expect200(privacyOfficer.get('/api/disclosures?limit=50')),
        sql: () => raw(disclosureLogPageQuery(db, po, {}, 50)),
        plan: disclosureLogPageQuery(db, po, {}, 50),
      },
      {
        name: 'disclosures log, emergencies only (first page of 50)',
        app: () => expect200(privacyOfficer.get('/api/disclosures?limit=50&basis=medical-emergency')),
        sql: () => raw(disclosureLogPageQuery(db, po, { basis: 'medical-emergency' }, 50)),
        plan: disclosureLogPageQuery(db, po, { basis: 'medical-emergency' }, 50),
      },
      {
        // The list stops at 500 (of about 8,000 at 100,000 patients): the raw side reads as many.
        name: 'consents expiring within 30 days (500 shown)',
        app: () => expect200(privacyOfficer.get('/api/consents/expiring?withinDays=30')),
        sql: () => raw(expiringSelect(db, po, 30).limit(501)),
        plan: expiringSelect(db, po, 30).limit(501),
      },
    ];
  },
};
