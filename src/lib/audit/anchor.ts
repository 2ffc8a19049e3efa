import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { chainHead, type AnchorPoint, type ChainHead } from './chain.ts';

/**
 * Anchors: the chain head (position, hash, time) written outside the database, one JSON line
 * per seal batch, to a file the database cannot reach (`BRIDGEWAY_AUDIT_ANCHOR`, default
 * `<data folder>/audit-anchors.log`). The chain alone proves that sealed rows were not edited
 * in place; someone who can rewrite the whole table could delete the newest rows or rebuild
 * the chain from scratch, and only a head kept elsewhere shows that (`bridgeway audit verify`).
 *
 * An anchor is appended only while the chain still holds the previous anchor at its position:
 * after a truncation or a rebuild the file keeps the last good head, so the sealer carrying on
 * cannot paper over the evidence.
 */
export type AnchorOutcome =
  { written: AnchorPoint } | { refused: { anchored: AnchorPoint; found: string | null } } | { nothingToAnchor: true };

/** Appends the head if the chain still contains the last anchor. Never throws on a refusal. */
export async function appendAnchor(db: Database, file: string, head: ChainHead): Promise<AnchorOutcome> {
  const last = await readLastAnchor(file);
  if (last) {
    const row = await db.selectFrom('auditEvents').select('hash').where('chainPosition', '=', last.position).executeTakeFirst();
    if (row?.hash !== last.hash) return { refused: { anchored: last, found: row?.hash ?? null } };
  }
  const anchor: AnchorPoint = { position: head.position, hash: head.hash, at: new Date().toISOString() };
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Synced before we return: an anchor that a crash could lose is not much of an anchor.
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.write(`${JSON.stringify(anchor)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return { written: anchor };
}

/** Anchors the current head (after sealing, for `bridgeway audit anchor`). */
export async function anchorCurrentHead(db: Database, file: string): Promise<AnchorOutcome> {
  const head = await chainHead(db);
  return head ? appendAnchor(db, file, head) : { nothingToAnchor: true };
}

/** Lines read from the end of the file: far more than one anchor, far less than the file. */
const TAIL_BYTES = 16 * 1024;

/**
 * The newest anchor: the highest position among the file's last lines (two writers, the
 * server and a command, may append out of order). A torn last line is skipped. Null when the
 * file does not exist or holds no anchor.
 */
export async function readLastAnchor(file: string): Promise<AnchorPoint | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    let best: AnchorPoint | null = null;
    for (const line of buffer.toString('utf8').split('\n')) {
      const anchor = parseAnchor(line);
      if (anchor && (!best || anchor.position >= best.position)) best = anchor;
    }
    return best;
  } finally {
    await handle.close();
  }
}

function parseAnchor(line: string): AnchorPoint | null {
  try {
    const value = JSON.parse(line) as Partial<AnchorPoint>;
    const { position, hash, at } = value;
    if (
      Number.isInteger(position) &&
      (position ?? 0) > 0 &&
      typeof hash === 'string' &&
      /^[0-9a-f]{64}$/.test(hash) &&
      typeof at === 'string'
    ) {
      return { position: position as number, hash, at };
    }
  } catch {
    // not an anchor line (the first, cut line of the tail; a torn write)
  }
  return null;
}
