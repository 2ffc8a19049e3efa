// What the browser tests share: the JSON API over HTTP (to arrange data), a named step that
// leaves a screenshot and the page's console when it fails, and signing in through the page.
import os from 'node:os';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { after } from 'node:test';
import { launchBrowser, recordDiagnostics } from './browser.ts';
import { createTestDatabase } from './db.ts';
import { freePort, startServer, stopServer } from './server.ts';

interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The session cookie a sign-in sets (`name=value`), else empty. */
  cookie: string;
}

/**
 * A browser test file's world: its own database, the server on it (with `env` added to its
 * environment) and a browser, all closed when the file's tests are done; with the server's JSON
 * call and sign-in.
 */
export async function e2eHarness(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const server = await startServer({ ...env, DATABASE_URL: database.url }, await freePort());
  const browser = await launchBrowser();
  after(async () => {
    await browser.close();
    await stopServer(server);
    await database.drop();
  });
  const answers = e2eServer(server.origin);

  /**
   * A browser context signed in as `person` without the sign-in page (their session's cookie),
   * with its first page; service workers blocked unless `options` says otherwise.
   */
  async function signedInContext(
    person: { email: string; password: string },
    options: BrowserContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const session = await answers.call('POST', '/api/session', { email: person.email, password: person.password });
    assert.equal(session.status, 200, JSON.stringify(session.body));
    const context = await browser.newContext({ serviceWorkers: 'block', ...options });
    const [name = '', value = ''] = session.cookie.split('=');
    await context.addCookies([{ name, value, url: server.origin }]);
    return { context, page: await context.newPage() };
  }

  return { database, server, browser, signedInContext, ...answers };
}

