/**
 * A single consent for all future treatment, payment and health care operations (§ 2.31(a)(4)(i),
 * § 2.33(a)(2)); a consent for one named recipient and purpose; or the separate consent that SUD
 * counseling notes need (never combined with another).
 */
export const CONSENT_KINDS = ['tpo', 'specific', 'counseling-notes'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** A named person or organization, or a general designation ("my treating providers…"). */
export const RECIPIENT_KINDS = ['named', 'general-designation'] as const;

/** What kinds of information a consent may let go, each with plain words on the form. */
export const INFORMATION_KINDS = [
  'identity-contact',
  'sud-diagnosis',
  'attendance',
  'treatment-progress',
  'medications',
  'drug-test-results',
  'screening-results',
  'discharge-summary',
  'counseling-notes',
] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

export const CONSENT_PURPOSES = [
  'treatment',
  'payment',
  'health-care-operations',
  'care-coordination',
  'legal',
  'patient-request',
  'other',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** The purposes a single TPO consent covers, and no others. */
export const TPO_PURPOSES = ['treatment', 'payment', 'health-care-operations'] as const satisfies readonly ConsentPurpose[];

export const DISCLOSURE_PURPOSES = [...CONSENT_PURPOSES, 'medical-emergency'] as const;
export type DisclosurePurpose = (typeof DISCLOSURE_PURPOSES)[number];

/** Who receives a disclosure: the classes a TPO consent's general designation names, or other. */
export const RECIPIENT_CLASSES = ['treating-provider', 'health-plan', 'payer', 'program-operations', 'other'] as const;
export type RecipientClass = (typeof RECIPIENT_CLASSES)[number];
export const TPO_RECIPIENT_CLASSES = [
  'treating-provider',
  'health-plan',
  'payer',
  'program-operations',
] as const satisfies readonly RecipientClass[];

/** § 2.31(a)(7): an expiration date, event or condition. */
export const EXPIRATION_KINDS = ['date', 'event', 'condition'] as const;
export const SIGNATURE_METHODS = ['drawn', 'verbal', 'refused'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];
export const SIGNERS = ['patient', 'representative'] as const;
export const CONSENT_LANGUAGES = ['en', 'es'] as const;
/** Why a consent stopped: revoked by the patient, or its expiration event or condition happened. */
export const END_REASONS = ['revoked', 'expiration-event'] as const;

export const DISCLOSURE_BASES = ['consent', 'medical-emergency'] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** The privacy officer's finding on a § 2.51 emergency disclosure (docs/privacy-office.md). */
export const REVIEW_FINDINGS = ['appropriate', 'inappropriate', 'needs-follow-up'] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];

/** The emergency disclosures queue: those awaiting review, or those already reviewed. */
export const REVIEW_STATUSES = ['awaiting-review', 'reviewed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A consent's state on a given day (computed, never stored: it changes with the calendar). */
export const CONSENT_STATES = ['active', 'expiring', 'expired', 'revoked', 'ended', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Why a disclosure check refused (the web app has words for each, in both languages). */
export const BLOCK_REASONS = [
  'no-consent',
  'consent-refused',
  'consent-revoked',
  'consent-expired',
  'consent-ended',
  'counseling-notes-need-own-consent',
  'information-not-covered',
  'purpose-not-covered',
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'consents.kind': CONSENT_KINDS,
  'consents.recipient_kind': RECIPIENT_KINDS,
  'consents.information_kinds': INFORMATION_KINDS,
  'consents.purposes': CONSENT_PURPOSES,
  'consents.expiration_kind': EXPIRATION_KINDS,
  'consents.language': CONSENT_LANGUAGES,
  'consents.signature_method': SIGNATURE_METHODS,
  'consents.signer': SIGNERS,
  'consents.end_reason': END_REASONS,
  'disclosures.basis': DISCLOSURE_BASES,
  'disclosures.recipient_class': RECIPIENT_CLASSES,
  'disclosures.information_kinds': INFORMATION_KINDS,
  'disclosures.purpose': DISCLOSURE_PURPOSES,
  'disclosures.review_finding': REVIEW_FINDINGS,
};
