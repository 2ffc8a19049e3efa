import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** An ASAM review started by the owner in the episode the episodes module's fixture opened. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ids }) => {
  const review = expectCreated(
    'start an ASAM review',
    await owner.post<{ id: string }>(`/api/episodes/${ids.get('episode') ?? ''}/asam-reviews`, { edition: 'asam-3' }),
  );
  ids.set('asam-review', review.id);
};
