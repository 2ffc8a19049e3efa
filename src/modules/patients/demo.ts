import type { SeedDemo } from '../../cli/demo-world.ts';
import { isoDay } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';

/**
 * Synthetic patients for `bridgeway demo`: invented names, fictional phone numbers (555-01xx is
 * reserved for fiction), a mix of languages, housing and race and ethnicity answers. Each is
 * met first by a staff member of one program, where the episodes module opens their episode.
 */
const PATIENTS = 300;

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
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random, pick } = world;
  for (let n = 0; n < PATIENTS; n++) {
    const program = pick(world.programs);
    const staff = program.staffIds.length > 0 ? program.staffIds : world.programs.flatMap((p) => p.staffIds);
    const registeredBy = pick(staff);
    const patientId = newId();
    const birth = new Date(Date.UTC(1955 + Math.floor(random() * 50), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    await tx
      .insertInto('patients')
      .values({
        id: patientId,
        organizationId,
        createdBy: registeredBy,
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
    await world.audit({ action: 'create', recordType: 'patient', recordId: patientId, patientId, details: { via: 'demo' } });
    world.patients.push({ id: patientId, programId: program.id, registeredBy });
  }
  return `${PATIENTS} patients`;
};
