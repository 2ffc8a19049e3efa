import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Audit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { AuditedRefusal, badRequest, conflict, fieldProblem, ruleViolation, type FieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { readPatientRecord, todayOf, withPatientRecord } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';
import { TPO_PURPOSES, type BlockReason } from './codes.ts';
import {
  presentConsent,
  presentConsentSummary,
  presentDisclosure,
  type ConsentSummary,
  type ConsentView,
  type DisclosureView,
} from './presenter.ts';
import { patientConsentsQuery, patientDisclosuresQuery } from './queries.ts';
import { consentKind } from './records.ts';
import { consentState, decide, normalName, type DisclosureRequest } from './rules.ts';
import type { CreateConsentBody, DisclosureBody, EmergencyDisclosureBody, EndConsentBody } from './schemas.ts';
import { DISCLOSURE_NOTICE, STATEMENTS_VERSION } from './statements.ts';

/** How far back the accounting of disclosures goes by default (the patient's right: three years). */
const ACCOUNTING_YEARS = 3;

async function consentViews(executor: Executor, patientId: string, today: string): Promise<ConsentSummary[]> {
  const rows = await patientConsentsQuery(executor, patientId).execute();
  return rows.map(({ patientName, recordedByName, ...row }) => presentConsentSummary(row, { patientName, recordedByName }, today));
}

async function loadConsent(executor: Executor, id: string, today: string): Promise<ConsentView> {
  const row = await executor
    .selectFrom('consents as c')
    .innerJoin('patients as p', 'p.id', 'c.patientId')
    .innerJoin('users as u', 'u.id', 'c.recordedBy')
    .selectAll('c')
    .select(['p.legalFirstName', 'p.legalLastName', 'u.displayName'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  const { legalFirstName, legalLastName, displayName, ...consent } = row;
  return presentConsent(consent, { patientName: `${legalFirstName} ${legalLastName}`, recordedByName: displayName }, today);
}

/**
 * The rules between a consent's fields that a schema cannot say, all at once, each naming its
 * field: an expiration date or the event, a drawn image or a witness, the representative's
 * authority, counseling notes alone in their own consent, a TPO consent for TPO only.
 */
function consentProblems(input: CreateConsentBody, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const required = (path: string, message: string) => errors.push(fieldProblem(path, 'required', message));
  const invalid = (path: string, message: string) => errors.push(fieldProblem(path, 'invalid', message));
  if (input.expirationKind === 'date') {
    if (!input.expiresOn) required('/expiresOn', 'is required: the date the consent expires');
    else if (input.expiresOn < input.signedOn) invalid('/expiresOn', 'must not be before the day it is signed');
    if (input.expirationText) invalid('/expirationText', 'is for an event or a condition, not with a date');
  } else {
    if (!input.expirationText) required('/expirationText', `is required: the ${input.expirationKind} that ends the consent`);
    if (input.expiresOn) invalid('/expiresOn', 'is only for an expiration by date');
  }
  if (input.signatureMethod === 'drawn' && !input.signatureImage) required('/signatureImage', 'is required: the drawn signature');
  if (input.signatureMethod !== 'drawn' && input.signatureImage) invalid('/signatureImage', 'is only for a drawn signature');
  if (input.signatureMethod === 'verbal' && !input.witnessName) required('/witnessName', 'is required for a verbal consent');
  if (input.signer === 'representative') {
    if (!input.representativeName) required('/representativeName', 'is required when a representative signs');
    if (!input.representativeAuthority) required('/representativeAuthority', 'is required: why they may sign for the patient');
  } else if (input.representativeName || input.representativeAuthority) {
    invalid(input.representativeName ? '/representativeName' : '/representativeAuthority', 'is only for a representative');
  }
  const notes = input.informationKinds.includes('counseling-notes');
  if (input.kind === 'counseling-notes' && (!notes || input.informationKinds.length > 1))
    invalid('/informationKinds', 'a counseling-notes consent covers counseling notes and nothing else');
  if (input.kind !== 'counseling-notes' && notes) invalid('/informationKinds', 'counseling notes need their own, separate consent');
  if (input.kind === 'tpo' && !input.purposes.every((purpose) => (TPO_PURPOSES as readonly string[]).includes(purpose)))
    invalid('/purposes', 'a TPO consent is for treatment, payment and health care operations only');
  if (input.purposes.includes('other') && !input.purposeDescription) required('/purposeDescription', 'is required: say the purpose');
  if (input.signedOn > today) invalid('/signedOn', 'must not be in the future');
  return errors;
}

/** Records a consent (or a refusal to sign) the patient gave today or earlier. */
export async function createConsent(db: Database, ctx: RequestContext, patientId: string, input: CreateConsentBody): Promise<ConsentView> {
  const today = todayOf(ctx.actor);
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    // After the access check: someone who may not see the patient learns nothing, not even a 400.
    const errors = consentProblems(input, today);
    if (errors.length > 0) throw badRequest(errors.map((error) => `${error.path}: ${error.message}`).join('; '), errors);
    const id = newId();
    await tx
      .insertInto('consents')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId,
        kind: input.kind,
        disclosingParty: input.disclosingParty.trim(),
        recipientKind: input.recipientKind,
        recipientName: input.recipientName.trim(),
        informationKinds: input.informationKinds,
        informationDescription: input.informationDescription.trim(),
        purposes: input.purposes,
        purposeDescription: input.purposeDescription?.trim() ?? null,
        expirationKind: input.expirationKind,
        expiresOn: input.expirationKind === 'date' ? (input.expiresOn ?? null) : null,
        expirationText: input.expirationKind === 'date' ? null : (input.expirationText?.trim() ?? null),
        language: input.language,
        statementsVersion: STATEMENTS_VERSION,
        signatureMethod: input.signatureMethod,
        signatureImage: input.signatureImage ?? null,
        signer: input.signer,
        representativeName: input.representativeName?.trim() ?? null,
        representativeAuthority: input.representativeAuthority?.trim() ?? null,
        witnessName: input.witnessName?.trim() ?? null,
        signedOn: input.signedOn,
        recordedBy: ctx.actor.userId,
      })
      .execute();
    // Codes only: no names, no descriptions in the audit trail.
    await audit({
      action: 'create',
      recordType: 'consent',
      recordId: id,
      details: { kind: input.kind, signatureMethod: input.signatureMethod, purposes: input.purposes },
    });
    return loadConsent(tx, id, today);
  });
}

