import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../db/database.ts';
import type { RequestContext, RequestMeta } from '../context.ts';
import { newId } from '../ids.ts';

import type { AuditAction } from '../../codes.ts';

export { AUDIT_ACTIONS, type AuditAction } from '../../codes.ts';

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
  meta: RequestMeta & { organizationId: string | null; actorUserId?: string | null; actorApiKeyId?: string | null },
  entry: AuditEntry,
): Promise<void> {
  await executor
    .insertInto('auditEvents')
    .values({
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
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/** The names (never the values) of the fields an edit sent, for the audit row's details. */
export function changedFields(input: object): string[] {
  return Object.keys(input).filter((key) => key !== 'version');
}

/**
 * The one path for every write of organization or patient data: opens the transaction, hands
 * the work an `audit` function bound to the same transaction, and commits both or neither.
 * Patient-data modules add their access check at the start of `work` (see docs/architecture.md).
 */
export async function withAudit<T>(db: Database, ctx: RequestContext, work: (tx: Transaction<DB>, audit: Audit) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const audit: Audit = (entry) => writeAudit(tx, actorMeta(ctx), entry);
    return work(tx, audit);
  });
}

export function actorMeta(ctx: RequestContext) {
  return {
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    organizationId: ctx.actor.organizationId,
    actorUserId: ctx.actor.userId,
    actorApiKeyId: ctx.actor.apiKeyId,
  };
}
