import { sql, type Transaction } from 'kysely';
import { Type, type Static } from 'typebox';
import type { DB } from '../../db/schema.ts';
import { actorMeta, withAudit, writeAudit, type Audit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion } from '../../lib/db/versions.ts';
import { conflict, fieldProblem, forbidden, notFound } from '../../lib/errors.ts';
import { decodeCursor, Nullable, toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import { REVIEW_STATUSES, type ReviewStatus } from './codes.ts';
import type { CreatePatientBody } from './schemas.ts';
import { IdentifierTaken, insertPatient } from './writes.ts';

/**
 * Registrations a supervisor reviews (docs/patients.md "Registration review"): a registration
 * that strongly matches a record the registering person may not see waits here. The supervisor
 * compares it with the matching records and either registers the person (not the same person)
 * or declines (the same person; they arrange access to the existing chart instead). The person
 * who registered learns the outcome, never what the other record is.
 */
export const ReviewView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum(REVIEW_STATUSES),
  requestedAt: Type.String({ format: 'date-time' }),
  requestedBy: Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }),
  registration: Type.Object({ legalFirstName: Type.String(), legalLastName: Type.String(), dateOfBirth: Type.String({ format: 'date' }) }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionNote: Nullable(Type.String()),
  registeredPatientId: Nullable(Type.String({ format: 'uuid' })),
  version: Type.Integer(),
});
export type ReviewView = Static<typeof ReviewView>;

/** What a supervisor compares: the whole registration and the records it resembles. */
export const ReviewDetail = Type.Object({
  ...ReviewView.properties,
  fullRegistration: Type.Record(Type.String(), Type.Unknown()),
  candidates: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      legalFirstName: Type.String(),
      legalLastName: Type.String(),
      preferredName: Nullable(Type.String()),
      dateOfBirth: Type.String({ format: 'date' }),
      programs: Type.Array(Type.String()),
    }),
  ),
});
type ReviewDetail = Static<typeof ReviewDetail>;

const isSupervisor = (ctx: RequestContext) => ctx.actor.roles.includes('supervisor');

function selectReviews(executor: Database | Transaction<DB>, ctx: RequestContext) {
  return executor
    .selectFrom('registrationReviews as r')
    .innerJoin('users as u', 'u.id', 'r.requestedBy')
    .selectAll('r')
    .select('u.displayName as requesterName')
    .where('r.organizationId', '=', ctx.actor.organizationId);
}
type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectReviews>['executeTakeFirstOrThrow']>>;

function present(row: ReviewRow): ReviewView {
  const registration = row.registration as { legalFirstName?: string; legalLastName?: string; dateOfBirth?: string };
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: { id: row.requestedBy, displayName: row.requesterName },
    registration: {
      legalFirstName: registration.legalFirstName ?? '',
      legalLastName: registration.legalLastName ?? '',
      dateOfBirth: registration.dateOfBirth ?? '',
    },
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    registeredPatientId: row.registeredPatientId,
    version: row.version,
  };
}

/** Inside the registration's transaction: the registration waits for a supervisor. */
export async function requestReview(
  tx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  input: CreatePatientBody,
  candidateIds: string[],
): Promise<ReviewView> {
  const id = newId();
  const { confirmedNotDuplicate: _confirmed, ...registration } = input;
  await tx
    .insertInto('registrationReviews')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      requestedBy: ctx.actor.userId,
      registration: JSON.stringify(registration),
      candidateIds,
    })
    .execute();
  await audit({ action: 'create', recordType: 'registration-review', recordId: id, details: { candidates: candidateIds.length } });
  return present(await selectReviews(tx, ctx).where('r.id', '=', id).executeTakeFirstOrThrow());
}

