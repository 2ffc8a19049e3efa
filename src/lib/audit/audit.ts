import { sql, type Transaction } from 'kysely';
import { AuditedRefusal } from '../errors.ts';
import type { DB } from '../../db/schema.ts';
import { transactionWithSavepoint, type Database } from '../db/database.ts';
import type { RequestContext, RequestMeta } from '../context.ts';
import { newId } from '../ids.ts';
import { prepared } from '../db/prepared.ts';

import type { AuditAction } from '../../codes.ts';

export { AUDIT_ACTIONS } from '../../codes.ts';

export interface AuditEntry {
  action: AuditAction;
  recordType?: string;
  recordId?: string;
  patientId?: string;
  /** Codes and ids only: never names, free text or anything else about a patient. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

export type Executor = Database | Transaction<DB>;

/** Writes one audit row with the caller's executor, so it commits or rolls back with the change. */
export async function writeAudit(
  executor: Executor,
  meta: RequestMeta & {
    organizationId: string | null;
    actorUserId?: string | null;
    actorApiKeyId?: string | null;
    /** The API key's creator, kept in the details of every row the key writes. */
    apiKeyCreatedBy?: string | null;
  },
  entry: AuditEntry,
): Promise<void> {
  const details = meta.apiKeyCreatedBy ? { ...entry.details, apiKeyCreatedBy: meta.apiKeyCreatedBy } : (entry.details ?? {});
  // Every request writes one: a named statement (src/lib/db/prepared.ts).
  const insert = executor.insertInto('auditEvents').values({
    id: newId(),
    organizationId: meta.organizationId,
    actorUserId: meta.actorUserId ?? null,
    actorApiKeyId: meta.actorApiKeyId ?? null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    patientId: entry.patientId ?? null,
    requestId: meta.requestId,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    details: JSON.stringify(details),
  });
  await executor.executeQuery(prepared(insert));
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * The names (never the values) of the fields an edit really changes, compared with the row
 * it locked: a form that sends an unchanged field does not make it look edited in the trail.
 */
export function changedFields(input: object, current: object): string[] {
  const stored = current as Record<string, unknown>;
  const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null));
  return Object.entries(input)
    .filter(([key, value]) => key !== 'version' && value !== undefined && comparable(value) !== comparable(stored[key]))
    .map(([key]) => key);
}

/**
 * The one path for every write of organization or patient data: opens the transaction, hands
 * the work an `audit` function bound to the same transaction, and commits both or neither.
 * Work that writes no audit row is a bug: the transaction fails. Patient data goes through
 * the access wrappers built on this (src/modules/patients/access.ts).
 *
 * A refusal whose record must survive (`AuditedRefusal`: an access denial, a revealing
 * conflict) rolls the work back to a savepoint, writes its audit rows on the same connection
 * and commits them: no second pooled connection is taken while this one is held, so a burst
 * of refused requests cannot exhaust the pool.
 */
export async function withAudit<T>(db: Database, ctx: RequestContext, work: (tx: Transaction<DB>, audit: Audit) => Promise<T>): Promise<T> {
  const meta = actorMeta(ctx);
  // BEGIN and SAVEPOINT work in one round trip (src/lib/db/database.ts).
  const outcome = await transactionWithSavepoint(db, 'work', async (tx): Promise<{ value: T } | { refused: AuditedRefusal }> => {
    let written = 0;
    const audit: Audit = async (entry) => {
      written += 1;
      await writeAudit(tx, meta, entry);
    };
    try {
      const value = await work(tx, audit);
      if (written === 0) throw new Error('withAudit: the work wrote no audit row');
      return { value };
    } catch (error) {
      if (!(error instanceof AuditedRefusal)) throw error;
      await sql`ROLLBACK TO SAVEPOINT work`.execute(tx);
      for (const entry of error.entries) await writeAudit(tx, meta, entry);
      return { refused: error };
    }
  });
  if ('refused' in outcome) throw outcome.refused.problem;
  return outcome.value;
}

export function actorMeta(ctx: RequestContext) {
  return {
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    organizationId: ctx.actor.organizationId,
    actorUserId: ctx.actor.userId,
    actorApiKeyId: ctx.actor.apiKeyId,
    apiKeyCreatedBy: ctx.actor.apiKeyCreatedBy,
  };
}
