import type { Database } from '../db/database.ts';
import { appendAnchor, type AnchorOutcome } from './anchor.ts';
import { sealAuditBatch } from './chain.ts';

/** The part of a pino logger the sealer uses; lines carry positions and hashes only. */
export interface SealerLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Seals one batch and, if it sealed anything, anchors the new head in `anchorFile` and logs it
 * at info level (so a log shipper carries the head off the machine as well). Returns how many
 * rows it sealed.
 */
export async function sealAndAnchor(db: Database, anchorFile: string, log: SealerLog, batch = 2000): Promise<number> {
  const { sealed, head } = await sealAuditBatch(db, batch);
  if (sealed > 0 && head) report(await appendAnchor(db, anchorFile, head), anchorFile, log);
  return sealed;
}

const reportedRefusals = new Set<string>();

function report(outcome: AnchorOutcome, anchorFile: string, log: SealerLog): void {
  if ('written' in outcome) {
    log.info({ auditAnchor: outcome.written }, 'audit chain anchored');
  } else if ('refused' in outcome) {
    const { anchored, found } = outcome.refused;
    const key = `${anchorFile}:${anchored.position}:${anchored.hash}`;
    if (reportedRefusals.has(key)) return; // once per anchor and process, not every second
    reportedRefusals.add(key);
    log.error(
      { auditAnchor: anchored, foundHash: found, anchorFile },
      found === null
        ? 'the audit chain no longer reaches the last anchored position (newest rows deleted?): not anchoring; run `bridgeway audit verify`'
        : 'the audit chain holds another hash at the last anchored position (rebuilt?): not anchoring; run `bridgeway audit verify`',
    );
  }
}

/**
 * The server's sealer: one batch every `everyMs`; any instance may run one (the database lets
 * one seal at a time). `stop` waits for the batch in flight and seals once more, so rows
 * written by the last requests are chained and anchored before the process exits.
 */
export function startAuditSealer(options: { db: Database; anchorFile: string; log: SealerLog; everyMs?: number }): {
  stop(): Promise<void>;
} {
  const { db, anchorFile, log } = options;
  const tick = () =>
    sealAndAnchor(db, anchorFile, log).catch((error: unknown) => {
      // Sealing resumes at the next tick; the message names the failure, never row content.
      log.error({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'audit sealing failed');
      return 0;
    });
  let inFlight: Promise<number> | null = null;
  const timer = setInterval(() => {
    // A slow batch is not queued behind: the next tick comes after it has finished.
    inFlight ??= tick().finally(() => (inFlight = null));
  }, options.everyMs ?? 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
      await tick();
    },
  };
}
