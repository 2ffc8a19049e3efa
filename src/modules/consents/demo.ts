import { isoDay, type SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import type { ConsentKind, ConsentPurpose, InformationKind, RecipientClass } from './codes.ts';
import { STATEMENTS_VERSION } from './statements.ts';

/** A small drawn signature (a PNG of a scribble would be larger; the demo needs only a valid image). */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const TPO_DESIGNATION = 'My treating providers, health plans, third-party payers and people helping to operate this program';

interface DemoConsent {
  kind: ConsentKind;
  recipientName: string;
  informationKinds: InformationKind[];
  informationDescription: string;
  purposes: ConsentPurpose[];
  /** Days from today: signed, expires (null: an event), ended (null: not ended). */
  signed: number;
  expires: number | null;
  revoked?: number;
  refused?: boolean;
  language?: 'en' | 'es';
}

/** Consents in every state across the first demo patients, as a program would have them. */
const PLANS: DemoConsent[][] = [
  [
    {
      kind: 'tpo',
      recipientName: TPO_DESIGNATION,
      informationKinds: ['identity-contact', 'sud-diagnosis', 'attendance', 'treatment-progress', 'medications'],
      informationDescription: 'My SUD diagnosis, attendance, treatment plan and progress, and medications including buprenorphine',
      purposes: ['treatment', 'payment', 'health-care-operations'],
      signed: -60,
      expires: 305,
    },
    {
      kind: 'specific',
      recipientName: 'County Adult Probation',
      informationKinds: ['attendance', 'drug-test-results'],
      informationDescription: 'Whether I attend treatment and my drug test results',
      purposes: ['legal'],
      signed: -150,
      expires: 20,
    },
  ],
  [
    {
      kind: 'specific',
      recipientName: 'Hope Street Housing',
      informationKinds: ['attendance'],
      informationDescription: 'That I am enrolled in SUD treatment and attending',
      purposes: ['care-coordination'],
      signed: -400,
      expires: -35,
    },
    {
      kind: 'tpo',
      recipientName: TPO_DESIGNATION,
      informationKinds: ['sud-diagnosis', 'attendance', 'treatment-progress'],
      informationDescription: 'Mi diagnóstico de trastorno por uso de sustancias, mi asistencia y mi progreso',
      purposes: ['treatment', 'payment'],
      signed: -30,
      expires: 335,
      language: 'es',
    },
  ],
  [
    {
      kind: 'specific',
      recipientName: 'Northside Staffing',
      informationKinds: ['attendance'],
      informationDescription: 'My attendance in SUD treatment, for my return-to-work plan',
      purposes: ['patient-request'],
      signed: -90,
      expires: 90,
      revoked: -10,
    },
    {
      kind: 'counseling-notes',
      recipientName: 'Dr. Priya Natarajan, Lakeside Psychiatry',
      informationKinds: ['counseling-notes'],
      informationDescription: 'My counselor’s SUD counseling notes from individual sessions since intake',
      purposes: ['treatment'],
      signed: -20,
      expires: 160,
    },
  ],
  [
    {
      kind: 'tpo',
      recipientName: TPO_DESIGNATION,
      informationKinds: ['sud-diagnosis', 'attendance'],
      informationDescription: 'My SUD diagnosis and attendance',
      purposes: ['treatment', 'payment', 'health-care-operations'],
      signed: -5,
      expires: 360,
      refused: true,
    },
  ],
];

const day = (today: Date, offset: number) => isoDay(new Date(today.getTime() + offset * 86_400_000));

/** Consents in every state, a few disclosures under them, and one § 2.51 emergency disclosure awaiting review. */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, today } = world;
  let consents = 0;
  let disclosures = 0;
  for (const [index, plan] of PLANS.entries()) {
    const patient = world.patients[index];
    if (!patient) break;
    for (const item of plan) {
      const id = newId();
      await tx
        .insertInto('consents')
        .values({
          id,
          organizationId,
          patientId: patient.id,
          kind: item.kind,
          disclosingParty: 'Blue Ridge Recovery Network',
          recipientKind: item.kind === 'tpo' ? 'general-designation' : 'named',
          recipientName: item.recipientName,
          informationKinds: item.informationKinds,
          informationDescription: item.informationDescription,
          purposes: item.purposes,
          expirationKind: item.expires === null ? 'event' : 'date',
          expiresOn: item.expires === null ? null : day(today, item.expires),
          expirationText: item.expires === null ? 'When my treatment ends' : null,
          language: item.language ?? 'en',
          statementsVersion: STATEMENTS_VERSION,
          signatureMethod: item.refused ? 'refused' : 'drawn',
          signatureImage: item.refused ? null : SIGNATURE,
          signer: 'patient',
          signedOn: day(today, item.signed),
          recordedBy: patient.registeredBy,
          ...(item.revoked !== undefined
            ? { endedOn: day(today, item.revoked), endReason: 'revoked', endMethod: 'Signed note', endedBy: patient.registeredBy }
            : {}),
        })
        .execute();
      await world.audit({ action: 'create', recordType: 'consent', recordId: id, patientId: patient.id, details: { via: 'demo' } });
      consents += 1;
      if (item.refused) continue;
      // One disclosure made under each consent while it was in effect.
      const recipient: [string, RecipientClass] =
        item.kind === 'tpo'
          ? ['Eastside Family Clinic', 'treating-provider']
          : [item.recipientName, item.kind === 'counseling-notes' ? 'treating-provider' : 'other'];
      const disclosureId = newId();
      await tx
        .insertInto('disclosures')
        .values({
          id: disclosureId,
          organizationId,
          patientId: patient.id,
          basis: 'consent',
          consentId: id,
          recipientName: recipient[0],
          recipientClass: recipient[1],
          informationKinds: item.informationKinds.slice(0, 2),
          purpose: item.purposes[0] ?? 'treatment',
          description: 'Letter sent by secure fax',
          disclosedBy: patient.registeredBy,
          disclosedAt: new Date(today.getTime() + (item.signed + 3) * 86_400_000),
        })
        .execute();
      await world.audit({
        action: 'create',
        recordType: 'disclosure',
        recordId: disclosureId,
        patientId: patient.id,
        details: { via: 'demo' },
      });
      disclosures += 1;
    }
  }
  const emergencyPatient = world.patients[4] ?? world.patients[0];
  if (emergencyPatient) {
    const id = newId();
    await tx
      .insertInto('disclosures')
      .values({
        id,
        organizationId,
        patientId: emergencyPatient.id,
        basis: 'medical-emergency',
        recipientName: 'Dr. Imani Reyes',
        recipientAffiliation: 'St. Luke’s Hospital Emergency Department',
        recipientClass: 'treating-provider',
        informationKinds: ['medications', 'sud-diagnosis'],
        purpose: 'medical-emergency',
        emergencyNature: 'Brought in unresponsive; the ED needed the current methadone dose before treating',
        disclosedBy: emergencyPatient.registeredBy,
        disclosedAt: new Date(today.getTime() - 2 * 86_400_000),
      })
      .execute();
    await world.audit({
      action: 'create',
      recordType: 'disclosure',
      recordId: id,
      patientId: emergencyPatient.id,
      details: { via: 'demo' },
    });
    disclosures += 1;
  }
  // An older emergency disclosure the privacy officer has already reviewed (the queue's "Reviewed" tab).
  const reviewedPatient = world.patients[5] ?? world.patients[0];
  const reviewer = world.staff.find((person) => person.roles.includes('privacy-officer'));
  if (reviewedPatient && reviewer) {
    const id = newId();
    await tx
      .insertInto('disclosures')
      .values({
        id,
        organizationId,
        patientId: reviewedPatient.id,
        basis: 'medical-emergency',
        recipientName: 'Paramedic crew 14',
        recipientAffiliation: 'County EMS',
        recipientClass: 'treating-provider',
        informationKinds: ['medications'],
        purpose: 'medical-emergency',
        emergencyNature: 'Collapsed in the lobby; the crew asked which medications he takes',
        disclosedBy: reviewedPatient.registeredBy,
        disclosedAt: new Date(today.getTime() - 20 * 86_400_000),
        reviewedBy: reviewer.id,
        reviewedAt: new Date(today.getTime() - 18 * 86_400_000),
        reviewFinding: 'appropriate',
        version: 2,
      })
      .execute();
    await world.audit({
      action: 'create',
      recordType: 'disclosure',
      recordId: id,
      patientId: reviewedPatient.id,
      details: { via: 'demo' },
    });
    disclosures += 1;
  }
  return `${consents} consents in every state, ${disclosures} disclosures (one emergency awaiting review, one reviewed)`;
};