/** Supervisors see every review of the organization; everyone else, the ones they asked for. */
export async function listReviews(db: Database, ctx: RequestContext, query: { status?: ReviewStatus; limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  let select = selectReviews(db, ctx);
  if (!isSupervisor(ctx)) select = select.where('r.requestedBy', '=', ctx.actor.userId);
  if (query.status) select = select.where('r.status', '=', query.status);
  const after = decodeCursor(query.cursor, ['uuid']);
  if (after) select = select.where('r.id', '<', String(after[0]));
  const rows = await select
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.id]);
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'registration-review',
    details: { shownReviewIds: page.items.map((row) => row.id) },
  });
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function getReview(db: Database, ctx: RequestContext, id: string): Promise<ReviewDetail> {
  return withAudit(db, ctx, async (tx, audit) => {
    const row = await selectReviews(tx, ctx).where('r.id', '=', id).executeTakeFirst();
    if (!row || (!isSupervisor(ctx) && row.requestedBy !== ctx.actor.userId)) throw notFound();
    // The records it resembles are shown to supervisors only: that is the review.
    const candidates = isSupervisor(ctx)
      ? await tx
          .selectFrom('patients as p')
          .leftJoin('episodes as e', 'e.patientId', 'p.id')
          .leftJoin('programs as pr', 'pr.id', 'e.programId')
          .select(['p.id', 'p.legalFirstName', 'p.legalLastName', 'p.preferredName', 'p.dateOfBirth'])
          .select((eb) => eb.fn.coalesce(eb.fn.agg<string[]>('array_agg', ['pr.name']).distinct(), eb.val<string[]>([])).as('programs'))
          .where('p.id', 'in', row.candidateIds)
          .groupBy('p.id')
          .execute()
      : [];
    await audit({
      action: 'read',
      recordType: 'registration-review',
      recordId: id,
      details: { shownPatientIds: candidates.map((candidate) => candidate.id) },
    });
    return {
      ...present(row),
      fullRegistration: isSupervisor(ctx) || row.requestedBy === ctx.actor.userId ? row.registration : {},
      candidates: candidates.map((candidate) => ({ ...candidate, programs: candidate.programs.filter((name) => name !== null) })),
    };
  });
}

/**
 * A supervisor's decision: `register` creates the record as the registering person asked (they
 * then see it, as its registrar); `decline` says it is someone already known.
 */
export async function decideReview(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: { decision: 'register' | 'decline'; note: string; version: number },
): Promise<ReviewView> {
  if (!isSupervisor(ctx)) throw forbidden('supervisors-only', 'Only a supervisor decides a registration review.');
  return withAudit(db, ctx, async (tx, audit) => {
    const row = checkVersion(await selectReviews(tx, ctx).where('r.id', '=', id).forUpdate('r').executeTakeFirst(), input.version);
    if (row.status !== 'pending') throw conflict('registration-not-pending', 'This registration was already decided.');
    let registeredPatientId: string | null = null;
    if (input.decision === 'register') {
      const patient = await insertPatient(tx, ctx.actor.organizationId, row.requestedBy, row.registration as CreatePatientBody).catch(
        (error: unknown) => {
          if (error instanceof IdentifierTaken)
            throw conflict('identifier-taken', 'An identifier of this registration is on another record: decline it instead.', {
              errors: [fieldProblem('/decision', 'identifier-taken', 'an identifier belongs to another record')],
            });
          throw error;
        },
      );
      registeredPatientId = patient.id;
      await audit({
        action: 'create',
        recordType: 'patient',
        recordId: patient.id,
        patientId: patient.id,
        details: { viaReview: id, requestedBy: row.requestedBy },
      });
    }
    await tx
      .updateTable('registrationReviews')
      .set({
        status: input.decision === 'register' ? 'registered' : 'declined',
        decidedBy: ctx.actor.userId,
        decidedAt: new Date(),
        decisionNote: input.note.trim(),
        registeredPatientId,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'registration-review', recordId: id, details: { decision: input.decision } });
    return present(await selectReviews(tx, ctx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}
