import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';

/**
 * One table per built-in instrument, every case through POST /api/instruments/{key}/score:
 * minimum, maximum, both sides of every band boundary and cut-off, sex-specific cut-offs,
 * yes/no and refused answers, skip logic and critical items. The expected values are the
 * reference's (../shared/reference/instruments.md), written out, never computed.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const staff = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));

type Answers = Record<string, number | string | number[]>;
interface Case {
  name: string;
  answers: Answers;
  context?: Record<string, string>;
  expect: Record<string, unknown>;
}

/** Answers for items 1…n giving `total`, filling from the first item, each at most `max`. */
function spread(n: number, total: number, max: number, first = 1): Answers {
  const answers: Answers = {};
  let left = total;
  for (let index = 0; index < n; index += 1) {
    const value = Math.min(max, left);
    answers[String(index + first)] = value;
    left -= value;
  }
  assert.equal(left, 0, `cannot spread ${total} over ${n} items of at most ${max}`);
  return answers;
}

interface FieldErrorBody {
  path: string;
  code: string;
  message: string;
  params: Record<string, string>;
}
const errorsOf = (response: { body: Record<string, unknown> }) => response.body.errors as FieldErrorBody[];

async function runTable(key: string, cases: Case[]): Promise<void> {
  for (const c of cases) {
    const response = await staff.post(`/api/instruments/${key}/score`, {
      answers: c.answers,
      ...(c.context ? { context: c.context } : {}),
    });
    assert.equal(response.status, 200, `${key} ${c.name}: ${JSON.stringify(response.body)}`);
    for (const [field, value] of Object.entries(c.expect)) {
      assert.deepEqual(response.body[field], value, `${key} ${c.name}: ${field}`);
    }
  }
}

// PHQ-9 with item 9 kept at 0 unless the case is about it (so no critical alert by accident).
const phq9 = (total: number, item9 = 0): Answers => ({ ...spread(8, total - item9, 3), '9': item9 });

test('PHQ-9: bands 0–4, 5–9, 10–14, 15–19, 20–27; positive at 10; item 9 above 0 is critical', async () => {
  const bands: [number, string, boolean][] = [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately-severe', true],
    [19, 'moderately-severe', true],
    [20, 'severe', true],
    [24, 'severe', true],
  ];
  await runTable('phq-9', [
    ...bands.map(([total, band, positive]) => ({
      name: `total ${total}`,
      answers: phq9(total),
      expect: { total, band, positive, critical: false, criticalItems: [] },
    })),
    { name: 'maximum', answers: phq9(27, 3), expect: { total: 27, band: 'severe', positive: true, critical: true, criticalItems: ['9'] } },
    {
      name: 'item 9 at 1 with a minimal total',
      answers: phq9(1, 1),
      expect: { total: 1, band: 'minimal', positive: false, critical: true, criticalItems: ['9'] },
    },
    { name: 'the difficulty item is not scored', answers: { ...phq9(6), '10': 3 }, expect: { total: 6, band: 'mild' } },
  ]);
});

test('PHQ-2: 0–6, positive at 3', async () => {
  await runTable('phq-2', [
    { name: 'minimum', answers: { '1': 0, '2': 0 }, expect: { total: 0, positive: false, band: null, critical: false } },
    { name: '2', answers: { '1': 1, '2': 1 }, expect: { total: 2, positive: false } },
    { name: '3', answers: { '1': 3, '2': 0 }, expect: { total: 3, positive: true } },
    { name: 'maximum', answers: { '1': 3, '2': 3 }, expect: { total: 6, positive: true } },
  ]);
});

test('GAD-7: bands 0–4, 5–9, 10–14, 15–21; positive at 10', async () => {
  const cases: [number, string, boolean][] = [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
    [21, 'severe', true],
  ];
  await runTable(
    'gad-7',
    cases.map(([total, band, positive]) => ({ name: `total ${total}`, answers: spread(7, total, 3), expect: { total, band, positive } })),
  );
});

