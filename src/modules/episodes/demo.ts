import type { SeedDemo } from '../../cli/demo-world.ts';
import { isoDay } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import { LEVELS_OF_CARE, REFERRAL_SOURCES, type EpisodePhase } from './codes.ts';

/**
 * An episode for every demo patient, in every phase of the continuum, with placements at
 * varied levels of care and the staff member who met them first as primary case manager.
 */
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

export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random, pick, today } = world;
  let placements = 0;
  for (const patient of world.patients) {
    const primary = patient.registeredBy;
    const phase = pick(PHASES);
    const opened = new Date(today.getTime() - (30 + Math.floor(random() * 300)) * 86_400_000);
    const closedOn = phase === 'closed' ? isoDay(new Date(opened.getTime() + 60 * 86_400_000)) : null;
    const episodeId = newId();
    const owned = { organizationId, patientId: patient.id };
    await tx
      .insertInto('episodes')
      .values({
        id: episodeId,
        ...owned,
        programId: patient.programId,
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
      .values({ id: newId(), ...owned, episodeId, phase, startedOn: closedOn ?? isoDay(opened), recordedBy: primary })
      .execute();
    await tx
      .insertInto('careTeamMembers')
      .values({
        id: newId(),
        ...owned,
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
            ...owned,
            episodeId,
            levelEdition: edition,
            levelCode: code,
            startDate: isoDay(opened),
            plannedEndDate: isoDay(planned),
            actualEndDate: closedOn,
          })
          .execute();
        placements += 1;
      }
    }
    await world.audit({ action: 'create', recordType: 'episode', recordId: episodeId, patientId: patient.id, details: { via: 'demo' } });
  }
  return `${world.patients.length} episodes with ${placements} placements`;
};
