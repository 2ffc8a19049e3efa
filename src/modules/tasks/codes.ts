export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** open → done | cancelled; either can be reopened (a mistaken tick is undone, never deleted). */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What the timeline shows of a task: its history, one row each. */
export const TASK_EVENTS = ['created', 'reassigned', 'done', 'cancelled', 'reopened'] as const;
export type TaskEvent = (typeof TASK_EVENTS)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'tasks.priority': TASK_PRIORITIES,
  'tasks.status': TASK_STATUSES,
  'task_events.event': TASK_EVENTS,
};