test('AUDIT-C: positive at 4 for men and at 3 for women', async () => {
  const cases: [number, 'male' | 'female', boolean][] = [
    [0, 'male', false],
    [3, 'male', false],
    [4, 'male', true],
    [2, 'female', false],
    [3, 'female', true],
    [12, 'female', true],
    [12, 'male', true],
  ];
  await runTable(
    'audit-c',
    cases.map(([total, sex, positive]) => ({
      name: `${sex} ${total}`,
      answers: spread(3, total, 4),
      context: { sex },
      expect: { total, positive, band: null },
    })),
  );
});

test('TAPS-1: any answer but "never" is positive for that substance', async () => {
  await runTable('taps-1', [
    {
      name: 'never for all',
      answers: { '1': 0, '2': 0, '3': 0, '4': 0 },
      expect: {
        total: null,
        positive: false,
        domains: {
          tobacco: { total: 0, positive: false },
          alcohol: { total: 0, positive: false },
          drugs: { total: 0, positive: false },
          prescription: { total: 0, positive: false },
        },
      },
    },
    {
      name: 'less than monthly alcohol, daily tobacco',
      answers: { '1': 4, '2': 1, '3': 0, '4': 0 },
      expect: {
        positive: true,
        domains: {
          tobacco: { total: 4, positive: true },
          alcohol: { total: 1, positive: true },
          drugs: { total: 0, positive: false },
          prescription: { total: 0, positive: false },
        },
      },
    },
    { name: 'prescription misuse only', answers: { '1': 0, '2': 0, '3': 0, '4': 2 }, expect: { positive: true } },
  ]);
});

test('ASQ: any yes or refusal on 1–4 is positive; question 5 decides acute; question 5 is asked only then', async () => {
  const no4 = { '1': 'no', '2': 'no', '3': 'no', '4': 'no' };
  await runTable('asq', [
    { name: 'all no', answers: no4, expect: { result: 'negative', positive: false, critical: false, total: null, band: null } },
    {
      name: 'yes on 1, no on 5',
      answers: { ...no4, '1': 'yes', '5': 'no' },
      expect: { result: 'non-acute-positive', positive: true, critical: false },
    },
    {
      name: 'yes on 4, yes on 5',
      answers: { ...no4, '4': 'yes', '5': 'yes' },
      expect: { result: 'acute-positive', positive: true, critical: true, criticalItems: ['5'] },
    },
    {
      name: 'refused 3, no on 5',
      answers: { ...no4, '3': 'refused', '5': 'no' },
      expect: { result: 'non-acute-positive', positive: true },
    },
    { name: 'refused 5', answers: { ...no4, '2': 'yes', '5': 'refused' }, expect: { result: 'acute-positive', critical: true } },
  ]);
  const notAsked = await staff.post('/api/instruments/asq/score', { answers: { ...no4, '5': 'no' } });
  assert.equal(notAsked.status, 422);
  assert.equal(errorsOf(notAsked)[0]!.code, 'item-not-asked');
  assert.equal(errorsOf(notAsked)[0]!.path, '/answers/5');
  const missing5 = await staff.post('/api/instruments/asq/score', { answers: { ...no4, '1': 'yes' } });
  assert.equal(missing5.status, 422);
  assert.deepEqual(
    errorsOf(missing5).map((e) => [e.path, e.code]),
    [['/answers/5', 'answer-required']],
  );
});

