import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The audit hash chain. Rows are inserted unsealed (no lock, so concurrent writers never
 * queue behind each other); the database function `audit_seal()` then gives committed rows,
 * in `seq` order, a contiguous `chain_position`, the previous row's hash and their own hash.
 * One sealer runs at a time across all app instances (transaction-level advisory lock). A
 * superuser who edits, deletes or inserts a sealed row breaks the chain, and one who deletes
 * the newest rows or re-chains the whole table no longer matches the last anchor kept outside
 * the database (anchor.ts); `bridgeway audit verify` reports both. The hash is computed twice,
 * independently: in SQL when sealing, here when verifying (chain-sql.test.ts keeps them equal).
 */
const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
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
export function rowHash(prevHash: string, row: ChainRow): string {
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

export function selectChainRows(db: Database) {
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

export interface ChainHead {
  position: number;
  hash: string;
}

/**
 * Seals up to `batch` committed unsealed rows through `audit_seal()` (src/migrations/0120_…),
 * which computes each row's position and hash itself under the single-sealer advisory lock:
 * the app's role may call it but cannot write chain columns. Returns how many rows it sealed
 * and the chain head after them (null while nothing is sealed). Safe to call from anywhere.
 */
export async function sealAuditBatch(db: Database, batch = 2000): Promise<{ sealed: number; head: ChainHead | null }> {
  const result = await sql<{ sealed: number; headPosition: number | null; headHash: string | null }>`
    SELECT sealed, head_position, head_hash FROM audit_seal(${batch}::integer)`.execute(db);
  const row = result.rows[0];
  const head = row?.headPosition && row.headHash ? { position: Number(row.headPosition), hash: row.headHash } : null;
  return { sealed: row?.sealed ?? 0, head };
}

/** Seals up to `batch` committed unsealed rows; returns how many. */
export async function sealAuditChain(db: Database, batch = 2000): Promise<number> {
  return (await sealAuditBatch(db, batch)).sealed;
}

/** The last sealed row: its chain position and hash. */
export async function chainHead(db: Database): Promise<ChainHead | null> {
  const row = await db
    .selectFrom('auditEvents')
    .select(['chainPosition', 'hash'])
    .where('chainPosition', 'is not', null)
    .orderBy('chainPosition', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.chainPosition && row.hash ? { position: Number(row.chainPosition), hash: row.hash } : null;
}

/** A chain head recorded outside the database (anchor.ts), compared by verify. */
export interface AnchorPoint extends ChainHead {
  at: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  headHash: string;
  firstBroken?: { chainPosition: number; id: string | null; problem: string };
  /**
   * How the chain compares with the last anchor: `matches`; `truncated` (the chain ends
   * before the anchored position: the newest rows were deleted); `rewritten` (the row at the
   * anchored position has another hash: the chain was rebuilt); `unreached` (the chain breaks
   * before the anchored position, see firstBroken).
   */
  anchor?: { outcome: 'matches' | 'truncated' | 'rewritten' | 'unreached'; anchored: AnchorPoint; found: ChainHead | null };
}

/**
 * Walks the chain from the start, recomputing every hash; names the first row that breaks it,
 * and compares the chain with `anchor` (the last head recorded outside the database) if given.
 */
export async function verifyAuditChain(
  db: Database,
  options: { anchor?: AnchorPoint | null; pageSize?: number } = {},
): Promise<VerifyResult> {
  const { anchor = null, pageSize = 5000 } = options;
  let expectedPosition = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let atAnchor: ChainHead | null = null;
  const compared = (found: ChainHead | null, broken: boolean): VerifyResult['anchor'] => {
    if (!anchor) return undefined;
    if (found) return { outcome: found.hash === anchor.hash ? 'matches' : 'rewritten', anchored: anchor, found };
    return { outcome: broken ? 'unreached' : 'truncated', anchored: anchor, found: null };
  };
  for (;;) {
    const rows = await selectChainRows(db)
      .where('chainPosition', '>=', expectedPosition)
      .orderBy('chainPosition')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const position = row.chainPosition ?? 0;
      const broken = (problem: string, at = { chainPosition: position, id: row.id as string | null }): VerifyResult => ({
        ok: false,
        checked,
        unsealed: 0,
        headHash: prevHash,
        firstBroken: { ...at, problem },
        anchor: compared(atAnchor, true),
      });
      if (position !== expectedPosition) {
        return broken(`row at chain position ${expectedPosition} is missing (deleted?)`, { chainPosition: expectedPosition, id: null });
      }
      if (row.prevHash !== prevHash) return broken('its previous-hash does not match the row before it');
      if (rowHash(prevHash, row) !== row.hash) return broken('its content does not match its hash (changed after it was written)');
      prevHash = row.hash;
      if (position === anchor?.position) atAnchor = { position, hash: row.hash };
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
  const versusAnchor = compared(atAnchor, false);
  return {
    ok: !versusAnchor || versusAnchor.outcome === 'matches',
    checked,
    unsealed: Number(unsealed.count),
    headHash: prevHash,
    ...(versusAnchor ? { anchor: versusAnchor } : {}),
  };
}
