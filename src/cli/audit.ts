import { anchorCurrentHead, readLastAnchor } from '../lib/audit/anchor.ts';
import { verifyAuditChain, type VerifyResult } from '../lib/audit/chain.ts';
import { sealAndAnchor, type SealerLog } from '../lib/audit/sealer.ts';
import type { Database } from '../lib/db/database.ts';

/**
 * `bridgeway audit verify`: chains (and anchors) any rows still waiting, then recomputes the
 * whole chain and compares it with the last anchor kept outside the database. Exit 0 when
 * intact, 2 when broken: a changed or deleted row (named), the newest rows deleted, or a
 * chain rebuilt since the anchor.
 * `bridgeway audit anchor`: the same sealing, then appends the current head to the anchor file.
 */
export async function auditCommand(db: Database, anchorFile: string, argv: string[]): Promise<number> {
  const action = argv[0];
  if (action !== 'verify' && action !== 'anchor') {
    console.error('usage: bridgeway audit verify | bridgeway audit anchor');
    return 64;
  }
  // A refused anchor is reported below (verify compares, anchor says REFUSED), not twice.
  const log: SealerLog = { info: () => {}, error: () => {} };
  while ((await sealAndAnchor(db, anchorFile, log)) > 0) {
    // seal (and anchor) everything committed so far
  }
  return action === 'verify' ? verify(db, anchorFile) : anchor(db, anchorFile);
}

async function verify(db: Database, anchorFile: string): Promise<number> {
  const anchor = await readLastAnchor(anchorFile);
  const result = await verifyAuditChain(db, { anchor });
  if (result.firstBroken) {
    const { chainPosition, id, problem } = result.firstBroken;
    console.error(`BROKEN: the audit chain breaks at position ${chainPosition}${id ? ` (audit event ${id})` : ''}: ${problem}.`);
    console.error(`${result.checked} rows before it are intact.`);
  }
  const versusAnchor = describeAnchor(result, anchorFile);
  if (!result.ok) {
    if (versusAnchor) console.error(versusAnchor);
    return 2;
  }
  console.log(`OK: ${result.checked} audit rows verified; the chain is intact.`);
  console.log(`Head hash: ${result.headHash} (position ${result.checked})`);
  console.log(
    versusAnchor ??
      `No anchor in ${anchorFile} yet, so deleted newest rows or a rebuilt chain would go unnoticed: \`bridgeway audit anchor\` writes one.`,
  );
  if (result.unsealed > 0) console.log(`${result.unsealed} rows written during the check will be chained shortly.`);
  return 0;
}

function describeAnchor(result: VerifyResult, anchorFile: string): string | null {
  if (!result.anchor) return null;
  const { outcome, anchored } = result.anchor;
  const when = `the anchor of ${anchored.at} in ${anchorFile}`;
  switch (outcome) {
    case 'matches':
      return `Matches ${when} (position ${anchored.position}).`;
    case 'truncated':
      return (
        `TRUNCATED: the chain ends at position ${result.checked}, but ${when} recorded position ${anchored.position}: ` +
        `the newest ${anchored.position - result.checked} sealed rows were deleted.`
      );
    case 'rewritten':
      return (
        `REWRITTEN: position ${anchored.position} holds another row than when ${when} was written ` +
        `(hash ${result.anchor.found?.hash ?? '?'}, anchored ${anchored.hash}): rows up to that position were deleted, ` +
        'changed or re-chained since.'
      );
    case 'unreached':
      return `The chain breaks before position ${anchored.position}, recorded by ${when}.`;
  }
}

async function anchor(db: Database, anchorFile: string): Promise<number> {
  const outcome = await anchorCurrentHead(db, anchorFile);
  if ('nothingToAnchor' in outcome) {
    console.log('The audit trail has no sealed rows yet: nothing to anchor.');
    return 0;
  }
  if ('refused' in outcome) {
    const { anchored } = outcome.refused;
    console.error(
      `REFUSED: the chain no longer holds the anchor of ${anchored.at} (position ${anchored.position}) in ${anchorFile}: ` +
        'run `bridgeway audit verify`.',
    );
    return 2;
  }
  const { position, hash, at } = outcome.written;
  console.log(`Anchored position ${position}, hash ${hash}, at ${at}, in ${anchorFile}.`);
  return 0;
}
