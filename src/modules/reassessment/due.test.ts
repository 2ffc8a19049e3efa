import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueItems, type EpisodeFacts } from './due.ts';

const episode = (facts: Partial<EpisodeFacts> = {}): EpisodeFacts => ({
  phase: 'primary-treatment',
  closedOn: null,
  phases: [
    { phase: 'intake', startedOn: '2026-01-05' },
    { phase: 'primary-treatment', startedOn: '2026-01-12' },
  ],
  completions: [],
  ...facts,
});

test('intake: due the day intake began, overdue after the grace days, done once given', () => {
  const rule = [{ instrumentKey: 'phq-9', when: 'intake' as const }];
  assert.equal(dueItems(rule, episode(), '2026-01-12')[0]?.status, 'due'); // the 7th grace day
  assert.equal(dueItems(rule, episode(), '2026-01-13')[0]?.status, 'overdue');
  assert.deepEqual(dueItems(rule, episode(), '2026-01-13')[0]?.dueOn, '2026-01-05');
  const done = dueItems(rule, episode({ completions: [{ instrumentKey: 'phq-9', completedOn: '2026-01-20' }] }), '2026-02-01')[0];
  assert.equal(done?.status, 'done');
  assert.equal(done?.lastDoneOn, '2026-01-20');
  // Another instrument does not count.
  assert.equal(
    dueItems(rule, episode({ completions: [{ instrumentKey: 'gad-7', completedOn: '2026-01-06' }] }), '2026-01-30')[0]?.status,
    'overdue',
  );
  // Still in outreach: intake has not begun, nothing is due yet.
  assert.deepEqual(
    dueItems(rule, episode({ phase: 'outreach', phases: [{ phase: 'outreach', startedOn: '2026-01-01' }] }), '2026-03-01'),
    [],
  );
  // Opened straight into treatment: intake counts from there.
  assert.equal(
    dueItems(rule, episode({ phases: [{ phase: 'primary-treatment', startedOn: '2026-02-01' }] }), '2026-02-01')[0]?.dueOn,
    '2026-02-01',
  );
});

test('every N days in a phase: from the current stay in the phase or the last completion, whichever is later', () => {
  const rule = [{ instrumentKey: 'phq-9', when: 'every' as const, phase: 'primary-treatment' as const, everyDays: 30, graceDays: 3 }];
  assert.deepEqual(dueItems(rule, episode(), '2026-02-10')[0], {
    instrumentKey: 'phq-9',
    when: 'every',
    phase: 'primary-treatment',
    everyDays: 30,
    dueOn: '2026-02-11',
    lastDoneOn: null,
    status: 'upcoming',
  });
  assert.equal(dueItems(rule, episode(), '2026-02-11')[0]?.status, 'due');
  assert.equal(dueItems(rule, episode(), '2026-02-14')[0]?.status, 'due');
  assert.equal(dueItems(rule, episode(), '2026-02-15')[0]?.status, 'overdue');
  // A completion during the stay moves the next one on.
  const given = episode({ completions: [{ instrumentKey: 'phq-9', completedOn: '2026-02-12' }] });
  assert.equal(dueItems(rule, given, '2026-03-01')[0]?.dueOn, '2026-03-14');
  assert.equal(dueItems(rule, given, '2026-03-01')[0]?.status, 'upcoming');
  // One given before this stay (at intake) does not: the stay starts the clock.
  const before = episode({ completions: [{ instrumentKey: 'phq-9', completedOn: '2026-01-06' }] });
  assert.equal(dueItems(rule, before, '2026-02-01')[0]?.dueOn, '2026-02-11');
  // A return to the phase starts a new stay.
  const back = episode({
    phases: [
      { phase: 'primary-treatment', startedOn: '2026-01-12' },
      { phase: 'continuing-care', startedOn: '2026-03-01' },
      { phase: 'primary-treatment', startedOn: '2026-04-01' },
    ],
  });
  assert.equal(dueItems(rule, back, '2026-04-02')[0]?.dueOn, '2026-05-01');
  // Another phase, or a closed episode: the rule does not apply.
  assert.deepEqual(dueItems(rule, episode({ phase: 'continuing-care' }), '2026-02-20'), []);
  assert.deepEqual(dueItems(rule, episode({ closedOn: '2026-02-01' }), '2026-02-20'), []);
});

test('discharge: waits while the episode is open; once closed it was done in time or missed', () => {
  const rule = [{ instrumentKey: 'barc-10', when: 'discharge' as const }];
  assert.equal(dueItems(rule, episode(), '2026-03-01')[0]?.status, 'at-discharge');
  assert.equal(
    dueItems(rule, episode({ completions: [{ instrumentKey: 'barc-10', completedOn: '2026-02-27' }] }), '2026-03-01')[0]?.status,
    'done',
  );
  const closed = { phase: 'closed' as const, closedOn: '2026-03-10' };
  assert.equal(
    dueItems(rule, episode({ ...closed, completions: [{ instrumentKey: 'barc-10', completedOn: '2026-03-03' }] }), '2026-04-01')[0]?.status,
    'done',
  );
  const late = dueItems(
    rule,
    episode({ ...closed, completions: [{ instrumentKey: 'barc-10', completedOn: '2026-03-02' }] }),
    '2026-04-01',
  )[0];
  assert.equal(late?.status, 'missed');
  assert.equal(late?.dueOn, '2026-03-10');
});
