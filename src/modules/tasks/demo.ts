import type { SeedDemo } from '../../cli/demo-world.ts';
import { isoDay } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';

const DONE = [
  'Call back about the housing application',
  'Send the release of information to the clinic',
  'Confirm the intake appointment at outpatient',
  'Check in after the first week',
  'Help fill in the SNAP application',
];
const OPEN = [
  'Follow up with probation about the check-in',
  'Confirm Thursday’s ride to the clinic',
  'Call the pharmacy about the refill',
  'Ask about the sober-living bed',
  'Check whether the Medicaid card arrived',
];
const PATIENT_STEPS = ['Bring a photo ID to the housing office', 'Call the clinic to confirm the appointment'];

/**
 * Tasks for every demo episode: a few done over the past weeks, one or two still open (some
 * overdue, some due today, some later), and now and then a step of the person's own — so
 * Today and the timeline have something true-looking from the first sign-in.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random, pick } = world;
  const episodes = await tx
    .selectFrom('episodes')
    .innerJoin('careTeamMembers as m', (join) => join.onRef('m.episodeId', '=', 'episodes.id').on('m.role', '=', 'primary-case-manager'))
    .select(['episodes.id', 'episodes.patientId', 'episodes.openedOn', 'episodes.closedOn', 'm.userId'])
    .where('episodes.organizationId', '=', organizationId)
    .execute();
  const day = 86_400_000;
  let count = 0;
  for (const episode of episodes) {
    const owner = episode.userId ?? world.staff[0]!.id;
    const opened = new Date(`${episode.openedOn}T15:00:00Z`).getTime();
    const tasks: { title: string; due: Date; done: boolean; patient: boolean }[] = [];
    for (let i = 0; i < 1 + Math.floor(random() * 4); i += 1) {
      const due = new Date(opened + (7 + Math.floor(random() * 80)) * day);
      if (due < world.today) tasks.push({ title: pick(DONE), due, done: true, patient: false });
    }
    if (episode.closedOn === null) {
      for (let i = 0; i < 1 + Math.floor(random() * 2); i += 1)
        tasks.push({
          title: pick(OPEN),
          due: new Date(world.today.getTime() + Math.floor(random() * 10 - 4) * day),
          done: false,
          patient: false,
        });
      if (random() < 0.3)
        tasks.push({ title: pick(PATIENT_STEPS), due: new Date(world.today.getTime() + 3 * day), done: false, patient: true });
    }
    for (const task of tasks) {
      const id = newId();
      const createdAt = new Date(Math.max(opened, task.due.getTime() - 6 * day));
      const doneAt = new Date(task.due.getTime() - Math.floor(random() * 2) * day);
      await tx
        .insertInto('tasks')
        .values({
          id,
          organizationId,
          patientId: episode.patientId,
          episodeId: episode.id,
          title: task.title,
          assigneeUserId: task.patient ? null : owner,
          assignedToPatient: task.patient,
          dueOn: isoDay(task.due),
          priority: random() < 0.2 ? 'high' : 'normal',
          status: task.done ? 'done' : 'open',
          statusChangedBy: task.done ? owner : null,
          statusChangedAt: task.done ? doneAt : null,
          createdBy: owner,
          createdAt,
        })
        .execute();
      const event = { organizationId, patientId: episode.patientId, taskId: id, actorId: owner };
      await tx
        .insertInto('taskEvents')
        .values({ id: newId(), ...event, event: 'created', at: createdAt })
        .execute();
      if (task.done)
        await tx
          .insertInto('taskEvents')
          .values({ id: newId(), ...event, event: 'done', at: doneAt })
          .execute();
      await world.audit({ action: 'create', recordType: 'task', recordId: id, patientId: episode.patientId, details: { via: 'demo' } });
      count += 1;
    }
  }
  return `${count} tasks (done, open, overdue and due today)`;
};
