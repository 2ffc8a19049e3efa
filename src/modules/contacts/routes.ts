import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { getCadence, setCadence } from './cadence.ts';
import { addAddendum, cosignNote, createNote, getNote, saveDraft, signNote } from './notes.ts';
import {
  AddendumBody,
  CadenceBody,
  CadenceSchema,
  ContactListQuery,
  ContactSchema,
  CreateContactBody,
  CreateNoteBody,
  EnteredInErrorBody,
  EpisodeContactsSchema,
  NoteSchema,
  SaveDraftBody,
  UpdateContactBody,
  VersionBody,
} from './schemas.ts';
import { createContact, getContact, listEpisodeContacts, listPatientContacts, markEnteredInError, updateContact } from './service.ts';

type Reply = { header: (name: string, value: string) => unknown };
const tagged = <T extends { version: number }>(reply: Reply, view: T): T => {
  reply.header('etag', `"${view.version}"`);
  return view;
};

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['contacts'];

  app.get(
    '/api/patients/:id/contacts',
    {
      schema: {
        tags,
        summary: 'A patient’s contacts, newest first',
        params: IdParams,
        querystring: ContactListQuery,
        response: { 200: page(ContactSchema), ...problems(400, 401, 404) },
      },
    },
    async (request) => listPatientContacts(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/patients/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Log a contact (optionally starting its note)',
        params: IdParams,
        body: CreateContactBody,
        response: { 201: ContactSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await createContact(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/contacts/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/episodes/:id/contacts',
    {
      schema: {
        tags,
        summary: 'An episode’s contact status (last contact, attempts, next due) and newest contacts',
        params: IdParams,
        response: { 200: EpisodeContactsSchema, ...problems(401, 404) },
      },
    },
    async (request) => listEpisodeContacts(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/contacts/:id',
    { schema: { tags, summary: 'One contact with its note', params: IdParams, response: { 200: ContactSchema, ...problems(401, 404) } } },
    async (request, reply) => tagged(reply, await getContact(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact (by who logged it, while its note is unsigned)',
        params: IdParams,
        body: UpdateContactBody,
        response: { 200: ContactSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await updateContact(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/contacts/:id/entered-in-error',
    {
      schema: {
        tags,
        summary: 'Mark a contact entered in error, with a reason (it is kept, and no longer counts)',
        params: IdParams,
        body: EnteredInErrorBody,
        response: { 200: ContactSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await markEnteredInError(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/contacts/:id/note',
    {
      schema: {
        tags,
        summary: 'Start the note of a contact (a draft)',
        params: IdParams,
        body: CreateNoteBody,
        response: { 201: NoteSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await createNote(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/notes/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/notes/:id',
    { schema: { tags, summary: 'One note with its addenda', params: IdParams, response: { 200: NoteSchema, ...problems(401, 404) } } },
    async (request, reply) => tagged(reply, await getNote(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/notes/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft (autosave); a stale save is 409 with the note as it is now in `current`',
        params: IdParams,
        body: SaveDraftBody,
        response: { 200: NoteSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await saveDraft(app.db, contextOf(request), request.params.id, () => versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/notes/:id/signature',
    {
      schema: {
        tags,
        summary: 'Sign a draft (its author): it never changes after',
        params: IdParams,
        body: VersionBody,
        response: { 200: NoteSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(reply, await signNote(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version))),
  );

  app.post(
    '/api/notes/:id/cosignature',
    {
      schema: {
        tags,
        summary: 'Co-sign a signed note (a supervisor of the program)',
        params: IdParams,
        body: VersionBody,
        response: { 200: NoteSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(reply, await cosignNote(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version))),
  );

  app.post(
    '/api/notes/:id/addenda',
    {
      schema: {
        tags,
        summary: 'Add a dated addendum to a signed note (its author or a supervisor of the program)',
        params: IdParams,
        body: AddendumBody,
        response: { 201: NoteSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await addAddendum(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/programs/:id/contact-cadence',
    {
      schema: {
        tags,
        summary: 'A program’s expected days between contacts, per phase',
        params: IdParams,
        response: { 200: CadenceSchema, ...problems(401, 404) },
      },
    },
    async (request, reply) => tagged(reply, await getCadence(app.db, contextOf(request), request.params.id)),
  );

  app.put(
    '/api/programs/:id/contact-cadence',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Set a program’s contact cadence (an admin or a supervisor of the program)',
        params: IdParams,
        body: CadenceBody,
        response: { 200: CadenceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const version = request.headers['if-match'] !== undefined ? versionFrom(request, request.body.version) : (request.body.version ?? 0);
      return tagged(reply, await setCadence(app.db, contextOf(request), request.params.id, version, request.body));
    },
  );
};
