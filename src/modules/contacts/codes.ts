/** How a contact happened. `attempted-not-reached` is a failed attempt: it counts, but not as a contact made. */
export const CONTACT_MODES = [
  'office-visit',
  'home-visit',
  'community-visit',
  'phone',
  'video',
  'text-message',
  'accompanied-to-service',
  'collateral-contact',
  'attempted-not-reached',
] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const UNSUCCESSFUL_MODE: ContactMode = 'attempted-not-reached';

/** TIP 27's case management activities (shared/PRODUCT.md); a contact records those performed. */
export const CONTACT_ACTIVITIES = [
  'outreach',
  'assessment',
  'planning',
  'linkage-referral',
  'monitoring',
  'advocacy',
  'crisis-response',
  'informal-support-development',
  'therapeutic-service',
  'direct-service',
] as const;
export type ContactActivity = (typeof CONTACT_ACTIVITIES)[number];

export const NOTE_STRUCTURES = ['dap', 'soap', 'narrative'] as const;
export type NoteStructure = (typeof NOTE_STRUCTURES)[number];

export type NoteSection = 'data' | 'subjective' | 'objective' | 'assessment' | 'plan' | 'narrative';

/** The sections each structure has, in order. */
export const NOTE_SECTIONS: Record<NoteStructure, readonly NoteSection[]> = {
  dap: ['data', 'assessment', 'plan'],
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  narrative: ['narrative'],
};

/** draft → signed (by its author; immutable after, corrected by addenda). */
export const NOTE_STATUSES = ['draft', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** The phases with an expected cadence (a closed episode expects none), and their columns. */
export const CADENCE_PHASES = ['outreach', 'intake', 'primary-treatment', 'continuing-care'] as const;
export type CadencePhase = (typeof CADENCE_PHASES)[number];
export const DEFAULT_CADENCE: Record<CadencePhase, number> = { outreach: 7, intake: 7, 'primary-treatment': 7, 'continuing-care': 14 };

/**
 * The care-team roles that read a sensitive note's text (docs/restrictions.md), besides its
 * author, its co-signer and supervisors of the program: the clinicians who treat. Case managers,
 * peer specialists, community health workers and probation officers see that the note exists.
 */
export const SENSITIVE_NOTE_ROLES = ['counselor', 'psychiatrist', 'prescriber', 'supervisor'] as const;

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'contacts.mode': CONTACT_MODES,
  'contacts.activities': CONTACT_ACTIVITIES,
  'contact_notes.structure': NOTE_STRUCTURES,
  'contact_notes.status': NOTE_STATUSES,
};
