import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoreResult } from '../instruments/scoring.ts';
import { needsFromScreen } from './proposals.ts';

const base: ScoreResult = { total: null, band: null, positive: false, critical: false, criticalItems: [] };
const ahc = (positive: string[]): ScoreResult => ({
  ...base,
  positive: positive.length > 0,
  domains: Object.fromEntries(
    ['housing', 'housing-quality', 'food', 'transportation', 'utilities', 'safety'].map((key) => [
      key,
      { total: 0, positive: positive.includes(key) },
    ]),
  ),
});

// Each row: instrument, result, answers → the needs proposed (domain, urgency, findings).
const cases: [string, ScoreResult, Record<string, unknown>, [string, string, string[]][]][] = [
  ['ahc-hrsn', ahc([]), {}, []],
  ['ahc-hrsn', ahc(['housing']), { '1': 2 }, [['housing', 'urgent', ['housing']]]],
  ['ahc-hrsn', ahc(['housing']), { '1': 1 }, [['housing', 'soon', ['housing']]]],
  ['ahc-hrsn', ahc(['housing-quality', 'utilities']), {}, [['housing', 'soon', ['housing-quality', 'utilities']]]],
  [
    'ahc-hrsn',
    ahc(['food', 'transportation']),
    {},
    [
      ['food', 'soon', ['food']],
      ['transportation', 'routine', ['transportation']],
    ],
  ],
  ['ahc-hrsn', ahc(['safety']), {}, [['safety', 'urgent', ['safety']]]],
  ['phq-9', { ...base, total: 12, positive: true }, {}, [['mental-health', 'soon', ['positive']]]],
  ['phq-9', { ...base, total: 4, positive: false, critical: true }, {}, [['mental-health', 'urgent', ['critical']]]],
  ['phq-9', { ...base, total: 4 }, {}, []],
  ['asq', { ...base, positive: true, result: 'acute-positive' }, {}, [['mental-health', 'urgent', ['acute-positive']]]],
  ['asq', { ...base, positive: true, result: 'non-acute-positive' }, {}, [['mental-health', 'soon', ['non-acute-positive']]]],
  ['asq', { ...base, result: 'negative' }, {}, []],
  ['audit-c', { ...base, total: 5, positive: true }, {}, [['substance-use', 'soon', ['positive']]]],
  [
    'taps-1',
    { ...base, positive: true, domains: { tobacco: { total: 1, positive: true }, alcohol: { total: 1, positive: true } } },
    {},
    [['substance-use', 'soon', ['tobacco', 'alcohol']]],
  ],
  ['barc-10', { ...base, total: 50, positive: true }, {}, []],
  ['cows', { ...base, total: 20, band: 'moderate', positive: null }, {}, []],
];

test('the mapping from screen results to proposed needs', () => {
  for (const [instrument, result, answers, expected] of cases) {
    assert.deepEqual(
      needsFromScreen(instrument, result, answers).map((need) => [need.domain, need.urgency, need.findings]),
      expected,
      `${instrument} ${JSON.stringify(result)}`,
    );
  }
});
