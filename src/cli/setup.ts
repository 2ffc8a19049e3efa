import { parseArgs } from 'node:util';
import type { Database } from '../lib/db/database.ts';
import { Problem } from '../lib/errors.ts';
import { checkBody } from '../lib/http/validation.ts';
import { newId } from '../lib/ids.ts';
import { SetupBody } from '../modules/setup/schemas.ts';
import { isSetUp, setUpOrganization } from '../modules/setup/service.ts';
import { createPrompter, readStdin } from './prompt.ts';

/**
 * `bridgeway setup`: the first organization and admin. Interactive without flags; with
 * `--org` and `--email` it asks nothing and takes the password from BRIDGEWAY_ADMIN_PASSWORD
 * or standard input, never from the command line (which other users can see in `ps`).
 */
export async function setupCommand(db: Database, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
    },
  });
  if (await isSetUp(db)) {
    console.error('Bridgeway is already set up on this database; nothing was changed. Sign in, or ask an admin for an account.');
    return 1;
  }
  const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let input: Record<string, unknown>;
  if (values.org !== undefined || values.email !== undefined) {
    const fromEnv = process.env.BRIDGEWAY_ADMIN_PASSWORD || undefined; // empty means unset
    const password = fromEnv ?? (process.stdin.isTTY ? '' : ((await readStdin()).split(/\r?\n/)[0] ?? ''));
    input = {
      organizationName: values.org ?? '',
      adminEmail: values.email ?? '',
      adminName: values.name ?? 'Administrator',
      timeZone: values['time-zone'] ?? machineZone,
      locale: values.locale ?? 'en',
      adminPassword: password,
    };
  } else {
    const prompt = createPrompter();
    try {
      console.log('Set up Bridgeway: the organization and its first administrator.\n');
      const organizationName = await prompt.ask('Organization name');
      const timeZone = await prompt.ask('Time zone', machineZone);
      const adminName = await prompt.ask('Your name');
      const adminEmail = await prompt.ask('Your email (you sign in with it)');
      const locale = await prompt.ask('Language (en or es)', 'en');
      const adminPassword = await prompt.askHidden('Password (at least 12 characters)');
      if ((await prompt.askHidden('Password again')) !== adminPassword) {
        console.error('The passwords differ; nothing was changed.');
        return 1;
      }
      input = { organizationName, timeZone, adminName, adminEmail, locale, adminPassword };
    } finally {
      prompt.close();
    }
  }
  const errors = checkBody(SetupBody, input);
  if (errors.length > 0) {
    const names: Record<string, string> = {
      '/organizationName': '--org',
      '/adminEmail': '--email',
      '/adminPassword': 'password',
      '/timeZone': '--time-zone',
      '/locale': '--locale',
      '/adminName': '--name',
    };
    for (const error of errors) console.error(`${names[error.path] ?? error.path}: ${error.message}`);
    console.error('Nothing was changed.');
    return 1;
  }
  try {
    // Whoever runs commands on the server needs no setup code: they could read the log anyway.
    const result = await setUpOrganization(
      db,
      input as SetupBody,
      { requestId: `cli-${newId()}`, ip: null, userAgent: 'bridgeway setup' },
      null,
    );
    console.log(
      `Set up "${result.organization.name}". Sign in as ${result.admin.email}; you will be asked to set up an authenticator app.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Problem) {
      console.error(`${error.message}${error.errors ? ` ${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` : ''}`);
      return 1;
    }
    throw error;
  }
}