export async function listConsents(db: Database, ctx: RequestContext, patientId: string): Promise<ConsentSummary[]> {
  return readPatientRecord(db, ctx, patientKind, patientId, (tx) => consentViews(tx, patientId, todayOf(ctx.actor)));
}

export async function getConsent(db: Database, ctx: RequestContext, id: string): Promise<ConsentView> {
  return readPatientRecord(db, ctx, consentKind, id, (tx) => loadConsent(tx, id, todayOf(ctx.actor)));
}

/**
 * Revokes a consent (dated; it stops disclosures from that day on, never undoes one made) or
 * records that its expiration event or condition happened. Once ended, a consent stays ended.
 */
export async function endConsent(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: EndConsentBody,
): Promise<ConsentView> {
  const today = todayOf(ctx.actor);
  return withPatientRecord(db, ctx, consentKind, id, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst(), version);
    const state = consentState(current, today);
    if (current.endedOn !== null || state === 'refused' || state === 'expired')
      throw conflict('consent-not-active', `The consent is ${state}: there is nothing left to end.`, { params: { state } });
    if (input.endedOn > today)
      throw badRequest('/endedOn: must not be in the future', [fieldProblem('/endedOn', 'invalid', 'must not be in the future')]);
    if (input.endedOn < current.signedOn)
      throw badRequest('/endedOn: must not be before the consent was signed', [
        fieldProblem('/endedOn', 'invalid', 'must not be before the consent was signed'),
      ]);
    if (input.reason === 'expiration-event' && current.expirationKind === 'date')
      throw badRequest('/reason: this consent expires by date', [
        fieldProblem('/reason', 'invalid', 'this consent expires by date, not by an event'),
      ]);
    await tx
      .updateTable('consents')
      .set({ endedOn: input.endedOn, endReason: input.reason, endMethod: input.method.trim(), endedBy: ctx.actor.userId, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'consent', recordId: id, details: { ended: input.reason, endedOn: input.endedOn } });
    return loadConsent(tx, id, today);
  });
}