test('AHC HRSN: each domain on its own; safety positive above 10 (11+) and critical', async () => {
  const none: Answers = { '1': 0, '2': [0], '3': 0, '4': 0, '5': [0], '6': 0, '7': 1, '8': 1, '9': 1, '10': 1 };
  const domains = (overrides: Record<string, { total: number; positive: boolean }>) => ({
    housing: { total: 0, positive: false },
    'housing-quality': { total: 0, positive: false },
    food: { total: 0, positive: false },
    transportation: { total: 0, positive: false },
    utilities: { total: 0, positive: false },
    safety: { total: 4, positive: false },
    ...overrides,
  });
  await runTable('ahc-hrsn', [
    { name: 'no needs', answers: none, expect: { positive: false, critical: false, total: null, domains: domains({}) } },
    {
      name: 'worried about losing housing',
      answers: { ...none, '1': 1 },
      expect: { positive: true, domains: domains({ housing: { total: 1, positive: true } }) },
    },
    { name: 'no housing', answers: { ...none, '1': 2 }, expect: { domains: domains({ housing: { total: 2, positive: true } }) } },
    {
      name: 'mold and leaks',
      answers: { ...none, '2': [2, 7] },
      expect: { domains: domains({ 'housing-quality': { total: 2, positive: true } }) },
    },
    { name: 'food sometimes true', answers: { ...none, '4': 1 }, expect: { domains: domains({ food: { total: 1, positive: true } }) } },
    {
      name: 'transportation, medical',
      answers: { ...none, '5': [1] },
      expect: { domains: domains({ transportation: { total: 1, positive: true } }) },
    },
    { name: 'utilities shut off', answers: { ...none, '6': 2 }, expect: { domains: domains({ utilities: { total: 2, positive: true } }) } },
    {
      name: 'utilities threatened',
      answers: { ...none, '6': 1 },
      expect: { domains: domains({ utilities: { total: 1, positive: true } }) },
    },
    {
      name: 'safety 10',
      answers: { ...none, '7': 4, '8': 3, '9': 2, '10': 1 },
      expect: { positive: false, critical: false, domains: domains({ safety: { total: 10, positive: false } }) },
    },
    {
      name: 'safety 11',
      answers: { ...none, '7': 5, '8': 3, '9': 2, '10': 1 },
      expect: {
        positive: true,
        critical: true,
        criticalItems: ['7', '8', '9', '10'],
        domains: domains({ safety: { total: 11, positive: true } }),
      },
    },
    {
      name: 'safety maximum',
      answers: { ...none, '7': 5, '8': 5, '9': 5, '10': 5 },
      expect: { domains: domains({ safety: { total: 20, positive: true } }) },
    },
  ]);
  const mixed = await staff.post('/api/instruments/ahc-hrsn/score', { answers: { ...none, '2': [0, 3] } });
  assert.equal(mixed.status, 422);
  assert.equal(errorsOf(mixed)[0]!.path, '/answers/2');
});

test('BARC-10: 10–60, in the remission range at 47', async () => {
  await runTable('barc-10', [
    { name: 'minimum', answers: spread(10, 10, 1), expect: { total: 10, band: 'lower', positive: false } },
    { name: '46', answers: barc(46), expect: { total: 46, band: 'lower', positive: false } },
    { name: '47', answers: barc(47), expect: { total: 47, band: 'higher', positive: true } },
    { name: 'maximum', answers: barc(60), expect: { total: 60, band: 'higher', positive: true } },
  ]);
});

/** BARC-10 answers (each 1–6) giving `total`. */
function barc(total: number): Answers {
  const extra = spread(10, total - 10, 5);
  return Object.fromEntries(Object.entries(extra).map(([id, value]) => [id, (value as number) + 1]));
}

test('COWS: only the published scores per item; bands 5–12, 13–24, 25–36, above 36', async () => {
  const zero = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [String(index + 1), 0]));
  const max = { '1': 4, '2': 4, '3': 5, '4': 5, '5': 4, '6': 4, '7': 5, '8': 4, '9': 4, '10': 4, '11': 5 };
  await runTable('cows', [
    { name: 'minimum', answers: zero, expect: { total: 0, band: 'none', positive: null } },
    { name: '4', answers: { ...zero, '1': 4 }, expect: { total: 4, band: 'none' } },
    { name: '5', answers: { ...zero, '1': 4, '2': 1 }, expect: { total: 5, band: 'mild' } },
    { name: '12', answers: { ...zero, '1': 4, '2': 4, '3': 3, '4': 1 }, expect: { total: 12, band: 'mild' } },
    { name: '13', answers: { ...zero, '1': 4, '2': 4, '3': 5 }, expect: { total: 13, band: 'moderate' } },
    { name: '24', answers: { ...zero, '1': 4, '2': 4, '3': 5, '4': 5, '5': 4, '6': 2 }, expect: { total: 24, band: 'moderate' } },
    {
      name: '25',
      answers: { ...zero, '1': 4, '2': 4, '3': 5, '4': 5, '5': 4, '6': 2, '7': 1 },
      expect: { total: 25, band: 'moderately-severe' },
    },
    { name: '36', answers: { ...max, '8': 2, '9': 0, '10': 0, '11': 3 }, expect: { total: 36, band: 'moderately-severe' } },
    { name: '37', answers: { ...max, '8': 2, '9': 1, '10': 0, '11': 3 }, expect: { total: 37, band: 'severe' } },
    { name: 'maximum', answers: max, expect: { total: 48, band: 'severe' } },
  ]);
  for (const [item, value] of [
    ['1', 3],
    ['3', 2],
    ['4', 3],
    ['11', 1],
  ] as const) {
    const response = await staff.post('/api/instruments/cows/score', { answers: { ...zero, [item]: value } });
    assert.equal(response.status, 422, `COWS item ${item} = ${value}`);
    assert.equal(errorsOf(response)[0]!.code, 'answer-not-allowed');
    assert.equal(errorsOf(response)[0]!.params.item, item);
  }
});

