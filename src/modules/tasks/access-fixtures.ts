import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A task of the patient in the episode the episodes module's fixture opened, assigned to the owner. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, today, ids }) => {
  const task = expectCreated(
    'create a task',
    await owner.post<{ id: string }>(`/api/patients/${ids.get('patient') ?? ''}/tasks`, {
      title: 'Call back about the housing application',
      dueOn: today,
      episodeId: ids.get('episode'),
    }),
  );
  ids.set('task', task.id);
};
