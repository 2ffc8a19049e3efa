import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { todayIn } from '../../lib/dates.ts';

/**
 * ASAM reviews in an episode: ratings and levels save as they go, completion needs all six
 * dimensions, the three levels and a reason when they differ; a completed review never changes
 * and a correction supersedes it; a placement cites a completed review of its own episode only;
 * outsiders get 404, audited.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);
const outsiderMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, outsiderMade.user.id);
const outsider = await signedIn(t.app, outsiderMade);

interface Review {
  id: string;
  status: string;
  version: number;
  edition: string;
  dimensions: { dimension: number; rating: number | null; notes: string | null }[];
  chosenLevel: string | null;
  differenceReason: string | null;
  supersedesId: string | null;
  supersededById: string | null;
}
interface Problem {
  code?: string;
  errors?: { path: string; code: string }[];
}

async function episode(): Promise<string> {
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: today,
    phase: 'intake',
    primaryCaseManagerId: cmMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return opened.body.id;
}

const allRated = {
  '1': { rating: 1 },
  '2': { rating: 0 },
  '3': { rating: 2, notes: 'Low mood' },
  '4': { rating: 2 },
  '5': { rating: 3 },
  '6': { rating: 2 },
};

async function completedReview(episodeId: string, levels = { indicatedLevel: '2.1', availableLevel: '2.1', chosenLevel: '2.1' }) {
  const started = await cm.post<Review>(`/api/episodes/${episodeId}/asam-reviews`, { edition: 'asam-3' });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const filled = await cm.patch<Review>(`/api/asam-reviews/${started.body.id}`, {
    version: started.body.version,
    dimensions: allRated,
    ...levels,
  });
  assert.equal(filled.status, 200, JSON.stringify(filled.body));
  const done = await cm.post<Review>(`/api/asam-reviews/${started.body.id}/completion`, { version: filled.body.version });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return done.body;
}

test('a review saves as it goes and completes only when whole; differing levels need a reason', async () => {
  const episodeId = await episode();
  const started = await cm.post<Review>(`/api/episodes/${episodeId}/asam-reviews`, { edition: 'asam-4' });
  assert.equal(started.status, 201);
  assert.equal(started.headers.location, `/api/asam-reviews/${started.body.id}`);
  assert.deepEqual(
    started.body.dimensions.map((d) => d.dimension),
    [1, 2, 3, 4, 5, 6],
  );

  // A 3rd-edition code in a 4th-edition review is refused, naming the field.
  const wrongLevel = await cm.patch<Problem>(`/api/asam-reviews/${started.body.id}`, {
    version: started.body.version,
    indicatedLevel: '3.3',
  });
  assert.equal(wrongLevel.status, 400);
  assert.deepEqual(
    wrongLevel.body.errors?.map((e) => [e.path, e.code]),
    [['/indicatedLevel', 'unknown-level']],
  );
  const badRating = await cm.patch<Problem>(`/api/asam-reviews/${started.body.id}`, {
    version: started.body.version,
    dimensions: { '1': { rating: 5 } },
  });
  assert.equal(badRating.status, 400);

  const partly = await cm.patch<Review>(`/api/asam-reviews/${started.body.id}`, {
    version: started.body.version,
    dimensions: { '1': { rating: 1, notes: 'No withdrawal signs' }, '2': { rating: 0 } },
    indicatedLevel: '3.5',
    availableLevel: '2.5',
    chosenLevel: '2.5',
  });
  assert.equal(partly.status, 200, JSON.stringify(partly.body));
  assert.equal(partly.body.dimensions[0]?.notes, 'No withdrawal signs');

  // A stale version is 409.
  assert.equal((await cm.patch(`/api/asam-reviews/${started.body.id}`, { version: started.body.version, chosenLevel: '3.5' })).status, 409);

  const early = await cm.post<Problem>(`/api/asam-reviews/${started.body.id}/completion`, { version: partly.body.version });
  assert.equal(early.status, 422);
  assert.deepEqual(
    early.body.errors?.map((e) => e.path),
    ['/dimensions/3/rating', '/dimensions/4/rating', '/dimensions/5/rating', '/dimensions/6/rating'],
  );
  const rated = await cm.patch<Review>(`/api/asam-reviews/${started.body.id}`, { version: partly.body.version, dimensions: allRated });
  const noReason = await cm.post<Problem>(`/api/asam-reviews/${started.body.id}/completion`, { version: rated.body.version });
  assert.equal(noReason.status, 422);
  assert.deepEqual(
    noReason.body.errors?.map((e) => [e.path, e.code]),
    [['/differenceReason', 'difference-reason-required']],
  );
  const reasoned = await cm.patch<Review>(`/api/asam-reviews/${started.body.id}`, {
    version: rated.body.version,
    differenceReason: 'No residential bed for three weeks; high-intensity outpatient meanwhile',
  });
  const done = await cm.post<Review>(`/api/asam-reviews/${started.body.id}/completion`, { version: reasoned.body.version });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'completed');

  // Completed: never edited (409); corrected by a new review with a reason.
  const edit = await cm.patch<Problem>(`/api/asam-reviews/${started.body.id}`, { version: done.body.version, chosenLevel: '3.5' });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.code, 'asam-review-not-in-progress');
  assert.equal((await cm.post(`/api/asam-reviews/${started.body.id}/corrections`, { version: done.body.version })).status, 400);
  const correction = await cm.post<Review>(`/api/asam-reviews/${started.body.id}/corrections`, {
    version: done.body.version,
    reason: 'Dimension 5 was rated for the wrong patient history',
  });
  assert.equal(correction.status, 201, JSON.stringify(correction.body));
  assert.equal(correction.body.status, 'in-progress');
  assert.equal(correction.body.supersedesId, started.body.id);
  assert.equal(correction.body.chosenLevel, '2.5');
  const old = await cm.get<Review>(`/api/asam-reviews/${started.body.id}`);
  assert.equal(old.body.status, 'superseded');
  assert.equal(old.body.supersededById, correction.body.id);
  const again = await cm.post<Problem>(`/api/asam-reviews/${started.body.id}/corrections`, { version: old.body.version, reason: 'again' });
  assert.equal(again.body.code, 'asam-review-already-corrected');

  const episodeView = await cm.get<{ asamReviews: Review[] }>(`/api/episodes/${episodeId}`);
  assert.deepEqual(
    episodeView.body.asamReviews.map((r) => r.status),
    ['in-progress', 'superseded'],
  );
  // The corrected review stays on the patient's timeline, marked so, with the level chosen.
  const patient = await cm.get<{ patientId: string }>(`/api/episodes/${episodeId}`);
  const timeline = await cm.get<{ items: { recordId: string; summary: { code: string } }[] }>(
    `/api/patients/${patient.body.patientId}/timeline?kinds=asam-review`,
  );
  assert.equal(timeline.status, 200);
  assert.deepEqual(
    timeline.body.items.filter((item) => item.recordId === started.body.id).map((item) => item.summary.code),
    ['asam-review-corrected'],
  );
});

test('a placement cites a completed review of its own episode, and nothing else', async () => {
  const episodeId = await episode();
  const otherEpisodeId = await episode();
  const review = await completedReview(episodeId);
  const elsewhere = await completedReview(otherEpisodeId);
  const body = { levelEdition: 'asam-3', levelCode: '2.1', startDate: today };

  const foreign = await cm.post<Problem>(`/api/episodes/${episodeId}/placements`, { ...body, asamReviewId: elsewhere.id });
  assert.equal(foreign.status, 400);
  assert.deepEqual(
    foreign.body.errors?.map((e) => [e.path, e.code]),
    [['/asamReviewId', 'asam-review-other-episode']],
  );

  const draft = await cm.post<Review>(`/api/episodes/${episodeId}/asam-reviews`, { edition: 'asam-3' });
  const unfinished = await cm.post<Problem>(`/api/episodes/${episodeId}/placements`, { ...body, asamReviewId: draft.body.id });
  assert.deepEqual(
    unfinished.body.errors?.map((e) => [e.path, e.code]),
    [['/asamReviewId', 'asam-review-not-usable']],
  );

  const placed = await cm.post<{ id: string; version: number; asamReviewId: string | null }>(`/api/episodes/${episodeId}/placements`, {
    ...body,
    asamReviewId: review.id,
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.asamReviewId, review.id);

  const moved = await cm.patch<Problem>(`/api/placements/${placed.body.id}`, { version: placed.body.version, asamReviewId: elsewhere.id });
  assert.equal(moved.status, 400);
  assert.equal(moved.body.errors?.[0]?.path, '/asamReviewId');
});

test('someone outside the care team gets 404 on every ASAM route, audited', async () => {
  const episodeId = await episode();
  const started = await cm.post<Review>(`/api/episodes/${episodeId}/asam-reviews`, { edition: 'asam-3' });
  const calls = [
    outsider.get(`/api/asam-reviews/${started.body.id}`),
    outsider.get(`/api/episodes/${episodeId}/asam-reviews`),
    outsider.post(`/api/episodes/${episodeId}/asam-reviews`, { edition: 'asam-3' }),
    outsider.patch(`/api/asam-reviews/${started.body.id}`, { version: started.body.version, chosenLevel: '1' }),
    outsider.post(`/api/asam-reviews/${started.body.id}/completion`, { version: started.body.version }),
    outsider.post(`/api/asam-reviews/${started.body.id}/corrections`, { version: started.body.version, reason: 'x' }),
  ];
  for (const response of await Promise.all(calls)) assert.equal(response.status, 404);
  const denied = await t.db
    .selectFrom('auditEvents')
    .select('id')
    .where('actorUserId', '=', outsiderMade.user.id)
    .where('action', '=', 'access-denied')
    .execute();
  assert.equal(denied.length, 6);
  assert.equal((await cm.get<Review>(`/api/asam-reviews/${started.body.id}`)).body.chosenLevel, null, 'nothing was written');
});