test('CIWA-Ar: nine items 0–7 and orientation 0–4, total 0–67; default bands ≤9, 10–18, ≥19', async () => {
  const zero = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [String(index + 1), 0]));
  await runTable('ciwa-ar', [
    { name: 'minimum', answers: zero, expect: { total: 0, band: 'minimal', positive: null } },
    { name: '9', answers: { ...zero, '1': 7, '2': 2 }, expect: { total: 9, band: 'minimal' } },
    { name: '10', answers: { ...zero, '1': 7, '2': 3 }, expect: { total: 10, band: 'moderate' } },
    { name: '18', answers: { ...zero, '1': 7, '2': 7, '10': 4 }, expect: { total: 18, band: 'moderate' } },
    { name: '19', answers: { ...zero, '1': 7, '2': 7, '3': 1, '10': 4 }, expect: { total: 19, band: 'severe' } },
    { name: 'maximum', answers: { ...spread(9, 63, 7), '10': 4 }, expect: { total: 67, band: 'severe' } },
  ]);
  const orientation = await staff.post('/api/instruments/ciwa-ar/score', { answers: { ...zero, '10': 5 } });
  assert.equal(orientation.status, 422);
  assert.equal(errorsOf(orientation)[0]!.path, '/answers/10');
});

test('invalid answers: each named, nothing scored', async () => {
  const base = phq9(5);
  const unknown = await staff.post('/api/instruments/phq-9/score', { answers: { ...base, '11': 1 } });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.code, 'invalid-answers');
  assert.deepEqual(errorsOf(unknown)[0], {
    path: '/answers/11',
    code: 'unknown-item',
    params: { item: '11' },
    message: 'item 11 is not in PHQ-9',
  });

  const { '4': _dropped, ...missing } = base;
  const missed = await staff.post('/api/instruments/phq-9/score', { answers: missing });
  assert.equal(missed.status, 422);
  assert.equal(errorsOf(missed)[0]!.path, '/answers/4');
  assert.equal(errorsOf(missed)[0]!.code, 'answer-required');

  for (const bad of [4, -1, 'yes', 'refused', [1]]) {
    const response = await staff.post('/api/instruments/phq-9/score', { answers: { ...base, '3': bad } });
    assert.ok([400, 422].includes(response.status), `PHQ-9 item 3 = ${JSON.stringify(bad)} → ${response.status}`);
    assert.match(errorsOf(response)[0]!.path, /^\/answers\/3/, JSON.stringify(bad));
  }
  const yesNo = await staff.post('/api/instruments/asq/score', { answers: { '1': 1, '2': 'no', '3': 'no', '4': 'no' } });
  assert.equal(yesNo.status, 422);
  assert.equal(errorsOf(yesNo)[0]!.path, '/answers/1');

  const noSex = await staff.post('/api/instruments/audit-c/score', { answers: { '1': 1, '2': 1, '3': 1 } });
  assert.equal(noSex.status, 422);
  assert.equal(errorsOf(noSex)[0]!.path, '/context/sex');
  assert.equal(errorsOf(noSex)[0]!.code, 'context-required');

  assert.equal((await staff.post('/api/instruments/no-such/score', { answers: {} })).status, 404);
});
