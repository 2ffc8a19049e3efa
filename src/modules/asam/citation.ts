import type { Executor } from '../../lib/audit/audit.ts';
import { fieldError } from '../../lib/errors.ts';

/**
 * A placement cites the ASAM review it follows from: a completed review of the same episode.
 * Called inside the placement's checked write. Any other id — another episode's review, which
 * may be another patient's, or none at all — gets the same answer, so nothing leaks.
 */
export async function checkCitedReview(executor: Executor, episodeId: string, reviewId: string, path = '/asamReviewId'): Promise<void> {
  const review = await executor.selectFrom('asamReviews').select(['episodeId', 'status']).where('id', '=', reviewId).executeTakeFirst();
  if (review?.episodeId !== episodeId) throw fieldError(path, 'asam-review-other-episode', 'is not an ASAM review of this episode');
  if (review.status !== 'completed')
    throw fieldError(path, 'asam-review-not-usable', `is ${review.status}: cite a completed review`, { status: review.status });
}
