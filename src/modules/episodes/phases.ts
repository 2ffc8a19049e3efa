import { EPISODE_PHASES, type EpisodePhase } from './codes.ts';

/**
 * The continuum of care as a table of allowed moves (docs/patients.md). Forward moves may skip
 * a phase; continuing care may step back to primary treatment after a return to use; any open
 * phase may close; closed is final (someone who comes back starts a new episode).
 */
export const PHASE_TRANSITIONS: Readonly<Record<EpisodePhase, readonly EpisodePhase[]>> = {
  outreach: ['intake', 'primary-treatment', 'closed'],
  intake: ['primary-treatment', 'continuing-care', 'closed'],
  'primary-treatment': ['continuing-care', 'closed'],
  'continuing-care': ['primary-treatment', 'closed'],
  closed: [],
};

/** Where an episode may begin: anywhere but closed (a referral may arrive already in treatment). */
export const OPENING_PHASES = EPISODE_PHASES.filter((phase) => phase !== 'closed');

export function canMove(from: EpisodePhase, to: EpisodePhase): boolean {
  return PHASE_TRANSITIONS[from].includes(to);
}
