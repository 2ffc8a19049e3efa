import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type {
  ConsentKind,
  ConsentPurpose,
  DisclosurePurpose,
  InformationKind,
  RecipientClass,
  ReviewFinding,
  SignatureMethod,
} from './codes.ts';

/** The consents module's tables (migrations/0340), typed. */
interface ConsentsTable {
  id: string;
  organizationId: string;
  patientId: string;
  kind: ConsentKind;
  disclosingParty: string;
  recipientKind: 'named' | 'general-designation';
  recipientName: string;
  informationKinds: InformationKind[];
  informationDescription: string;
  purposes: ConsentPurpose[];
  purposeDescription: string | null;
  expirationKind: 'date' | 'event' | 'condition';
  expiresOn: string | null;
  expirationText: string | null;
  language: 'en' | 'es';
  statementsVersion: string;
  signatureMethod: SignatureMethod;
  /** The drawn signature as a data URL (image/png), kept with the record. */
  signatureImage: string | null;
  signer: 'patient' | 'representative';
  representativeName: string | null;
  representativeAuthority: string | null;
  witnessName: string | null;
  signedOn: string;
  recordedBy: string;
  endedOn: string | null;
  endReason: 'revoked' | 'expiration-event' | null;
  endMethod: string | null;
  endedBy: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface DisclosuresTable {
  id: string;
  organizationId: string;
  patientId: string;
  basis: 'consent' | 'medical-emergency';
  consentId: string | null;
  recipientName: string;
  recipientClass: RecipientClass;
  recipientAffiliation: string | null;
  informationKinds: InformationKind[];
  purpose: DisclosurePurpose;
  description: string | null;
  emergencyNature: string | null;
  disclosedBy: string;
  disclosedAt: Generated<Date>;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewFinding: ReviewFinding | null;
  /** The privacy officer's note with the finding (free text: never copied into the audit trail). */
  reviewNote: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type ConsentRow = Selectable<ConsentsTable>;
export type DisclosureRow = Selectable<DisclosuresTable>;

declare module '../../db/schema.ts' {
  interface DB {
    consents: ConsentsTable;
    disclosures: DisclosuresTable;
  }
}
