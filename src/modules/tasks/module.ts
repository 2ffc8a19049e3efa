import type { ServerModule } from '../../lib/modules.ts';
import { tasksSection } from './overview.ts';
import { taskEventKind, taskKind } from './records.ts';
import { taskRoutes } from './routes.ts';
import { taskTimeline } from './timeline.ts';
import { todayTasks } from './today.ts';

/** Tasks: every promise with a due date (docs/tasks.md); Today's `tasks` section and the timeline's task entries. */
export const tasksModule: ServerModule = {
  name: 'tasks',
  routes: taskRoutes,
  patientRecords: [taskKind, taskEventKind],
  // The patient's tasks, read with the overview (one screen, one audited read).
  overview: tasksSection,
  timeline: taskTimeline,
  today: todayTasks,
};
