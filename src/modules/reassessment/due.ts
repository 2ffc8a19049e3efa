import { addDays } from '../../lib/dates.ts';
import type { EpisodePhase } from '../episodes/codes.ts';
import { DEFAULT_GRACE_DAYS, type DueStatus, type SchedulePhase, type ScheduleTrigger } from './codes.ts';

export interface ScheduleRule {
  instrumentKey: string;
  when: ScheduleTrigger;
  /** `every` only: the phase it runs in and how often. */
  phase?: SchedulePhase;
  everyDays?: number;
  /** Days after it falls due before it counts as overdue (default 7). */
  graceDays?: number;
}

export interface EpisodeFacts {
  phase: EpisodePhase;
  closedOn: string | null;
  /** The phase history, any order: each entry into a phase and its date. */
  phases: readonly { phase: EpisodePhase; startedOn: string }[];
  /** Days (in the organization's zone) on which each instrument was completed in this episode. */
  completions: readonly { instrumentKey: string; completedOn: string }[];
}

export interface DueItem {
  instrumentKey: string;
  when: ScheduleTrigger;
  phase: SchedulePhase | null;
  everyDays: number | null;
  dueOn: string | null;
  lastDoneOn: string | null;
  status: DueStatus;
}

const latest = (dates: readonly string[]) => dates.reduce<string | null>((max, date) => (max === null || date > max ? date : max), null);
const earliest = (dates: readonly string[]) => dates.reduce<string | null>((min, date) => (min === null || date < min ? date : min), null);

function timing(dueOn: string, graceDays: number, today: string): DueStatus {
  if (today < dueOn) return 'upcoming';
  return today <= addDays(dueOn, graceDays) ? 'due' : 'overdue';
}

/**
 * What the program's schedule asks of one episode today (pure; docs/assessments.md):
 * - intake: due the day the episode first entered a phase past outreach; done once completed in the episode;
 * - every N days in a phase: only while the episode is in that phase; due N days after the later
 *   of its entry into the phase (the current stay) and the last completion;
 * - discharge: waits while the episode is open (done if one was completed in the last grace days);
 *   once closed, done if one was completed in the grace days before closing, else missed.
 * Rules that do not apply (intake while in outreach, a phase the episode is not in) are left out.
 */
export function dueItems(rules: readonly ScheduleRule[], episode: EpisodeFacts, today: string): DueItem[] {
  const items: DueItem[] = [];
  for (const rule of rules) {
    const grace = rule.graceDays ?? DEFAULT_GRACE_DAYS;
    const done = episode.completions.filter((c) => c.instrumentKey === rule.instrumentKey).map((c) => c.completedOn);
    const lastDoneOn = latest(done);
    const base = {
      instrumentKey: rule.instrumentKey,
      when: rule.when,
      phase: rule.phase ?? null,
      everyDays: rule.everyDays ?? null,
      lastDoneOn,
    };
    if (rule.when === 'intake') {
      const start = earliest(episode.phases.filter((p) => p.phase !== 'outreach' && p.phase !== 'closed').map((p) => p.startedOn));
      if (start === null) continue;
      items.push({ ...base, dueOn: start, status: lastDoneOn !== null ? 'done' : timing(start, grace, today) });
    } else if (rule.when === 'every') {
      if (episode.closedOn !== null || episode.phase !== rule.phase || rule.everyDays === undefined) continue;
      const stayStart = latest(episode.phases.filter((p) => p.phase === rule.phase).map((p) => p.startedOn));
      if (stayStart === null) continue;
      const anchor = lastDoneOn !== null && lastDoneOn > stayStart ? lastDoneOn : stayStart;
      const dueOn = addDays(anchor, rule.everyDays);
      items.push({ ...base, dueOn, status: timing(dueOn, grace, today) });
    } else if (episode.closedOn === null) {
      const recent = lastDoneOn !== null && lastDoneOn >= addDays(today, -grace);
      items.push({ ...base, dueOn: null, status: recent ? 'done' : 'at-discharge' });
    } else {
      const inTime = lastDoneOn !== null && lastDoneOn >= addDays(episode.closedOn, -grace);
      items.push({ ...base, dueOn: episode.closedOn, status: inTime ? 'done' : 'missed' });
    }
  }
  return items;
}
