import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { todayIn } from '../../lib/dates.ts';
import { TINY_SIGNATURE } from './access-fixtures.ts';
import { checkDisclosureIn, recordDisclosureIn } from './service.ts';
import { withPatientRecord } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';

/**
 * Part 2 consents and the one disclosure check: every element is required (a 400 names the
 * field), no consent blocks with a reason, a TPO consent never covers counseling notes, expired
 * and revoked consents cover nothing, a disclosure is logged with its audit row in the same
 * transaction, and a stale revocation is 409.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);
const officerMade = await makeUser(t.db, org.id, { roles: ['privacy-officer'] });
const officer = await signedIn(t.app, officerMade);

const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

interface Consent {
  id: string;
  state: string;
  version: number;
  kind: string;
  signatureImage: string | null;
  statements: { key: string; text: string }[];
}
interface Check {
  allowed: boolean;
  reason: string | null;
  consent: { id: string } | null;
}

const tpo = {
  kind: 'tpo',
  disclosingParty: 'Riverbend Recovery Services',
  recipientKind: 'general-designation',
  recipientName: 'My treating providers, health plans, third-party payers and people helping to operate this program',
  informationKinds: ['identity-contact', 'sud-diagnosis', 'attendance', 'treatment-progress', 'medications'],
  informationDescription: 'My substance use disorder diagnosis, attendance, progress and medications, including MOUD',
  purposes: ['treatment', 'payment', 'health-care-operations'],
  expirationKind: 'date',
  expiresOn: day(365),
  language: 'en',
  signatureMethod: 'drawn',
  signatureImage: TINY_SIGNATURE,
  signer: 'patient',
  signedOn: today,
};

async function patient() {
  const made = await makePatient(t.db, org.id, cmMade.user.id);
  return made.id;
}

async function consent(patientId: string, body: Record<string, unknown>) {
  const created = await cm.post<Consent>(`/api/patients/${patientId}/consents`, body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.headers.location, `/api/consents/${created.body.id}`);
  return created.body;
}

const check = (patientId: string, body: Record<string, unknown>) => cm.post<Check>(`/api/patients/${patientId}/disclosure-checks`, body);
const toClinic = {
  recipientName: 'Eastside Family Clinic',
  recipientClass: 'treating-provider',
  informationKinds: ['attendance'],
  purpose: 'treatment',
};

test('a consent missing an element is 400 naming each field; nothing is stored', async () => {
  const patientId = await patient();
  const { informationDescription: _omitted, ...noDescription } = tpo;
  const missing = await cm.post(`/api/patients/${patientId}/consents`, noDescription);
  assert.equal(missing.status, 400);
  assert.ok(JSON.stringify(missing.body.errors).includes('informationDescription'), JSON.stringify(missing.body));

  const rules = await cm.post(`/api/patients/${patientId}/consents`, {
    ...tpo,
    expiresOn: null,
    signatureImage: null,
    signer: 'representative',
    informationKinds: [...tpo.informationKinds, 'counseling-notes'],
    purposes: ['treatment', 'legal'],
  });
  assert.equal(rules.status, 400);
  const paths = (rules.body.errors as { path: string }[]).map((error) => error.path).sort();
  assert.deepEqual(paths, [
    '/expiresOn',
    '/informationKinds',
    '/purposes',
    '/representativeAuthority',
    '/representativeName',
    '/signatureImage',
  ]);

  const verbal = await cm.post(`/api/patients/${patientId}/consents`, { ...tpo, signatureMethod: 'verbal', signatureImage: null });
  assert.equal(verbal.status, 400);
  assert.equal((verbal.body.errors as { path: string }[])[0]?.path, '/witnessName');
  assert.equal((await cm.get<{ items: unknown[] }>(`/api/patients/${patientId}/consents`)).body.items.length, 0);
});

test('no consent blocks with a reason; a TPO consent covers its classes but never counseling notes', async () => {
  const patientId = await patient();
  const none = await check(patientId, toClinic);
  assert.equal(none.status, 200);
  assert.deepEqual(none.body, { allowed: false, reason: 'no-consent', consent: null });

  const general = await consent(patientId, tpo);
  assert.equal(general.state, 'active');
  assert.deepEqual(
    general.statements.map((statement) => statement.key),
    ['revocation', 'not-conditioned', 'redisclosure', 'hipaa-redisclosure'],
  );
  const allowed = await check(patientId, toClinic);
  assert.equal(allowed.body.allowed, true);
  assert.equal(allowed.body.consent?.id, general.id);

  // Not a TPO purpose, not a TPO recipient, not the information it names: each says why.
  assert.equal(
    (await check(patientId, { ...toClinic, recipientClass: 'other', recipientName: 'County Probation' })).body.reason,
    'no-consent',
  );
  assert.equal((await check(patientId, { ...toClinic, purpose: 'legal' })).body.reason, 'purpose-not-covered');
  assert.equal((await check(patientId, { ...toClinic, informationKinds: ['drug-test-results'] })).body.reason, 'information-not-covered');
  const notes = await check(patientId, { ...toClinic, informationKinds: ['counseling-notes'] });
  assert.deepEqual(notes.body, { allowed: false, reason: 'counseling-notes-need-own-consent', consent: null });

  // A TPO consent can never be written to include them.
  const combined = await cm.post(`/api/patients/${patientId}/consents`, { ...tpo, informationKinds: ['attendance', 'counseling-notes'] });
  assert.equal(combined.status, 400);

  const own = await consent(patientId, {
    ...tpo,
    kind: 'counseling-notes',
    recipientKind: 'named',
    recipientName: 'Eastside Family Clinic',
    informationKinds: ['counseling-notes'],
    informationDescription: 'My counselor’s SUD counseling notes from individual sessions',
    purposes: ['treatment'],
  });
  const covered = await check(patientId, { ...toClinic, informationKinds: ['counseling-notes'] });
  assert.equal(covered.body.allowed, true);
  assert.equal(covered.body.consent?.id, own.id);
  // Notes and other information at once: two disclosures, each under its own consent.
  assert.equal(
    (await check(patientId, { ...toClinic, informationKinds: ['counseling-notes', 'attendance'] })).body.reason,
    'counseling-notes-need-own-consent',
  );
});

test('an expired consent covers nothing; a refusal is recorded and covers nothing', async () => {
  const patientId = await patient();
  const old = await consent(patientId, { ...tpo, signedOn: day(-400), expiresOn: day(-35) });
  assert.equal(old.state, 'expired');
  const blocked = await check(patientId, toClinic);
  assert.deepEqual([blocked.body.allowed, blocked.body.reason, blocked.body.consent?.id], [false, 'consent-expired', old.id]);

  const soon = await consent(patientId, { ...tpo, expiresOn: day(10) });
  assert.equal(soon.state, 'expiring');
  assert.equal((await check(patientId, toClinic)).body.allowed, true);

  const other = await patient();
  const refused = await consent(other, { ...tpo, signatureMethod: 'refused', signatureImage: null });
  assert.equal(refused.state, 'refused');
  assert.equal((await check(other, toClinic)).body.reason, 'consent-refused');
});

test('a disclosure is logged with the notice and scope; after revocation the same disclosure is refused', async () => {
  const patientId = await patient();
  const general = await consent(patientId, tpo);
  const made = await cm.post<{ disclosure: { id: string; consentId: string }; notice: string; consentScope: { id: string } }>(
    `/api/patients/${patientId}/disclosures`,
    { ...toClinic, description: 'Attendance letter faxed' },
  );
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.disclosure.consentId, general.id);
  assert.match(made.body.notice, /42 CFR part 2/);
  assert.equal(made.body.consentScope.id, general.id);
  const audit = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'patientId'])
    .where('recordId', '=', made.body.disclosure.id)
    .execute();
  assert.deepEqual(audit, [{ action: 'create', patientId }]);

  // A revocation is dated today or earlier, never before the signature, and says how.
  const future = await cm.post(`/api/consents/${general.id}/end`, {
    version: general.version,
    reason: 'revoked',
    endedOn: day(1),
    method: 'Note',
  });
  assert.equal(future.status, 400);
  assert.equal((future.body.errors as { path: string }[])[0]?.path, '/endedOn');
  const noHow = await cm.post(`/api/consents/${general.id}/end`, { version: general.version, reason: 'revoked', endedOn: today });
  assert.equal(noHow.status, 400);
  assert.equal((noHow.body.errors as { path: string }[])[0]?.path, '/method');
  const byDate = await cm.post(`/api/consents/${general.id}/end`, {
    version: general.version,
    reason: 'expiration-event',
    endedOn: today,
    method: 'x',
  });
  assert.equal((byDate.body.errors as { path: string }[])[0]?.path, '/reason');

  // A stale revocation is 409; the current one works; the disclosure is then refused.
  const stale = await cm.post(`/api/consents/${general.id}/end`, {
    version: general.version + 1,
    reason: 'revoked',
    endedOn: today,
    method: 'Signed note',
  });
  assert.equal(stale.status, 409);
  const revoked = await cm.post<Consent>(`/api/consents/${general.id}/end`, {
    version: general.version,
    reason: 'revoked',
    endedOn: today,
    method: 'Signed and dated note handed to the case manager',
  });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
  assert.equal(revoked.body.state, 'revoked');
  const again = await cm.post(`/api/patients/${patientId}/disclosures`, toClinic);
  assert.equal(again.status, 422);
  assert.equal(again.body.code, 'disclosure-blocked');
  assert.deepEqual(again.body.params, { reason: 'consent-revoked' });
  const attempt = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'details'])
    .where('patientId', '=', patientId)
    .where(sql<boolean>`details ? 'disclosureBlocked'`)
    .execute();
  assert.deepEqual(
    attempt.map((row) => [row.action, (row.details as { disclosureBlocked: string }).disclosureBlocked]),
    [['read', 'consent-revoked']],
  );
  assert.equal((await t.db.selectFrom('disclosures').select('id').where('patientId', '=', patientId).execute()).length, 1);
  const twice = await cm.post(`/api/consents/${general.id}/end`, {
    version: revoked.body.version,
    reason: 'revoked',
    endedOn: today,
    method: 'again',
  });
  assert.equal(twice.status, 409);

  const accounting = await cm.get<{ items: { id: string }[] }>(`/api/patients/${patientId}/disclosures`);
  assert.deepEqual(
    accounting.body.items.map((item) => item.id),
    [made.body.disclosure.id],
  );
});

test('the timeline shows a consent recorded and revoked, a refusal, each disclosure, and filters by kind', async () => {
  const patientId = await patient();
  const refused = await consent(patientId, { ...tpo, signatureMethod: 'refused', signatureImage: null });
  const general = await consent(patientId, tpo);
  const made = await cm.post<{ disclosure: { id: string } }>(`/api/patients/${patientId}/disclosures`, toClinic);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const revoked = await cm.post(`/api/consents/${general.id}/end`, {
    version: general.version,
    reason: 'revoked',
    endedOn: today,
    method: 'Told the case manager by phone',
  });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));

  type Timeline = {
    kinds: string[];
    items: {
      kind: string;
      key: string;
      recordId: string;
      actorId: string | null;
      summary: { code: string; params: Record<string, unknown> };
    }[];
  };
  const all = await cm.get<Timeline>(`/api/patients/${patientId}/timeline`);
  assert.equal(all.status, 200, JSON.stringify(all.body));
  assert.ok(all.body.kinds.includes('consent') && all.body.kinds.includes('disclosure'));
  assert.deepEqual(
    all.body.items.map((item) => [item.summary.code, item.recordId]),
    [
      ['consent-revoked', general.id],
      ['disclosure', made.body.disclosure.id],
      ['consent-recorded', general.id],
      ['consent-refused', refused.id],
    ],
    'newest first',
  );
  const revocation = all.body.items[0];
  assert.deepEqual(revocation?.summary.params, { recipient: tpo.recipientName, consentKind: 'tpo', endedOn: today });
  assert.equal(revocation?.actorId, cmMade.user.id);
  assert.deepEqual(all.body.items[1]?.summary.params, { recipient: toClinic.recipientName });

  const disclosuresOnly = await cm.get<Timeline>(`/api/patients/${patientId}/timeline?kinds=disclosure`);
  assert.equal(disclosuresOnly.status, 200, JSON.stringify(disclosuresOnly.body));
  assert.deepEqual(
    disclosuresOnly.body.items.map((item) => item.kind),
    ['disclosure'],
  );
  // Paging: the second page starts after the first's last entry, with nothing skipped or repeated.
  const first = await cm.get<Timeline & { nextCursor: string | null }>(`/api/patients/${patientId}/timeline?kinds=consent&limit=2`);
  assert.ok(first.body.nextCursor);
  const second = await cm.get<Timeline>(
    `/api/patients/${patientId}/timeline?kinds=consent&limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
  );
  assert.deepEqual(
    [...first.body.items, ...second.body.items].map((item) => item.summary.code),
    ['consent-revoked', 'consent-recorded', 'consent-refused'],
  );
});

test('the seam: a disclosure recorded inside a caller’s transaction rolls back with it', async () => {
  const patientId = await patient();
  await consent(patientId, tpo);
  const ctx = {
    actor: {
      userId: cmMade.user.id,
      organizationId: org.id,
      timeZone: org.timeZone,
      email: null,
      displayName: 'CM',
      roles: ['case-manager' as const],
      locale: 'en',
      sessionId: null,
      apiKeyId: null,
      apiKeyCreatedBy: null,
    },
    requestId: 'seam-test',
    ip: null,
    userAgent: null,
  };
  await assert.rejects(
    withPatientRecord(t.db, ctx as never, patientKind, patientId, async (tx, audit) => {
      assert.equal((await checkDisclosureIn(tx, ctx as never, patientId, toClinic as never)).allowed, true);
      await recordDisclosureIn(tx, ctx, audit, patientId, toClinic as never);
      throw new Error('the referral failed after the disclosure was logged');
    }),
    /referral failed/,
  );
  const rows = await t.db.selectFrom('disclosures').select('id').where('patientId', '=', patientId).execute();
  assert.deepEqual(rows, []);
});

test('a medical emergency is documented without consent and queued for the privacy officer only', async () => {
  const patientId = await patient();
  const emergency = await cm.post<{ id: string; basis: string }>(`/api/patients/${patientId}/emergency-disclosures`, {
    recipientName: 'Dr. Imani Reyes',
    recipientAffiliation: 'St. Luke’s Emergency Department',
    informationKinds: ['medications', 'sud-diagnosis'],
    emergencyNature: 'Unresponsive after suspected overdose; ED asked about methadone dose',
    disclosedAt: new Date().toISOString(),
  });
  assert.equal(emergency.status, 201, JSON.stringify(emergency.body));
  assert.equal(emergency.body.basis, 'medical-emergency');
  const queue = await officer.get<{ items: { id: string }[] }>('/api/emergency-disclosures');
  assert.equal(queue.status, 200);
  assert.ok(queue.body.items.some((item) => item.id === emergency.body.id));
  assert.equal((await cm.get('/api/emergency-disclosures')).status, 403);
});

test('the overview shows consent status at a glance, one line per recipient', async () => {
  const patientId = await patient();
  await consent(patientId, { ...tpo, signedOn: day(-400), expiresOn: day(-35) });
  await consent(patientId, { ...tpo, expiresOn: day(20) });
  const named = await consent(patientId, {
    ...tpo,
    kind: 'specific',
    recipientKind: 'named',
    recipientName: 'County Probation',
    informationKinds: ['attendance'],
    purposes: ['legal'],
  });
  await cm.post(`/api/consents/${named.id}/end`, {
    version: named.version,
    reason: 'revoked',
    endedOn: today,
    method: 'Told me in person',
  });
  const overview = await cm.get<{ consents: { recipientName: string; state: string }[] }>(`/api/patients/${patientId}`);
  assert.equal(overview.status, 200);
  assert.deepEqual(overview.body.consents.map((line) => line.state).sort(), ['expiring', 'revoked']);
});

test('a merge moves consents and their disclosures to the survivor, and an undo moves them back', async () => {
  const survivor = await patient();
  const twin = await patient();
  const general = await consent(twin, tpo);
  const made = await cm.post<{ disclosure: { id: string } }>(`/api/patients/${twin}/disclosures`, toClinic);
  assert.equal(made.status, 201);
  const emergency = await cm.post<{ id: string }>(`/api/patients/${twin}/emergency-disclosures`, {
    recipientName: 'Dr. Imani Reyes',
    recipientAffiliation: 'St. Luke’s Emergency Department',
    informationKinds: ['medications'],
    emergencyNature: 'Overdose',
    disclosedAt: new Date().toISOString(),
  });
  const version = (await cm.get<{ version: number }>(`/api/patients/${survivor}`)).body.version;
  const merge = await cm.post<{ id: string }>(`/api/patients/${survivor}/merges`, {
    mergedPatientId: twin,
    version,
    reason: 'Same person',
  });
  assert.equal(merge.status, 201, JSON.stringify(merge.body));
  const owners = async () =>
    (
      await t.db
        .selectFrom('disclosures')
        .select(['id', 'patientId'])
        .where('id', 'in', [made.body.disclosure.id, emergency.body.id])
        .execute()
    )
      .map((row) => row.patientId)
      .concat((await t.db.selectFrom('consents').select('patientId').where('id', '=', general.id).executeTakeFirstOrThrow()).patientId);
  assert.deepEqual(await owners(), [survivor, survivor, survivor]);
  assert.equal((await check(survivor, toClinic)).body.allowed, true);
  assert.equal((await cm.post(`/api/patient-merges/${merge.body.id}/undo`)).status, 200);
  assert.deepEqual(await owners(), [twin, twin, twin]);
});
