import type { Transaction } from 'kysely';
import { LEVELS_OF_CARE, REFERRAL_SOURCES, type EpisodePhase } from '../codes.ts';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../lib/audit/audit.ts';
import { newId } from '../lib/ids.ts';

/**
 * Synthetic patients for the demo: invented names, fictional phone numbers (555-01xx is
 * reserved for fiction), episodes in every phase, placements at varied levels, and care teams
 * drawn from the demo staff. A seeded generator makes every demo the same.
 */
const FIRST = [
  'Ana',
  'Marcus',
  'Dolores',
  'Tyrone',
  'Jessica',
  'Ruben',
  'Kayla',
  'Darnell',
  'Guadalupe',
  'Cody',
  'Brianna',
  'Esteban',
  'Tasha',
  'Wyatt',
  'Mei',
  'Joaquin',
  'Shelby',
  'Andre',
  'Rosalind',
  'Travis',
  'Lupita',
  'Dakota',
  'Imani',
  'Hector',
  'Amber',
  'Nathaniel',
  'Yesenia',
  'Cole',
  'Fatima',
  'Brandon',
];
const LAST = [
  'Whitaker',
  'Morales',
  'Jefferson',
  'Castillo',
  'Hensley',
  'Nguyen',
  'Redbird',
  'Okafor',
  'Delacruz',
  'Mullins',
  'Harjo',
  'Pruitt',
  'Villanueva',
  'Stroud',
  'Begay',
  'Salazar',
  'Combs',
  'Ibarra',
  'Tolliver',
  'Quintana',
  'Gentry',
  'Yazzie',
  'Caudill',
  'Ochoa',
  'Riddle',
];
const PHASES: EpisodePhase[] = [
  'outreach',
  'intake',
  'primary-treatment',
  'primary-treatment',
  'continuing-care',
  'continuing-care',
  'closed',
];
const LEVELS: [edition: 'asam-3' | 'asam-4' | 'other', code: string][] = [
  ['asam-3', '1'],
  ['asam-3', '2.1'],
  ['asam-3', '3.5'],
  ['asam-4', '1.5'],
  ['asam-4', '2.1'],
  ['asam-4', '3.7'],
  ['other', 'obot'],
  ['other', 'otp'],
  ['other', 'recovery-housing'],
];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function seedDemoPatients(
  tx: Transaction<DB>,
  organizationId: string,
  programs: { id: string; staffIds: string[] }[],
  count: number,
  meta: { requestId: string; ip: null; userAgent: string },
): Promise<number> {
  const random = seeded(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = new Date();
  for (let n = 0; n < count; n++) {
    const program = pick(programs);
    const staff = program.staffIds.length > 0 ? program.staffIds : programs.flatMap((p) => p.staffIds);
    const primary = pick(staff);
    const patientId = newId();
    const birth = new Date(Date.UTC(1955 + Math.floor(random() * 50), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    await tx
      .insertInto('patients')
      .values({
        id: patientId,
        organizationId,
        createdBy: primary,
        legalFirstName: pick(FIRST),
        legalLastName: pick(LAST),
        dateOfBirth: isoDay(birth),
        preferredLanguage: random() < 0.2 ? 'es' : 'en',
        interpreterNeeded: random() < 0.05,
        noFixedAddress: random() < 0.15,
        raceEthnicity: [
          pick([
            'white',
            'black-or-african-american',
            'hispanic-or-latino',
            'american-indian-or-alaska-native',
            'asian',
            'declined',
          ] as const),
        ],
      })
      .execute();
    await tx
      .insertInto('patientPhones')
      .values({
        id: newId(),
        organizationId,
        patientId,
        position: 0,
        number: `555-01${String(n % 100).padStart(2, '0')}`,
        kind: 'mobile',
        consentToText: random() < 0.7,
        voicemailSafe: random() < 0.6,
      })
      .execute();
    const phase = pick(PHASES);
    const opened = new Date(today.getTime() - (30 + Math.floor(random() * 300)) * 86_400_000);
    const closedOn = phase === 'closed' ? isoDay(new Date(opened.getTime() + 60 * 86_400_000)) : null;
    const episodeId = newId();
    await tx
      .insertInto('episodes')
      .values({
        id: episodeId,
        organizationId,
        patientId,
        programId: program.id,
        referralSource: pick(REFERRAL_SOURCES),
        referralDate: isoDay(opened),
        openedOn: isoDay(opened),
        phase,
        closedOn,
        closureReason: closedOn ? pick(['goals-met', 'transferred', 'lost-to-contact'] as const) : null,
      })
      .execute();
    await tx
      .insertInto('episodePhases')
      .values({ id: newId(), organizationId, patientId, episodeId, phase, startedOn: closedOn ?? isoDay(opened), recordedBy: primary })
      .execute();
    await tx
      .insertInto('careTeamMembers')
      .values({
        id: newId(),
        organizationId,
        patientId,
        episodeId,
        userId: primary,
        role: 'primary-case-manager',
        startedOn: isoDay(opened),
        recordedBy: primary,
      })
      .execute();
    if (phase !== 'outreach') {
      const [edition, code] = pick(LEVELS);
      if ((LEVELS_OF_CARE[edition] as readonly string[]).includes(code)) {
        const planned = new Date(today.getTime() + (Math.floor(random() * 60) - 10) * 86_400_000);
        await tx
          .insertInto('placements')
          .values({
            id: newId(),
            organizationId,
            patientId,
            episodeId,
            levelEdition: edition,
            levelCode: code,
            startDate: isoDay(opened),
            plannedEndDate: isoDay(planned),
            actualEndDate: closedOn,
          })
          .execute();
      }
    }
    await writeAudit(
      tx,
      { ...meta, organizationId },
      { action: 'create', recordType: 'patient', recordId: patientId, patientId, details: { via: 'demo' } },
    );
  }
  return count;
}
