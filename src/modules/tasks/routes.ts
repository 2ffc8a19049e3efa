import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, page, problems, Uuid } from '../../lib/http/schemas.ts';
import type { ModuleOptions } from '../../lib/modules.ts';
import type { TaskView } from './presenter.ts';
import {
  CreateOwnTaskBody,
  CreatePatientTaskBody,
  PatientTasksQuery,
  ReassignTaskBody,
  TaskReassignmentBody,
  TaskSchema,
  UpdateTaskBody,
  VersionBody,
} from './schemas.ts';
import {
  closeTask,
  createOwnTask,
  createPatientTask,
  getTask,
  listPatientTasks,
  reassignTask,
  reassignTasks,
  reopenTask,
  updateTask,
} from './service.ts';

export const taskRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { registry }) => {
  const tags = ['tasks'];
  const answer = (reply: { header: (name: string, value: string) => unknown }, view: TaskView) => {
    reply.header('etag', `"${view.version}"`);
    return view;
  };

  app.get(
    '/api/patients/:id/tasks',
    {
      schema: {
        tags,
        summary: 'A patient’s tasks: open ones by due date, then done and cancelled ones',
        params: IdParams,
        querystring: PatientTasksQuery,
        response: { 200: page(TaskSchema), ...problems(400, 401, 404) },
      },
    },
    async (request) => listPatientTasks(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/patients/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Create a task of a patient (by hand, or from one of their records: `source`)',
        params: IdParams,
        body: CreatePatientTaskBody,
        response: { 201: TaskSchema, ...problems(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const view = await createPatientTask(app.db, contextOf(request), registry, request.params.id, request.body);
      return reply.code(201).header('location', `/api/tasks/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Create a staff member’s own task, about no patient',
        body: CreateOwnTaskBody,
        response: { 201: TaskSchema, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const view = await createOwnTask(app.db, contextOf(request), request.body);
      return reply.code(201).header('location', `/api/tasks/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/tasks/:id',
    { schema: { tags, summary: 'One task', params: IdParams, response: { 200: TaskSchema, ...problems(401, 404) } } },
    async (request, reply) => answer(reply, await getTask(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change an open task’s title, due date or priority',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await updateTask(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  for (const [path, status, summary] of [
    ['completion', 'done', 'Mark an open task done (who and when are recorded)'],
    ['cancellation', 'cancelled', 'Cancel an open task'],
  ] as const) {
    app.post(
      `/api/tasks/:id/${path}`,
      {
        schema: { tags, summary, params: IdParams, body: VersionBody, response: { 200: TaskSchema, ...problems(400, 401, 404, 409) } },
      },
      async (request, reply) => answer(reply, await closeTask(app.db, contextOf(request), request.params.id, request.body.version, status)),
    );
  }

  app.post(
    '/api/tasks/:id/reopening',
    {
      schema: {
        tags,
        summary: 'Reopen a task marked done or cancelled by mistake',
        params: IdParams,
        body: VersionBody,
        response: { 200: TaskSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => answer(reply, await reopenTask(app.db, contextOf(request), request.params.id, request.body.version)),
  );

  app.post(
    '/api/tasks/:id/reassignment',
    {
      schema: {
        tags,
        summary: 'Give an open task to another staff member (who can see the patient), or to the patient',
        params: IdParams,
        body: ReassignTaskBody,
        response: { 200: TaskSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => answer(reply, await reassignTask(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/task-reassignments',
    {
      schema: {
        tags,
        summary: 'A supervisor moves a colleague’s open tasks (all, or chosen ones) to colleagues, in turn',
        body: TaskReassignmentBody,
        response: {
          200: Type.Object({ moved: Type.Array(Type.Object({ taskId: Uuid, toUserId: Uuid })) }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (request) => ({ moved: await reassignTasks(app.db, contextOf(request), request.body) }),
  );
};
