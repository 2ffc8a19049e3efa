import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EPISODE_PHASES } from '../../codes.ts';
import { canMove, OPENING_PHASES } from './phases.ts';

// Every pair of phases, as a clinician would read it: may an episode go from here to there?
const ALLOWED = new Set([
  'outreach → intake',
  'outreach → primary-treatment',
  'outreach → closed',
  'intake → primary-treatment',
  'intake → continuing-care',
  'intake → closed',
  'primary-treatment → continuing-care',
  'primary-treatment → closed',
  'continuing-care → primary-treatment',
  'continuing-care → closed',
]);

test('the continuum allows exactly these moves and refuses every other', () => {
  for (const from of EPISODE_PHASES) {
    for (const to of EPISODE_PHASES) {
      assert.equal(canMove(from, to), ALLOWED.has(`${from} → ${to}`), `${from} → ${to}`);
    }
  }
  assert.ok(!(OPENING_PHASES as readonly string[]).includes('closed'));
});
