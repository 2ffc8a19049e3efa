import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import type { OrganizationRow } from '../../db/schema.ts';
import { requirePermission } from '../../lib/access.ts';
import { changedFields, withAudit } from '../../lib/audit/audit.ts';
import { checkVersion, versionFrom, nextVersion } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { problems, Version } from '../../lib/http/schemas.ts';
import { assertTimeZone, type Locale } from '../../lib/locales.ts';
import { Locale as LocaleSchema, TimeZone } from '../setup/schemas.ts';

const OrganizationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLocale: LocaleSchema,
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
const UpdateOrganizationBody = Type.Object(
  {
    version: Type.Optional(Version),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timeZone: Type.Optional(TimeZone),
    defaultLocale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

function present(row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    defaultLocale: row.defaultLocale as Locale,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The organization is the tenant: "today" and "due" are computed in its time zone. */
export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['organization'];

  app.get(
    '/api/organization',
    { schema: { tags, summary: 'My organization', response: { 200: OrganizationSchema, ...problems(401) } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await app.db.selectFrom('organizations').selectAll().where('id', '=', ctx.actor.organizationId).executeTakeFirstOrThrow();
      return reply.header('etag', `"${row.version}"`).send(present(row));
    },
  );

  app.patch(
    '/api/organization',
    {
      schema: {
        tags,
        summary: 'Change my organization’s settings',
        body: UpdateOrganizationBody,
        response: { 200: OrganizationSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requirePermission(ctx.actor, 'organization:manage');
      const input = request.body;
      if (input.timeZone) assertTimeZone(input.timeZone, '/timeZone');
      const version = versionFrom(request, input.version);
      const row = await withAudit(app.db, ctx, async (tx, audit) => {
        const current = await tx
          .selectFrom('organizations')
          .selectAll()
          .where('id', '=', ctx.actor.organizationId)
          .forUpdate()
          .executeTakeFirst();
        checkVersion(current, version);
        const updated = await tx
          .updateTable('organizations')
          .set({
            ...(input.name ? { name: input.name.trim() } : {}),
            ...(input.timeZone ? { timeZone: input.timeZone } : {}),
            ...(input.defaultLocale ? { defaultLocale: input.defaultLocale } : {}),
            ...nextVersion(),
          })
          .where('id', '=', ctx.actor.organizationId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit({
          action: 'update',
          recordType: 'organization',
          recordId: updated.id,
          details: { fields: changedFields(input) },
        });
        return updated;
      });
      return reply.header('etag', `"${row.version}"`).send(present(row));
    },
  );
};
