import { Type, type Static } from 'typebox';
import { DateOnly, Instant, ListQuery, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { TASK_PRIORITIES, TASK_STATUSES } from './codes.ts';

const Title = Text(200, { description: 'What is to be done: "Call back about the housing application"' });
const Priority = Type.Enum(TASK_PRIORITIES);

/** The record that gave rise to a task by hand ("call back Thursday" from a contact). */
const SourceRef = Type.Object(
  {
    recordType: Type.String({ pattern: '^[a-z]+(-[a-z]+)*$', maxLength: 60, examples: ['contact'] }),
    recordId: Uuid,
  },
  { additionalProperties: false },
);

/** A task of a patient: assigned to a staff member who can see the patient, or to the patient. */
export const CreatePatientTaskBody = Type.Object(
  {
    title: Title,
    dueOn: DateOnly,
    priority: Type.Optional(Priority),
    episodeId: Type.Optional(Uuid),
    assigneeUserId: Type.Optional(Uuid),
    assignedToPatient: Type.Optional(Type.Boolean({ description: 'The patient’s own step; no staff assignee then' })),
    source: Type.Optional(SourceRef),
  },
  { additionalProperties: false },
);
export type CreatePatientTaskBody = Static<typeof CreatePatientTaskBody>;

/** A staff member's own task (no patient): mine, or one of my staff's if I supervise them. */
export const CreateOwnTaskBody = Type.Object(
  {
    title: Title,
    dueOn: DateOnly,
    priority: Type.Optional(Priority),
    assigneeUserId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateOwnTaskBody = Static<typeof CreateOwnTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    version: Type.Optional(Version),
    title: Type.Optional(Title),
    dueOn: Type.Optional(DateOnly),
    priority: Type.Optional(Priority),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const ReassignTaskBody = Type.Object(
  {
    version: Version,
    assigneeUserId: Type.Optional(Uuid),
    assignedToPatient: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReassignTaskBody = Static<typeof ReassignTaskBody>;

/** Like the caseload reassignment: a supervisor moves a colleague's open tasks, in turn. */
export const TaskReassignmentBody = Type.Object(
  {
    fromUserId: Uuid,
    toUserIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    taskIds: Type.Optional(
      Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true, description: 'Only these; all of their open tasks when left out' }),
    ),
  },
  { additionalProperties: false },
);
export type TaskReassignmentBody = Static<typeof TaskReassignmentBody>;

export const PatientTasksQuery = Type.Object({
  status: Type.Optional(Type.Enum(TASK_STATUSES)),
  ...ListQuery,
});
export type PatientTasksQuery = Static<typeof PatientTasksQuery>;

export const TaskSchema = Type.Object({
  id: Uuid,
  patientId: Nullable(Uuid),
  episodeId: Nullable(Uuid),
  title: Type.String(),
  assigneeUserId: Nullable(Uuid),
  assigneeName: Nullable(Type.String()),
  assignedToPatient: Type.Boolean(),
  dueOn: DateOnly,
  priority: Priority,
  status: Type.Enum(TASK_STATUSES),
  statusChangedBy: Nullable(Uuid),
  statusChangedAt: Nullable(Instant),
  source: Nullable(
    Type.Object({
      kind: Type.String({ examples: ['referral-follow-up', 'contact'] }),
      recordType: Nullable(Type.String()),
      recordId: Nullable(Uuid),
    }),
  ),
  createdBy: Uuid,
  createdAt: Instant,
  version: Type.Integer(),
});

/** One item of the `tasks` section of Today. */
export const TodayTaskSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  patientId: Nullable(Uuid),
  patientName: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  staffId: Uuid,
  dueOn: DateOnly,
  priority: Priority,
  /** Days past due in the organization's time zone (0 = due today). */
  daysOverdue: Type.Integer({ minimum: 0 }),
  version: Type.Integer(),
});
