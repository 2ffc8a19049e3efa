import { Type, type Static } from 'typebox';
import { DateOnly, Instant, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import {
  BLOCK_REASONS,
  CONSENT_KINDS,
  CONSENT_LANGUAGES,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  DISCLOSURE_BASES,
  DISCLOSURE_PURPOSES,
  END_REASONS,
  EXPIRATION_KINDS,
  INFORMATION_KINDS,
  RECIPIENT_CLASSES,
  RECIPIENT_KINDS,
  REVIEW_FINDINGS,
  REVIEW_STATUSES,
  SIGNATURE_METHODS,
  SIGNERS,
} from './codes.ts';

const InformationKinds = Type.Array(Type.Enum(INFORMATION_KINDS), { minItems: 1, maxItems: INFORMATION_KINDS.length, uniqueItems: true });

/** Every element of a § 2.31 written consent; the rules between fields are checked in the service. */
export const CreateConsentBody = Type.Object(
  {
    kind: Type.Enum(CONSENT_KINDS),
    disclosingParty: Text(300, { description: 'Who may disclose: the program, by name or specific identification' }),
    recipientKind: Type.Enum(RECIPIENT_KINDS),
    recipientName: Text(300, { description: 'A named person or organization, or a general designation such as "my treating providers"' }),
    informationKinds: InformationKinds,
    informationDescription: Text(2000, { description: 'How much and what kind, with an explicit description of the SUD information' }),
    purposes: Type.Array(Type.Enum(CONSENT_PURPOSES), { minItems: 1, maxItems: CONSENT_PURPOSES.length, uniqueItems: true }),
    purposeDescription: Type.Optional(Nullable(Text(1000))),
    expirationKind: Type.Enum(EXPIRATION_KINDS),
    expiresOn: Type.Optional(Nullable(DateOnly)),
    expirationText: Type.Optional(Nullable(Text(500, { description: 'The event or condition that ends the consent' }))),
    language: Type.Enum(CONSENT_LANGUAGES),
    signatureMethod: Type.Enum(SIGNATURE_METHODS),
    signatureImage: Type.Optional(
      Nullable(
        Type.String({
          pattern: '^data:image/png;base64,[A-Za-z0-9+/=]+$',
          maxLength: 400_000,
          description: 'The drawn signature, a PNG data URL',
        }),
      ),
    ),
    signer: Type.Enum(SIGNERS),
    representativeName: Type.Optional(Nullable(Text(200))),
    representativeAuthority: Type.Optional(Nullable(Text(300, { description: 'e.g. parent of a minor, court-appointed guardian' }))),
    witnessName: Type.Optional(Nullable(Text(200))),
    signedOn: DateOnly,
  },
  { additionalProperties: false },
);
export type CreateConsentBody = Static<typeof CreateConsentBody>;

export const EndConsentBody = Type.Object(
  {
    version: Version,
    reason: Type.Enum(END_REASONS),
    endedOn: DateOnly,
    method: Text(500, { description: 'How: a signed note, told the case manager (recorded), the event that happened' }),
  },
  { additionalProperties: false },
);
export type EndConsentBody = Static<typeof EndConsentBody>;

export const ConsentSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  kind: Type.Enum(CONSENT_KINDS),
  disclosingParty: Type.String(),
  recipientKind: Type.Enum(RECIPIENT_KINDS),
  recipientName: Type.String(),
  informationKinds: Type.Array(Type.Enum(INFORMATION_KINDS)),
  informationDescription: Type.String(),
  purposes: Type.Array(Type.Enum(CONSENT_PURPOSES)),
  purposeDescription: Nullable(Type.String()),
  expirationKind: Type.Enum(EXPIRATION_KINDS),
  expiresOn: Nullable(DateOnly),
  expirationText: Nullable(Type.String()),
  language: Type.Enum(CONSENT_LANGUAGES),
  statementsVersion: Type.String(),
  statements: Type.Array(Type.Object({ key: Type.String(), text: Type.String() })),
  signatureMethod: Type.Enum(SIGNATURE_METHODS),
  signatureImage: Nullable(Type.String()),
  signer: Type.Enum(SIGNERS),
  representativeName: Nullable(Type.String()),
  representativeAuthority: Nullable(Type.String()),
  witnessName: Nullable(Type.String()),
  signedOn: DateOnly,
  recordedBy: Type.Object({ id: Uuid, name: Type.String() }),
  endedOn: Nullable(DateOnly),
  endReason: Nullable(Type.Enum(END_REASONS)),
  endMethod: Nullable(Type.String()),
  state: Type.Enum(CONSENT_STATES),
  version: Type.Integer(),
});

/** The list and the overview leave the signature image out (it is large); one consent carries it. */
export const ConsentSummarySchema = Type.Omit(ConsentSchema, ['signatureImage', 'statements']);

export const DisclosureRequestBody = Type.Object(
  {
    recipientName: Text(300),
    recipientClass: Type.Enum(RECIPIENT_CLASSES),
    informationKinds: InformationKinds,
    purpose: Type.Enum(CONSENT_PURPOSES),
  },
  { additionalProperties: false },
);
export type DisclosureRequestBody = Static<typeof DisclosureRequestBody>;

