import { loadConfig } from '../lib/config.ts';
import { openRuntime } from '../lib/runtime.ts';
import { auditCommand } from './audit.ts';
import { demoCommand } from './demo.ts';
import { instrumentsCommand } from './instruments.ts';
import { resetAccessCommand } from './reset-access.ts';
import { secretKeyCommand } from './secret-key.ts';
import { setupCommand } from './setup.ts';

const USAGE = `usage: bridgeway <command>

  setup                      create the first organization and admin (asks questions)
  setup --org NAME --email EMAIL [--name NAME] [--time-zone ZONE] [--locale en|es]
                             the same without questions; the password comes from
                             BRIDGEWAY_ADMIN_PASSWORD or standard input
  reset-access --email EMAIL [--organization NAME]
                             clear a person's lockout and second factor and print a
                             set-password link (for an admin no one else can help)
  secret-key rotate          a new secret key; every second factor re-encrypted with it
                             (stop the server first)
  secret-key forget-unreadable
                             the secret key is lost: clear the second factors it sealed
                             (those people set up their authenticator again)
  audit verify               check the audit trail's hash chain against its last anchor
  audit anchor               write the audit chain's head to the anchor file now
                             (BRIDGEWAY_AUDIT_ANCHOR, default <data folder>/audit-anchors.log)
  demo [--force]             add a demonstration organization with synthetic staff
                             (--force: even beside a real organization)
  instruments import FILE [--organization NAME]
                             load an instrument definition the organization is
                             licensed to use (checked like the built-in ones)
  migrate                    apply database migrations and exit

The database is DATABASE_URL, or the embedded PostgreSQL under BRIDGEWAY_DATA_DIR (./data).`;

const [command, ...rest] = process.argv.slice(2);
if (!command || command === 'help' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 64);
}
if (!['setup', 'audit', 'demo', 'instruments', 'migrate', 'reset-access', 'secret-key'].includes(command)) {
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  process.exit(64);
}

const config = loadConfig();
let runtime: Awaited<ReturnType<typeof openRuntime>>;
try {
  runtime = await openRuntime(config, (message) => console.error(message));
} catch (error) {
  // A plain sentence, not a stack trace: the person at the keyboard runs a clinic.
  console.error(`Could not reach the database: ${(error as Error).message}`);
  console.error(config.databaseUrl ? 'Check DATABASE_URL.' : `Is BRIDGEWAY_DATA_DIR (${config.dataDir}) the folder the server uses?`);
  process.exit(1);
}
// Ctrl-C in the middle of a question still stops the embedded PostgreSQL cleanly.
process.once('SIGINT', () => {
  void runtime.shutdown().finally(() => process.exit(130));
});
let code = 1;
try {
  switch (command) {
    case 'setup':
      code = await setupCommand(runtime.db, rest);
      break;
    case 'audit':
      code = await auditCommand(runtime.db, config.auditAnchorFile, rest);
      break;
    case 'demo':
      code = await demoCommand(runtime.db, rest);
      break;
    case 'reset-access':
      code = await resetAccessCommand(runtime.db, config, rest);
      break;
    case 'secret-key':
      code = await secretKeyCommand(runtime.db, config, rest);
      break;
    case 'instruments':
      code = await instrumentsCommand(runtime.db, rest);
      break;
    case 'migrate':
      console.log('The database is migrated.');
      code = 0;
      break;
  }
} finally {
  await runtime.shutdown();
}
process.exit(code);
