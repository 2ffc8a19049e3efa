import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A need in the episode the episodes module's fixture opened, and a strength of its patient. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ids }) => {
  const need = expectCreated(
    'record a need',
    await owner.post<{ id: string }>(`/api/episodes/${ids.get('episode') ?? ''}/needs`, { domain: 'housing', urgency: 'soon' }),
  );
  ids.set('need', need.id);
  const strength = expectCreated(
    'add a strength',
    await owner.post<{ id: string }>(`/api/patients/${ids.get('patient') ?? ''}/strengths`, {
      domain: 'employment',
      kind: 'skill',
      description: 'Skilled carpenter',
    }),
  );
  ids.set('strength', strength.id);
};
