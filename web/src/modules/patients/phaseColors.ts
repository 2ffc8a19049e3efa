import type { EpisodePhase } from '../../api/codes.ts';

/** The tint of each phase of the continuum (text stays dark, see StatusBadge). */
export const phaseColors: Readonly<Record<EpisodePhase, string>> = {
  outreach: 'grape',
  intake: 'yellow',
  'primary-treatment': 'blue',
  'continuing-care': 'teal',
  closed: 'gray',
};
