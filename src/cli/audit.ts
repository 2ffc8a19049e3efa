import { sealAuditChain, verifyAuditChain } from '../lib/audit/chain.ts';
import type { Database } from '../lib/db/database.ts';

/**
 * `bridgeway audit verify`: chains any rows still waiting, then recomputes the whole chain.
 * Exit 0 when intact, 2 when broken (naming the first broken row). Keep the printed head hash
 * somewhere else (a ticket, a printout): a later run that shows a different history before it
 * means the chain was rewritten wholesale.
 */
export async function auditCommand(db: Database, argv: string[]): Promise<number> {
  if (argv[0] !== 'verify') {
    console.error('usage: bridgeway audit verify');
    return 64;
  }
  while ((await sealAuditChain(db)) > 0) {
    // seal everything committed so far
  }
  const result = await verifyAuditChain(db);
  if (!result.ok && result.firstBroken) {
    const { chainPosition, id, problem } = result.firstBroken;
    console.error(`BROKEN: the audit chain breaks at position ${chainPosition}${id ? ` (audit event ${id})` : ''}: ${problem}.`);
    console.error(`${result.checked} rows before it are intact.`);
    return 2;
  }
  console.log(`OK: ${result.checked} audit rows verified; the chain is intact.`);
  console.log(`Head hash: ${result.headHash}`);
  if (result.unsealed > 0) console.log(`${result.unsealed} rows written during the check will be chained shortly.`);
  return 0;
}
