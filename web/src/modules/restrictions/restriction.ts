import type { PatientView } from '../../app/webModule.ts';
import type { RestrictionReason } from '../../../../src/modules/restrictions/codes.ts';

export type Restriction = NonNullable<PatientView['restriction']['patient']>;

/** The restricted record: a patient, or one episode. */
export type Target = { scope: 'patient'; id: string } | { scope: 'episode'; id: string };

/** Which kept draft (components/forms/drafts.ts) is a restriction being set on this record. */
export const restrictionDraftForm = (target: Target) => `restriction:${target.scope}:${target.id}`;

export interface RestrictionValues {
  reason: RestrictionReason;
  allowed: string[];
  excluded: string[];
}
