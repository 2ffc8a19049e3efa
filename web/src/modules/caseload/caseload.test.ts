import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countPeople, daysBetween, distinctOptions, filterCaseload, levelValue, sortCaseload, type CaseloadRow } from './caseload.ts';

const row = (id: string, over: Partial<CaseloadRow>): CaseloadRow => ({
  episodeId: id,
  patientId: `p-${id}`,
  legalFirstName: 'A',
  legalLastName: 'A',
  preferredName: null,
  programId: 'p1',
  programName: 'Outpatient',
  phase: 'intake',
  levelEdition: null,
  levelCode: null,
  openedOn: '2025-01-01',
  ...over,
});

const rows = [
  row('1', { legalLastName: 'Zamora', phase: 'outreach', openedOn: '2025-03-01' }),
  row('2', { legalLastName: 'Álvarez', programId: 'p2', programName: 'MOUD', levelEdition: 'asam-3', levelCode: '2.1' }),
  row('3', { legalLastName: 'Baker', openedOn: '2024-12-31', levelEdition: 'asam-3', levelCode: '2.1' }),
];
const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
const labels = {
  name: (r: CaseloadRow) => `${r.legalLastName}, ${r.preferredName ?? r.legalFirstName}`,
  phase: (r: CaseloadRow) => r.phase,
  level: (r: CaseloadRow) => levelValue(r),
};

test('the caseload sorts by name with accents in reading order, and both ways by date', () => {
  const byName = sortCaseload(rows, { key: 'name', direction: 'asc' }, labels, collator).map((r) => r.legalLastName);
  assert.deepEqual(byName, ['Álvarez', 'Baker', 'Zamora']);
  const newest = sortCaseload(rows, { key: 'openedOn', direction: 'desc' }, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(newest, ['1', '2', '3']);
  // Ties fall back to the name.
  const byLevel = sortCaseload(rows, { key: 'level', direction: 'asc' }, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(byLevel, ['2', '3', '1']);
});

test('filters combine, and "none" finds episodes without a placement', () => {
  assert.deepEqual(
    filterCaseload(rows, { programId: 'p1', phase: null, level: 'asam-3:2.1' }).map((r) => r.episodeId),
    ['3'],
  );
  assert.deepEqual(
    filterCaseload(rows, { programId: null, phase: null, level: 'none' }).map((r) => r.episodeId),
    ['1'],
  );
  assert.equal(filterCaseload(rows, { programId: null, phase: null, level: null }).length, 3);
});

test('filter options list each value once, by label', () => {
  const options = distinctOptions(
    rows,
    (r) => r.programId,
    (r) => r.programName,
    collator,
  );
  assert.deepEqual(options, [
    { value: 'p2', label: 'MOUD' },
    { value: 'p1', label: 'Outpatient' },
  ]);
});

test('the count is of people: one person on episodes in two programs counts once', () => {
  const twoPrograms = [row('1', { patientId: 'same' }), row('2', { patientId: 'same', programId: 'p2' }), row('3', {})];
  assert.equal(countPeople(twoPrograms), 2);
  assert.equal(countPeople([]), 0);
});

test('the work list sorts by days in phase (most first when descending) and by the next planned end, none last', () => {
  const work = [
    row('a', { phaseStartedOn: '2025-03-01', nextPlannedEnd: null }),
    row('b', { phaseStartedOn: '2025-01-01', nextPlannedEnd: '2025-04-10' }),
    row('c', { phaseStartedOn: '2025-02-01', nextPlannedEnd: '2025-04-01' }),
  ];
  const ids = (sort: Parameters<typeof sortCaseload>[1]) => sortCaseload(work, sort, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(ids({ key: 'daysInPhase', direction: 'desc' }), ['b', 'c', 'a']);
  assert.deepEqual(ids({ key: 'daysInPhase', direction: 'asc' }), ['a', 'c', 'b']);
  assert.deepEqual(ids({ key: 'nextPlannedEnd', direction: 'asc' }), ['c', 'b', 'a']);
  assert.deepEqual(ids({ key: 'nextPlannedEnd', direction: 'desc' }), ['b', 'c', 'a']);
  assert.equal(daysBetween('2025-02-27', '2025-03-01'), 2);
});

test('the work list filters to levels of care planned to end by a day (transitions to plan)', () => {
  const work = [row('a', { nextPlannedEnd: null }), row('b', { nextPlannedEnd: '2025-04-10' }), row('c', { nextPlannedEnd: '2025-04-30' })];
  const ids = filterCaseload(work, { programId: null, phase: null, level: null, endingBy: '2025-04-14' }).map((r) => r.episodeId);
  assert.deepEqual(ids, ['b']);
  assert.equal(filterCaseload(work, { programId: null, phase: null, level: null, endingBy: null }).length, 3);
});

test('the caseload sorts by next contact due (soonest first, none last) and by last contact (never contacted first)', () => {
  const contacted = [
    row('a', { legalLastName: 'Cruz', lastContactAt: '2025-03-02T15:00:00Z', nextDueOn: '2025-03-09' }),
    row('b', { legalLastName: 'Diaz', lastContactAt: null, nextDueOn: '2025-01-08' }),
    row('c', { legalLastName: 'Evans', lastContactAt: '2025-02-20T15:00:00Z', nextDueOn: null }),
  ];
  const due = sortCaseload(contacted, { key: 'nextDue', direction: 'asc' }, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(due, ['b', 'a', 'c']);
  const dueLast = sortCaseload(contacted, { key: 'nextDue', direction: 'desc' }, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(dueLast, ['a', 'b', 'c']);
  const last = sortCaseload(contacted, { key: 'lastContact', direction: 'asc' }, labels, collator).map((r) => r.episodeId);
  assert.deepEqual(last, ['b', 'c', 'a']);
});
