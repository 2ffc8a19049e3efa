import type { Static } from 'typebox';
import type { ConsentSchema, DisclosureSchema } from './schemas.ts';
import { consentState } from './rules.ts';
import { statementsFor } from './statements.ts';
import type { ConsentRow, DisclosureRow } from './tables.ts';

export type ConsentView = Static<typeof ConsentSchema>;
export type ConsentSummary = Omit<ConsentView, 'signatureImage' | 'statements'>;
export type DisclosureView = Static<typeof DisclosureSchema>;

export interface Names {
  patientName: string;
  recordedByName: string;
}

/** Row → API shape, an allow-list; the state is computed for `today`, never stored. */
export function presentConsentSummary(row: ConsentRow, names: Names, today: string): ConsentSummary {
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: names.patientName,
    kind: row.kind,
    disclosingParty: row.disclosingParty,
    recipientKind: row.recipientKind,
    recipientName: row.recipientName,
    informationKinds: row.informationKinds,
    informationDescription: row.informationDescription,
    purposes: row.purposes,
    purposeDescription: row.purposeDescription,
    expirationKind: row.expirationKind,
    expiresOn: row.expiresOn,
    expirationText: row.expirationText,
    language: row.language,
    statementsVersion: row.statementsVersion,
    signatureMethod: row.signatureMethod,
    signer: row.signer,
    representativeName: row.representativeName,
    representativeAuthority: row.representativeAuthority,
    witnessName: row.witnessName,
    signedOn: row.signedOn,
    recordedBy: { id: row.recordedBy, name: names.recordedByName },
    endedOn: row.endedOn,
    endReason: row.endReason,
    endMethod: row.endMethod,
    state: consentState(row, today),
    version: row.version,
  };
}

export function presentConsent(row: ConsentRow, names: Names, today: string): ConsentView {
  return {
    ...presentConsentSummary(row, names, today),
    signatureImage: row.signatureImage,
    statements: statementsFor(row.statementsVersion, row.kind, row.language),
  };
}

export function presentDisclosure(row: DisclosureRow, disclosedByName: string): DisclosureView {
  return {
    id: row.id,
    patientId: row.patientId,
    basis: row.basis,
    consentId: row.consentId,
    recipientName: row.recipientName,
    recipientClass: row.recipientClass,
    recipientAffiliation: row.recipientAffiliation,
    informationKinds: row.informationKinds,
    purpose: row.purpose,
    description: row.description,
    emergencyNature: row.emergencyNature,
    disclosedBy: { id: row.disclosedBy, name: disclosedByName },
    disclosedAt: row.disclosedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewFinding: row.reviewFinding,
    version: row.version,
  };
}
