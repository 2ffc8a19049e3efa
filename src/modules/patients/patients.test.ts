import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const caseManager = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));
const colleague = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'], mfa: true }));

interface Patient {
  id: string;
  version: number;
  legalFirstName: string;
  phones: unknown[];
  identifiers: { system: string; value: string }[];
}
interface Duplicate {
  type: string;
  candidates: { patient: { id: string }; reasons: string[]; score: number }[];
}

const william = {
  legalFirstName: 'William',
  legalLastName: 'Tennyson',
  preferredName: 'Bill',
  dateOfBirth: '1979-03-14',
  raceEthnicity: ['white'],
  preferredLanguage: 'en',
  phones: [{ number: '(555) 201-7788', kind: 'mobile', consentToText: true, voicemailSafe: false }],
  identifiers: [{ system: 'mrn', value: 'MRN-10044' }],
  coverages: [{ kind: 'medicaid', payerName: 'State Medicaid', memberId: 'MC123', startDate: '2025-01-01' }],
};

const registered = await caseManager.post<Patient>('/api/patients', william);

describe('registering a patient', () => {
  test('creates the record with its phones, identifiers and coverage, audited with the patient id', () => {
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.equal(registered.headers.location, `/api/patients/${registered.body.id}`);
    assert.equal(registered.body.phones.length, 1);
    assert.deepEqual(registered.body.identifiers, [{ system: 'mrn', value: 'MRN-10044', label: null }]);
  });

  test('a near twin is answered 409 possible-duplicate with the match and why, and nothing is written', async () => {
    const before = await t.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [label: string, body: object, reason: string][] = [
      ['nickname, same birth date', { legalFirstName: 'Bill', legalLastName: 'Tennyson', dateOfBirth: '1979-03-14' }, 'nickname'],
      ['first and last swapped', { legalFirstName: 'Tennyson', legalLastName: 'William', dateOfBirth: '1979-03-14' }, 'swapped-names'],
      ['typo in the name', { legalFirstName: 'Wiliam', legalLastName: 'Tenyson', dateOfBirth: '1979-03-14' }, 'similar-name'],
      [
        'same MRN, other name',
        {
          legalFirstName: 'Someone',
          legalLastName: 'Else',
          dateOfBirth: '1990-01-01',
          identifiers: [{ system: 'mrn', value: 'mrn-10044' }],
        },
        'same-identifier',
      ],
    ];
    for (const [label, body, reason] of cases) {
      const response = await caseManager.post<Duplicate>('/api/patients', body);
      assert.equal(response.status, 409, label);
      assert.equal(response.body.type, '/api/problems/possible-duplicate', label);
      assert.equal(response.body.candidates[0]?.patient.id, registered.body.id, label);
      assert.ok(response.body.candidates[0]?.reasons.includes(reason), `${label}: ${JSON.stringify(response.body.candidates[0]?.reasons)}`);
    }
    const after = await t.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('either of two last names matches: García López is found as García or as López, with the same birth date', async () => {
    const maria = await caseManager.post<Patient>('/api/patients', {
      legalFirstName: 'María',
      legalMiddleName: 'Guadalupe',
      legalLastName: 'Hernández Ochoa',
      preferredName: 'Lupita',
      dateOfBirth: '1986-07-02',
    });
    assert.equal(maria.status, 201, JSON.stringify(maria.body));
    const cases: [label: string, body: object, found: boolean][] = [
      ['second surname only', { legalFirstName: 'Maria', legalLastName: 'Ochoa', dateOfBirth: '1986-07-02' }, true],
      ['first surname only', { legalFirstName: 'María', legalLastName: 'Hernandez', dateOfBirth: '1986-07-02' }, true],
      ['joined by a hyphen', { legalFirstName: 'Maria', legalLastName: 'Hernández-Ochoa', dateOfBirth: '1986-07-02' }, true],
      ['another first name', { legalFirstName: 'Elena', legalLastName: 'Ochoa', dateOfBirth: '1986-07-02' }, false],
      ['another birth date', { legalFirstName: 'Maria', legalLastName: 'Ochoa', dateOfBirth: '1986-09-12' }, false],
    ];
    for (const [label, body, found] of cases) {
      const response = await caseManager.post<Duplicate>('/api/patients', body);
      const match = response.status === 409 ? response.body.candidates.find((c) => c.patient.id === maria.body.id) : undefined;
      assert.equal(match !== undefined, found, `${label}: ${response.status} ${JSON.stringify(response.body)}`);
      if (found && label !== 'joined by a hyphen')
        assert.ok(match?.reasons.includes('one-surname'), `${label}: ${JSON.stringify(match?.reasons)}`);
    }
  });

  test('each possible duplicate comes with what to compare it by in place: phones, ID numbers, address', async () => {
    const response = await caseManager.post<{
      candidates: { patient: { id: string; phones: string[]; identifiers: { system: string; value: string }[]; address: unknown } }[];
    }>('/api/patients', { legalFirstName: 'Bill', legalLastName: 'Tennyson', dateOfBirth: '1979-03-14' });
    assert.equal(response.status, 409);
    const match = response.body.candidates.find((candidate) => candidate.patient.id === registered.body.id);
    assert.deepEqual(match?.patient.phones, ['(555) 201-7788']);
    assert.deepEqual(match?.patient.identifiers, [{ system: 'mrn', value: 'MRN-10044' }]);
    assert.deepEqual(match?.patient.address, {
      line1: null,
      line2: null,
      city: null,
      state: null,
      postalCode: null,
      noFixedAddress: false,
    });
  });

  test('after review, a person who only looks alike is created; a shared identifier never is', async () => {
    const twin = await caseManager.post<Patient>('/api/patients', {
      legalFirstName: 'Bill',
      legalLastName: 'Tennyson',
      dateOfBirth: '1979-03-14',
      confirmedNotDuplicate: true,
    });
    assert.equal(twin.status, 201);
    const sameMrn = await caseManager.post<Duplicate>('/api/patients', {
      legalFirstName: 'Other',
      legalLastName: 'Person',
      dateOfBirth: '1990-01-01',
      identifiers: [{ system: 'mrn', value: 'MRN-10044' }],
      confirmedNotDuplicate: true,
    });
    assert.equal(sameMrn.status, 409);
  });

  test('a match the caller may not see is neither shown nor counted: the registration waits for a supervisor', async () => {
    const response = await colleague.post<{ review: { id: string; status: string } }>('/api/patients', {
      legalFirstName: 'William',
      legalLastName: 'Tennyson',
      dateOfBirth: '1979-03-14',
    });
    assert.equal(response.status, 202);
    assert.equal(response.body.review.status, 'pending');
    assert.doesNotMatch(JSON.stringify(response.body), /candidates|hiddenMatches|Tennyson.*Tennyson/);
  });

  test('bad input names the field; an admin (no clinical role) may not register patients', async () => {
    const noName = await caseManager.post('/api/patients', { legalLastName: 'X', dateOfBirth: '1980-01-01' });
    assert.equal((noName.body.errors as { path: string }[])[0]?.path, '/legalFirstName');
    const badDate = await caseManager.post('/api/patients', { legalFirstName: 'A', legalLastName: 'B', dateOfBirth: '14/03/1979' });
    assert.equal((badDate.body.errors as { path: string }[])[0]?.path, '/dateOfBirth');
    const badRace = await caseManager.post('/api/patients', {
      legalFirstName: 'A',
      legalLastName: 'B',
      dateOfBirth: '1980-01-01',
      raceEthnicity: ['martian'],
    });
    assert.match((badRace.body.errors as { path: string }[])[0]?.path ?? '', /^\/raceEthnicity/);
    const homeless = await caseManager.post('/api/patients', {
      legalFirstName: 'A',
      legalLastName: 'B',
      dateOfBirth: '1980-01-01',
      noFixedAddress: true,
      addressLine1: '1 Main St',
      confirmedNotDuplicate: true,
    });
    assert.equal((homeless.body.errors as { path: string }[])[0]?.path, '/addressLine1');
    assert.equal((await admin.post('/api/patients', { legalFirstName: 'A', legalLastName: 'B', dateOfBirth: '1980-01-01' })).status, 403);
  });
});

describe('reading and editing', () => {
  test('edits need the version read; a stale one is 409 and changes nothing', async () => {
    const id = registered.body.id;
    const edited = await caseManager.patch<Patient>(`/api/patients/${id}`, { version: 1, preferredName: 'Will', phones: [] });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.version, 2);
    assert.deepEqual(edited.body.phones, []);
    const stale = await caseManager.patch(`/api/patients/${id}`, { version: 1, preferredName: 'Billy' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.currentVersion, 2);
    const read = await caseManager.get<Patient & { preferredName: string }>(`/api/patients/${id}`);
    assert.equal(read.body.preferredName, 'Will');
  });

  test('someone who may not see the patient gets 404, and the attempt is audited as access denied', async () => {
    const id = registered.body.id;
    for (const client of [colleague, admin]) {
      assert.equal((await client.get(`/api/patients/${id}`)).status, 404);
      assert.equal((await client.patch(`/api/patients/${id}`, { version: 2, preferredName: 'Hacked' })).status, 404);
    }
    assert.equal(
      (await caseManager.get('/api/patients/0190d2d6-0000-7000-8000-000000000000')).status,
      404,
      'a patient that does not exist looks the same',
    );
    const denials = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'patientId'])
      .where('patientId', '=', id)
      .where('action', '=', 'access-denied')
      .execute();
    assert.equal(denials.length, 4);
    const reads = await t.db.selectFrom('auditEvents').select('action').where('patientId', '=', id).where('action', '=', 'read').execute();
    assert.ok(reads.length >= 1, 'reads are audited');
  });
});

