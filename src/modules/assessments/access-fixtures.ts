import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A PHQ-2 started by the owner in the episode the episodes module's fixture opened. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ids }) => {
  const assessment = expectCreated(
    'start an assessment',
    await owner.post<{ id: string }>(`/api/episodes/${ids.get('episode') ?? ''}/assessments`, {
      instrumentKey: 'phq-2',
      mode: 'in-person',
    }),
  );
  ids.set('assessment', assessment.id);
};
