import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeAudit } from '../lib/audit/audit.ts';
import type { Database } from '../lib/db/database.ts';
import { Problem } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { importable, storeInstrument } from '../modules/instruments/service.ts';

const USAGE = 'usage: bridgeway instruments import FILE [--organization NAME]';

/**
 * `bridgeway instruments import FILE`: loads an instrument definition the organization is
 * licensed to use (full AUDIT, DAST-10…), checked exactly as the admin screen and the built-in
 * ones are. Audited, with no person as the actor: whoever runs commands on the server.
 */
export async function instrumentsCommand(db: Database, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { organization: { type: 'string' } } });
  const [action, file] = positionals;
  if (action !== 'import' || !file) {
    console.error(USAGE);
    return 64;
  }
  let query = db.selectFrom('organizations').select(['id', 'name']).limit(10);
  if (values.organization) query = query.where('name', '=', values.organization);
  const organizations = await query.execute();
  if (organizations.length !== 1) {
    console.error(
      organizations.length === 0
        ? 'No such organization.'
        : `Name the organization with --organization: ${organizations.map((o) => `"${o.name}"`).join(', ')}`,
    );
    return 1;
  }
  const organization = organizations[0]!;
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      return 1;
    }
    const definition = importable(parsed);
    await db
      .transaction()
      .execute((tx) =>
        storeInstrument(tx, organization.id, definition, null, (entry) =>
          writeAudit(
            tx,
            { requestId: `cli-${newId()}`, ip: null, userAgent: 'bridgeway instruments import', organizationId: organization.id },
            entry,
          ),
        ),
      );
    console.log(`Loaded ${definition.abbreviation} version ${definition.version} ("${definition.key}") for ${organization.name}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const reasons = (error.extensions.reasons as string[] | undefined) ?? [error.message];
    console.error(`${file}: not loaded:\n  - ${reasons.join('\n  - ')}`);
    return 1;
  }
}
