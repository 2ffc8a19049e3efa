import type { NeedStatus } from './codes.ts';

/**
 * The moves a need may make. A proposal is confirmed (`identified`) or dismissed; a confirmed
 * need moves between the working statuses, and a need that was met, declined or found no
 * resource may open again (circumstances change). Dismissed is final: a new need is recorded.
 */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, readonly NeedStatus[]>> = {
  proposed: ['identified', 'dismissed'],
  identified: ['being-addressed', 'met', 'declined-by-patient', 'unmet-no-resource'],
  'being-addressed': ['identified', 'met', 'declined-by-patient', 'unmet-no-resource'],
  met: ['identified', 'being-addressed'],
  'declined-by-patient': ['identified', 'being-addressed'],
  'unmet-no-resource': ['identified', 'being-addressed'],
  dismissed: [],
};

export const canMove = (from: NeedStatus, to: NeedStatus): boolean => NEED_TRANSITIONS[from].includes(to);

/** A dismissal says why: the reason is what a reviewer reads when the screen was positive. */
export const needsNote = (to: NeedStatus): boolean => to === 'dismissed';
