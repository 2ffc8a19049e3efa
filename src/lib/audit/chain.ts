import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The audit hash chain. Rows are inserted unsealed (no lock, so concurrent writers never
 * queue behind each other); the sealer then gives committed rows, in `seq` order, a
 * contiguous `chain_position`, the previous row's hash and their own hash. One sealer runs
 * at a time across all app instances (transaction-level advisory lock). A superuser who edits,
 * deletes or inserts a sealed row breaks the chain, which `bridgeway audit verify` reports.
 */
const SEAL_LOCK_KEY = 4_242_002;
const GENESIS_HASH = '0'.repeat(64);

interface ChainRow {
  id: string;
  seq: number;
  occurredAtMicros: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  patientId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  detailsText: string;
}

/** The row's content in a fixed order; jsonb's text form is already canonical. */
function rowHash(prevHash: string, row: ChainRow): string {
  const content = JSON.stringify([
    row.id,
    row.occurredAtMicros,
    row.organizationId,
    row.actorUserId,
    row.actorApiKeyId,
    row.action,
    row.recordType,
    row.recordId,
    row.patientId,
    row.requestId,
    row.ip,
    row.userAgent,
    row.detailsText,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

function selectChainRows(db: Database) {
  return db
    .selectFrom('auditEvents')
    .select([
      'id',
      'seq',
      sql<string>`(floor(extract(epoch from occurred_at) * 1000000))::bigint::text`.as('occurredAtMicros'),
      'organizationId',
      'actorUserId',
      'actorApiKeyId',
      'action',
      'recordType',
      'recordId',
      'patientId',
      'requestId',
      'ip',
      'userAgent',
      sql<string>`details::text`.as('detailsText'),
      'chainPosition',
      'prevHash',
      'hash',
    ]);
}

/** Seals up to `batch` committed unsealed rows; returns how many. Safe to call from anywhere. */
export async function sealAuditChain(db: Database, batch = 2000): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const locked = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS locked`.execute(tx);
    if (!locked.rows[0]?.locked) return 0;
    const head = await tx
      .selectFrom('auditEvents')
      .select(['chainPosition', 'hash'])
      .where('chainPosition', 'is not', null)
      .orderBy('chainPosition', 'desc')
      .limit(1)
      .executeTakeFirst();
    const rows = await selectChainRows(tx as unknown as Database)
      .where('hash', 'is', null)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return 0;
    let position = head?.chainPosition ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const sealed = rows.map((row) => {
      position += 1;
      const hash = rowHash(prevHash, row);
      const entry = { id: row.id, position, prevHash, hash };
      prevHash = hash;
      return entry;
    });
    await sql`
      UPDATE audit_events AS a
         SET chain_position = s.position, prev_hash = s.prev_hash, hash = s.hash, sealed_at = now()
        FROM unnest(${sql.val(sealed.map((s) => s.id))}::uuid[], ${sql.val(sealed.map((s) => s.position))}::bigint[],
                    ${sql.val(sealed.map((s) => s.prevHash))}::text[], ${sql.val(sealed.map((s) => s.hash))}::text[])
             AS s(id, position, prev_hash, hash)
       WHERE a.id = s.id`.execute(tx);
    return sealed.length;
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  headHash: string;
  firstBroken?: { chainPosition: number; id: string | null; problem: string };
}

/** Walks the chain from the start, recomputing every hash; names the first row that breaks it. */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  let expectedPosition = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await selectChainRows(db)
      .where('chainPosition', '>=', expectedPosition)
      .orderBy('chainPosition')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const position = row.chainPosition ?? 0;
      const broken = (problem: string): VerifyResult => ({
        ok: false,
        checked,
        unsealed: 0,
        headHash: prevHash,
        firstBroken: { chainPosition: position, id: row.id, problem },
      });
      if (position !== expectedPosition) {
        return {
          ...broken(`row at chain position ${expectedPosition} is missing (deleted?)`),
          firstBroken: {
            chainPosition: expectedPosition,
            id: null,
            problem: `row at chain position ${expectedPosition} is missing (deleted?)`,
          },
        };
      }
      if (row.prevHash !== prevHash) return broken('its previous-hash does not match the row before it');
      if (rowHash(prevHash, row) !== row.hash) return broken('its content does not match its hash (changed after it was written)');
      prevHash = row.hash;
      expectedPosition += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const unsealed = await db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  return { ok: true, checked, unsealed: Number(unsealed.count), headHash: prevHash };
}