/** The server at `origin`: a JSON call, and signing in through its sign-in page. */
function e2eServer(origin: string) {
  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const response = await fetch(`${origin}${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    };
  }

  /** Signs in through the page, in either language, and waits for the page it lands on. */
  async function signIn(page: Page, person: { email: string; password: string }, submit: string, startHeading: string) {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel(/^(Email|Correo electrónico)$/).fill(person.email);
    await page.getByLabel(/^(Password|Contraseña)$/).fill(person.password);
    await page.getByRole('button', { name: submit }).click();
    await page.getByRole('heading', { level: 1, name: startHeading }).waitFor();
  }

  return { call, signIn };
}

type Call = ReturnType<typeof e2eServer>['call'];
type Headers = Record<string, string>;

/** Someone invited by the administrator who has accepted and set their password. */
export interface StaffMember {
  name: string;
  email: string;
  password: string;
  roles: readonly string[];
  locale?: string;
  /** Names of the programs they work in; all of the organization's when left out. */
  programs?: readonly string[];
}

export interface OrgWithStaff {
  /** The administrator's session (second factor enrolled). */
  admin: Headers;
  adminEmail: string;
  adminPassword: string;
  /** The administrator's authenticator secret; the enrolment spent the current time step's code. */
  adminSecret: string;
  /** The administrator's ten one-time recovery codes (a sign-in without waiting for a new time step). */
  adminRecoveryCodes: string[];
  /** Program ids by name, in the order given. */
  programs: Record<string, string>;
  /** The first program's id (most tests have one). */
  programId: string;
  /** Each person's user id, by email. */
  ids: Record<string, string>;
}

/**
 * The setup every browser test starts from: the organization (with its first administrator, who
 * enrols the second factor administrators must have), its programs, and staff invited into them
 * who have accepted and set their passwords.
 */
export async function orgWithStaff(
  call: Call,
  options: {
    organization?: string;
    timeZone?: string;
    admin?: { name: string; email: string; password: string };
    programs?: readonly string[];
    people: readonly StaffMember[];
  },
): Promise<OrgWithStaff> {
  const admin = options.admin ?? { name: 'Avery Admin', email: 'avery@riverbend.invalid', password: 'riverbend admin passphrase' };
  const setup = await call('POST', '/api/setup', {
    organizationName: options.organization ?? 'Riverbend Recovery Center',
    timeZone: options.timeZone ?? 'America/Chicago',
    adminName: admin.name,
    adminEmail: admin.email,
    adminPassword: admin.password,
  });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  const { secret: adminSecret, recoveryCodes: adminRecoveryCodes, headers } = await enrolSecondFactor(call, admin.email, admin.password);
  const programs: Record<string, string> = {};
  for (const name of options.programs ?? ['Riverbend Outpatient']) {
    const program = await call('POST', '/api/programs', { name, caseManagementModel: 'broker-generalist' }, headers);
    assert.equal(program.status, 201, JSON.stringify(program.body));
    programs[name] = String(program.body.id);
  }
  const ids: Record<string, string> = {};
  for (const person of options.people) {
    const programIds = (person.programs ?? Object.keys(programs)).map((name) => {
      const id = programs[name];
      assert.ok(id, `no program named ${name}`);
      return id;
    });
    const invited = await call(
      'POST',
      '/api/users',
      { email: person.email, displayName: person.name, roles: person.roles, programIds, locale: person.locale ?? 'en' },
      headers,
    );
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    ids[person.email] = (invited.body.user as { id: string }).id;
    const token = String(invited.body.invitationUrl).split('/invitations/')[1] ?? '';
    const accepted = await call('POST', `/api/invitations/${token}/acceptance`, { password: person.password });
    assert.equal(accepted.status, 204, JSON.stringify(accepted.body));
  }
  const programId = Object.values(programs)[0] ?? '';
  return {
    admin: headers,
    adminEmail: admin.email,
    adminPassword: admin.password,
    adminSecret,
    adminRecoveryCodes,
    programs,
    programId,
    ids,
  };
}

/**
 * Signs `email` in over the API and enrols an authenticator, as administrators and supervisors
 * must: its secret, the time step the enrolment spent (a later sign-in needs a later one), the
 * recovery codes shown once and the session's headers.
 */
export async function enrolSecondFactor(
  call: Call,
  email: string,
  password: string,
): Promise<{ secret: string; step: number; recoveryCodes: string[]; headers: Headers }> {
  const signedIn = await call('POST', '/api/session', { email, password });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  const { base32Decode, hotp, timeStep } = await import('../../src/lib/auth/totp.ts');
  const partial = { cookie: signedIn.cookie, 'x-csrf-token': String(signedIn.body.csrfToken) };
  const enrolment = await call('POST', '/api/session/mfa/enrolment', {}, partial);
  const secret = String(enrolment.body.secret);
  const step = timeStep(Date.now());
  const confirmed = await call('POST', '/api/session/mfa/enrolment/confirm', { totp: hotp(base32Decode(secret), step) }, partial);
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  return {
    secret,
    step,
    recoveryCodes: confirmed.body.recoveryCodes as string[],
    headers: { cookie: confirmed.cookie, 'x-csrf-token': String(confirmed.body.csrfToken) },
  };
}

/** A session over the API for `email`, as the headers a later call sends. */
export async function apiSession(call: Call, email: string, password: string): Promise<{ headers: Headers; userId: string }> {
  const session = await call('POST', '/api/session', { email, password });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  return {
    headers: { cookie: session.cookie, 'x-csrf-token': String(session.body.csrfToken) },
    userId: (session.body.user as { id: string }).id,
  };
}

/**
 * A patient registered by `person` with an open episode (intake, opened on `openedOn`) in
 * `programId` whose primary case manager they are: on their caseload. With their API session.
 */
export async function patientOnCaseload(
  call: Call,
  person: { email: string; password: string },
  patient: { legalFirstName: string; legalLastName: string; dateOfBirth: string },
  episode: { programId: string; openedOn: string },
): Promise<{ patientId: string; episodeId: string; headers: Headers; userId: string }> {
  const { headers, userId } = await apiSession(call, person.email, person.password);
  const registered = await registerWithEpisode(call, headers, patient, { ...episode, primaryCaseManagerId: userId });
  return { ...registered, headers, userId };
}

/** A patient registered with the session `headers`, with an open episode (intake) in `episode.programId`. */
export async function registerWithEpisode(
  call: Call,
  headers: Headers,
  patient: Record<string, unknown>,
  episode: { programId: string; openedOn: string; primaryCaseManagerId: string },
): Promise<{ patientId: string; episodeId: string }> {
  const registered = await call('POST', '/api/patients', patient, headers);
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const patientId = String(registered.body.id);
  const opened = await call(
    'POST',
    `/api/patients/${patientId}/episodes`,
    { ...episode, referralSource: 'self', phase: 'intake' },
    headers,
  );
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return { patientId, episodeId: String(opened.body.id) };
}

/** One named step of a browser test: on failure, a full-page screenshot and the page's console. */
export async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const diagnostics = recordDiagnostics(page);
  try {
    return await work();
  } catch (error) {
    const file = path.join(os.tmpdir(), `bridgeway-e2e-${name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw new Error(`${name} failed (screenshot: ${file}): ${(error as Error).message}\n${diagnostics.join('\n')}`);
  }
}