export type CheckAnswer =
  { allowed: true; reason: null; consent: ConsentSummary } | { allowed: false; reason: BlockReason; consent: ConsentSummary | null };

/**
 * THE disclosure check (docs/consent.md, "The seam"): may this patient's information of these
 * kinds go to this recipient for this purpose now, and under which consent? For a module that
 * is already inside the patient's checked transaction (withPatientRecord): it reads, locks the
 * patient's consents so a revocation cannot slip between the check and the disclosure, and
 * decides; the caller audits. Everything that sends information outside the program calls it.
 */
export async function checkDisclosureIn(
  tx: Transaction<DB>,
  ctx: RequestContext,
  patientId: string,
  request: DisclosureRequest,
): Promise<CheckAnswer> {
  const today = todayOf(ctx.actor);
  await tx.selectFrom('consents').select('id').where('patientId', '=', patientId).forUpdate().execute();
  const rows = await patientConsentsQuery(tx, patientId).execute();
  const outcome = decide(rows, request, today);
  const summary = (consent: (typeof rows)[number]) => {
    const { patientName, recordedByName, ...row } = consent;
    return presentConsentSummary(row, { patientName, recordedByName }, today);
  };
  const found = outcome.consent ? rows.find((row) => row.id === outcome.consent?.id) : undefined;
  if (outcome.allowed && found) return { allowed: true, reason: null, consent: summary(found) };
  return { allowed: false, reason: outcome.allowed ? 'no-consent' : outcome.reason, consent: found ? summary(found) : null };
}

/** The check on its own (the screen asks before anything goes): audited as a read of the consents. */
export async function checkDisclosure(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  request: DisclosureRequest,
): Promise<CheckAnswer> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    const answer = await checkDisclosureIn(tx, ctx, patientId, request);
    await audit({
      action: 'read',
      recordType: 'consent',
      recordId: answer.consent?.id ?? patientId,
      details: {
        disclosureCheck: answer.allowed ? 'allowed' : answer.reason,
        purpose: request.purpose,
        kinds: [...request.informationKinds],
      },
    });
    return answer;
  });
}

export interface DisclosureMade {
  disclosure: DisclosureView;
  notice: string;
  consentScope: ConsentSummary;
}

/**
 * Records a disclosure made with consent, inside the caller's checked transaction, only if the
 * check passes (422 `disclosure-blocked` with the reason otherwise): the log row and its audit
 * row commit with the caller's work or not at all. Answers the § 2.32 notice and the consent's
 * scope, which go out with what was disclosed.
 */
export async function recordDisclosureIn(
  tx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  patientId: string,
  input: DisclosureBody,
): Promise<DisclosureMade> {
  const answer = await checkDisclosureIn(tx, ctx, patientId, input);
  // A refused attempt is kept in the audit trail: the caller's work rolls back, this row stays.
  if (!answer.allowed)
    throw new AuditedRefusal(
      ruleViolation('disclosure-blocked', `No consent covers this disclosure (${answer.reason}).`, {
        params: { reason: answer.reason },
        extensions: { consentId: answer.consent?.id ?? null },
      }),
      [
        {
          action: 'read',
          recordType: 'consent',
          recordId: answer.consent?.id ?? patientId,
          patientId,
          details: { disclosureBlocked: answer.reason, purpose: input.purpose, kinds: input.informationKinds },
        },
      ],
    );
  const id = newId();
  await tx
    .insertInto('disclosures')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      patientId,
      basis: 'consent',
      consentId: answer.consent.id,
      recipientName: input.recipientName.trim(),
      recipientClass: input.recipientClass,
      informationKinds: input.informationKinds,
      purpose: input.purpose,
      description: input.description?.trim() ?? null,
      disclosedBy: ctx.actor.userId,
    })
    .execute();
  await audit({
    action: 'create',
    recordType: 'disclosure',
    recordId: id,
    details: { consentId: answer.consent.id, purpose: input.purpose, kinds: input.informationKinds },
  });
  const row = await tx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { disclosure: presentDisclosure(row, ctx.actor.displayName), notice: DISCLOSURE_NOTICE, consentScope: answer.consent };
}

