import type { WebModule } from '../../app/webModule.ts';
import { taskMessages } from './messages.ts';

/** Tasks have no page of their own: they live on the patient (PatientTasks) and on Today (TodayTask). */
export const tasksModule: WebModule<typeof taskMessages> = {
  name: 'tasks',
  messages: [taskMessages],
  routes: [],
  patientSections: [{ key: 'tasks', order: 30, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
};
