import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** An episode whose primary case manager is the owner, a placement and an external team member. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ownerId, programId, today, ids }) => {
  const episode = expectCreated(
    'open an episode',
    await owner.post<{ id: string }>(`/api/patients/${ids.get('patient') ?? ''}/episodes`, {
      programId,
      referralSource: 'self',
      openedOn: today,
      phase: 'intake',
      primaryCaseManagerId: ownerId,
    }),
  );
  const placement = expectCreated(
    'place',
    await owner.post<{ id: string }>(`/api/episodes/${episode.id}/placements`, {
      levelEdition: 'asam-3',
      levelCode: '1',
      startDate: today,
    }),
  );
  const member = expectCreated(
    'add a team member',
    await owner.post<{ id: string }>(`/api/episodes/${episode.id}/care-team`, {
      role: 'probation-officer',
      startedOn: today,
      external: { name: 'Dana Whitfield', organization: 'County Probation' },
    }),
  );
  ids.set('episode', episode.id);
  ids.set('placement', placement.id);
  ids.set('care-team-member', member.id);
};