describe('search', () => {
  test('finds by name fragment (accents and case ignored), birth date, identifier or phone — within what I may see', async () => {
    const rosa = await caseManager.post<Patient>('/api/patients', {
      legalFirstName: 'Rosa',
      legalLastName: 'Martínez',
      dateOfBirth: '1988-07-02',
      identifiers: [{ system: 'medicaid', value: 'TX998877' }],
      phones: [{ number: '555-330-4412', kind: 'home', consentToText: false, voicemailSafe: true }],
      confirmedNotDuplicate: true,
    });
    assert.equal(rosa.status, 201);
    const find = async (client: typeof caseManager, query: string) =>
      (await client.get<{ items: { id: string }[] }>(`/api/patients?${query}`)).body.items.map((p) => p.id);
    assert.ok((await find(caseManager, 'q=martinez')).includes(rosa.body.id));
    assert.ok((await find(caseManager, 'q=MARTÍN')).includes(rosa.body.id));
    assert.ok((await find(caseManager, 'dateOfBirth=1988-07-02')).includes(rosa.body.id));
    assert.ok((await find(caseManager, 'identifier=tx998877')).includes(rosa.body.id));
    assert.ok((await find(caseManager, 'phone=4412')).includes(rosa.body.id));
    assert.deepEqual(await find(colleague, 'q=martinez'), [], 'not on my team: not found');
    assert.equal((await caseManager.get('/api/patients')).status, 400);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('recordType', '=', 'patient-search')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(audit.details).includes('artin'), 'search terms are not kept in the audit trail');
    const shown = await find(caseManager, 'q=mart');
    assert.ok(shown.includes(rosa.body.id));
    const row = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'details'])
      .where('recordType', '=', 'patient-search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.action, 'read');
    assert.deepEqual(row.details, { shownPatientIds: shown }, 'the records shown, in order; no flag below the cap');
  });
});