export async function recordDisclosure(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  input: DisclosureBody,
): Promise<DisclosureMade> {
  return withPatientRecord(db, ctx, patientKind, patientId, (tx, audit) => recordDisclosureIn(tx, ctx, audit, patientId, input));
}

/**
 * § 2.51: a disclosure without consent to medical personnel in a bona fide medical emergency,
 * documented at once — who received it and their affiliation, who disclosed, when, the nature
 * of the emergency — and queued for the privacy officer's review.
 */
export async function recordEmergencyDisclosure(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  input: EmergencyDisclosureBody,
): Promise<DisclosureView> {
  const at = new Date(input.disclosedAt);
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    if (at.getTime() > Date.now() + 60_000)
      throw badRequest('/disclosedAt: must not be in the future', [fieldProblem('/disclosedAt', 'invalid', 'must not be in the future')]);
    const id = newId();
    await tx
      .insertInto('disclosures')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId,
        basis: 'medical-emergency',
        recipientName: input.recipientName.trim(),
        recipientClass: 'treating-provider',
        recipientAffiliation: input.recipientAffiliation.trim(),
        informationKinds: input.informationKinds,
        purpose: 'medical-emergency',
        emergencyNature: input.emergencyNature.trim(),
        disclosedBy: ctx.actor.userId,
        disclosedAt: at,
      })
      .execute();
    await audit({
      action: 'create',
      recordType: 'disclosure',
      recordId: id,
      details: { basis: 'medical-emergency', kinds: input.informationKinds },
    });
    const row = await tx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return presentDisclosure(row, ctx.actor.displayName);
  });
}

/** The accounting of disclosures: every disclosure of the patient's records since a day (default three years back). */
export async function listDisclosures(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  since: string | undefined,
): Promise<DisclosureView[]> {
  const from = since ? new Date(`${since}T00:00:00Z`) : new Date(Date.now() - ACCOUNTING_YEARS * 365.25 * 86_400_000);
  return readPatientRecord(db, ctx, patientKind, patientId, async (tx) => {
    const rows = await patientDisclosuresQuery(tx, patientId, from).execute();
    return rows.map(({ disclosedByName, ...row }) => presentDisclosure(row, disclosedByName));
  });
}

const STATE_RANK = { active: 0, expiring: 1, revoked: 2, expired: 3, ended: 4, refused: 5 } as const;

/**
 * Inside a read already checked and audited (the patient overview): consent status at a glance,
 * one line per recipient — the consent that serves them best today (an active one over an old
 * expired one), newest first among equals.
 */
export async function consentOverview(executor: Executor, ctx: RequestContext, patientId: string) {
  const views = await consentViews(executor, patientId, todayOf(ctx.actor));
  const best = new Map<string, ConsentSummary>();
  for (const view of views) {
    const key = `${view.kind === 'counseling-notes' ? 'notes:' : ''}${normalName(view.recipientName)}`;
    const held = best.get(key);
    if (!held || STATE_RANK[view.state] < STATE_RANK[held.state]) best.set(key, view);
  }
  return [...best.values()].map((view) => ({
    recipientName: view.recipientName,
    kind: view.kind,
    state: view.state,
    consentId: view.id,
    expiresOn: view.expiresOn,
    endedOn: view.endedOn,
  }));
}
