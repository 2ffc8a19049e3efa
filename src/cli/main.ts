import { loadConfig } from '../lib/config.ts';
import { openRuntime } from '../lib/runtime.ts';
import { auditCommand } from './audit.ts';
import { demoCommand } from './demo.ts';
import { setupCommand } from './setup.ts';

const USAGE = `usage: bridgeway <command>

  setup                      create the first organization and admin (asks questions)
  setup --org NAME --email EMAIL [--name NAME] [--time-zone ZONE] [--locale en|es]
                             the same without questions; the password comes from
                             BRIDGEWAY_ADMIN_PASSWORD or standard input
  audit verify               check the audit trail's hash chain
  demo                       add a demonstration organization with synthetic staff
  migrate                    apply database migrations and exit

The database is DATABASE_URL, or the embedded PostgreSQL under BRIDGEWAY_DATA_DIR (./data).`;

const [command, ...rest] = process.argv.slice(2);
if (!command || command === 'help' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 64);
}
if (!['setup', 'audit', 'demo', 'migrate'].includes(command)) {
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  process.exit(64);
}

const runtime = await openRuntime(loadConfig(), (message) => console.error(message));
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
      code = await auditCommand(runtime.db, rest);
      break;
    case 'demo':
      code = await demoCommand(runtime.db);
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