export const DisclosureBody = Type.Object(
  {
    ...DisclosureRequestBody.properties,
    description: Type.Optional(Nullable(Text(1000, { description: 'What went: the document, the call' }))),
  },
  { additionalProperties: false },
);
export type DisclosureBody = Static<typeof DisclosureBody>;

export const CheckResultSchema = Type.Object({
  allowed: Type.Boolean(),
  reason: Nullable(Type.Enum(BLOCK_REASONS)),
  consent: Nullable(ConsentSummarySchema),
});

export const EmergencyDisclosureBody = Type.Object(
  {
    recipientName: Text(300, { description: 'The medical personnel who received it' }),
    recipientAffiliation: Text(300, { description: 'Their affiliation with a health care facility' }),
    informationKinds: InformationKinds,
    emergencyNature: Text(2000),
    disclosedAt: Instant,
  },
  { additionalProperties: false },
);
export type EmergencyDisclosureBody = Static<typeof EmergencyDisclosureBody>;

export const DisclosureSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  basis: Type.Enum(DISCLOSURE_BASES),
  consentId: Nullable(Uuid),
  recipientName: Type.String(),
  recipientClass: Type.Enum(RECIPIENT_CLASSES),
  recipientAffiliation: Nullable(Type.String()),
  informationKinds: Type.Array(Type.Enum(INFORMATION_KINDS)),
  purpose: Type.Enum(DISCLOSURE_PURPOSES),
  description: Nullable(Type.String()),
  emergencyNature: Nullable(Type.String()),
  disclosedBy: Type.Object({ id: Uuid, name: Type.String() }),
  disclosedAt: Instant,
  reviewedAt: Nullable(Instant),
  reviewFinding: Nullable(Type.Enum(REVIEW_FINDINGS)),
  version: Type.Integer(),
});

/** What goes out with a disclosure made with consent (§ 2.32): the notice and the consent's scope. */
export const DisclosureMadeSchema = Type.Object({
  disclosure: DisclosureSchema,
  notice: Type.String(),
  consentScope: ConsentSummarySchema,
});

export const AccountingQuery = Type.Object({ since: Type.Optional(DateOnly) }, { additionalProperties: false });

export const EmergencyQueueItem = Type.Object({
  ...DisclosureSchema.properties,
  patientName: Type.String(),
  reviewedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  reviewNote: Nullable(Type.String()),
});

export const EmergencyQueueQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Enum(REVIEW_STATUSES, {
        default: 'awaiting-review',
        description: 'Awaiting review (oldest first) or reviewed (newest review first)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EmergencyQueueQuery = Static<typeof EmergencyQueueQuery>;

export const ReviewBody = Type.Object(
  {
    version: Version,
    finding: Type.Enum(REVIEW_FINDINGS),
    note: Type.Optional(Nullable(Text(2000, { description: 'What was checked, what follows (not copied into the audit trail)' }))),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

/** The org-wide disclosures log (privacy officer): calendar days in the organization's time zone, both included. */
export const DisclosureLogQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: 'First day (organization’s time zone), included' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day (organization’s time zone), included' })),
    basis: Type.Optional(Type.Enum(DISCLOSURE_BASES)),
    recipient: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the recipient’s name or facility' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DisclosureLogQuery = Static<typeof DisclosureLogQuery>;

export const DisclosureLogItem = Type.Object({
  ...DisclosureSchema.properties,
  patientName: Type.String(),
  consent: Nullable(Type.Object({ id: Uuid, kind: Type.Enum(CONSENT_KINDS), recipientName: Type.String(), signedOn: DateOnly })),
});

export const ExpiringQuery = Type.Object(
  { withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, default: 30 })) },
  { additionalProperties: false },
);
export type ExpiringQuery = Static<typeof ExpiringQuery>;

export const ExpiringConsentItem = Type.Object({
  id: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  kind: Type.Enum(CONSENT_KINDS),
  recipientName: Type.String(),
  expiresOn: DateOnly,
  daysLeft: Type.Integer({ description: 'Days from today (organization’s calendar) to the expiration date; 0 = expires today' }),
  signedOn: DateOnly,
  signatureMethod: Type.Enum(SIGNATURE_METHODS),
});

export const PrivacySummarySchema = Type.Object({
  emergencyAwaitingReview: Type.Integer(),
  consentsExpiringSoon: Type.Integer({ description: 'Consents in effect that expire within 30 days' }),
  disclosuresThisMonth: Type.Integer({ description: 'Since the first day of this month, organization’s time zone' }),
});

export const ConsentOverviewSchema = Type.Array(
  Type.Object({
    recipientName: Type.String(),
    kind: Type.Enum(CONSENT_KINDS),
    state: Type.Enum(CONSENT_STATES),
    consentId: Uuid,
    expiresOn: Nullable(DateOnly),
    endedOn: Nullable(DateOnly),
  }),
);
