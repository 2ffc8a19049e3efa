/**
 * When an instrument is due (docs/assessments.md "Reassessment"): at intake, every N days while
 * the episode is in a phase, at discharge. Rules live in a program's schedule (JSON), so there
 * is no column to CHECK; the API's schema holds the lists.
 */
export const SCHEDULE_TRIGGERS = ['intake', 'every', 'discharge'] as const;
export type ScheduleTrigger = (typeof SCHEDULE_TRIGGERS)[number];

/** The phases a periodic rule may name: any open phase. */
export const SCHEDULE_PHASES = ['outreach', 'intake', 'primary-treatment', 'continuing-care'] as const;
export type SchedulePhase = (typeof SCHEDULE_PHASES)[number];

/**
 * upcoming: not yet due; due: due, within its grace days; overdue: past them; done: a one-time
 * rule satisfied; at-discharge: waits for the discharge; missed: the episode closed without it.
 */
export const DUE_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'at-discharge', 'missed'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export const DEFAULT_GRACE_DAYS = 7;
