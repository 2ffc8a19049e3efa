import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import { requirePermission } from '../../lib/access.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import { newApiKeySecret } from '../../lib/auth/api-keys.ts';
import { fieldProblem, notFound, ruleViolation } from '../../lib/errors.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { DateOnly, decodeCursor, IdParams, ListQuery, page, problems, toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';

const ApiKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'The start of the key, to recognise it; never the secret' }),
  userId: Type.String({ format: 'uuid', description: 'The integration account the key acts as' }),
  userDisplayName: Type.String(),
  createdBy: Type.String({ format: 'uuid', description: 'Who created the key: named on every audit row the key writes' }),
  createdByDisplayName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});
const CreateApiKeyBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid', description: 'An integration account (POST /api/integration-accounts); never a person' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    expiresOn: DateOnly,
  },
  { additionalProperties: false },
);
const MAX_DAYS = 366;

interface KeyRow {
  id: string;
  name: string;
  keyPrefix: string;
  userId: string;
  userDisplayName: string;
  createdBy: string;
  createdByDisplayName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

function present(row: KeyRow) {
  const status: 'active' | 'expired' | 'revoked' = row.revokedAt ? 'revoked' : row.expiresAt.getTime() <= Date.now() ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    prefix: `bwk_${row.keyPrefix}`,
    userId: row.userId,
    userDisplayName: row.userDisplayName,
    createdBy: row.createdBy,
    createdByDisplayName: row.createdByDisplayName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status,
  };
}

/**
 * API keys (docs/security.md): each acts as an integration account, never as a person; shown
 * once, stored hashed, expiring, revocable, listed with the account and the key's creator.
 * Managing keys is never done with a key (cookie-only routes, and requirePermission).
 */
export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['api-keys'];
  const selectKeys = (organizationId: string) =>
    app.db
      .selectFrom('apiKeys')
      .innerJoin('users', 'users.id', 'apiKeys.userId')
      .innerJoin('users as creators', 'creators.id', 'apiKeys.createdBy')
      .select([
        'apiKeys.id',
        'apiKeys.name',
        'apiKeys.keyPrefix',
        'apiKeys.userId',
        'users.displayName as userDisplayName',
        'apiKeys.createdBy',
        'creators.displayName as createdByDisplayName',
        'apiKeys.createdAt',
        'apiKeys.expiresAt',
        'apiKeys.revokedAt',
        'apiKeys.lastUsedAt',
      ])
      .where('apiKeys.organizationId', '=', organizationId);

  app.get(
    '/api/api-keys',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'API keys of my organization',
        querystring: Type.Object(ListQuery),
        response: { 200: page(ApiKeySchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requirePermission(ctx.actor, 'api-keys:manage');
      const limit = request.query.limit ?? 50;
      let select = selectKeys(ctx.actor.organizationId);
      // UUIDv7 ids sort by creation time, so the id alone is an exact, stable key.
      const after = decodeCursor(request.query.cursor, ['uuid']);
      if (after) select = select.where('apiKeys.id', '<', String(after[0]));
      const rows = await select
        .orderBy('apiKeys.id', 'desc')
        .limit(limit + 1)
        .execute();
      const result = toPage(rows, limit, (row) => [row.id]);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/api-keys',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Create an API key acting as an integration account (the secret is shown once)',
        body: CreateApiKeyBody,
        response: { 201: Type.Object({ apiKey: ApiKeySchema, secret: Type.String() }), ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requirePermission(ctx.actor, 'api-keys:manage');
      const { userId, name, expiresOn } = request.body;
      const expiresAt = new Date(`${expiresOn}T23:59:59Z`);
      const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
      if (days <= 0 || days > MAX_DAYS)
        throw ruleViolation('expiry-out-of-range', 'The expiry must be in the future and within a year.', {
          errors: [fieldProblem('/expiresOn', 'expiry-out-of-range', 'must be between tomorrow and one year from now')],
        });
      const secret = newApiKeySecret();
      const id = newId();
      await withAudit(app.db, ctx, async (tx, audit) => {
        const user = await tx
          .selectFrom('users')
          .select(['id', 'status', 'kind'])
          .where('id', '=', userId)
          .where('organizationId', '=', ctx.actor.organizationId)
          .executeTakeFirst();
        // No key ever acts as a person: a key of a person's would let whoever holds it read and
        // write as that clinician, and the trail would name them (issue 13).
        if (user && user.kind !== 'integration')
          throw ruleViolation('not-an-integration-account', 'An API key acts only as an integration account, never as a person.', {
            errors: [fieldProblem('/userId', 'not-an-integration-account', 'is a person, not an integration account')],
          });
        if (user?.status !== 'active')
          throw ruleViolation('inactive-user', 'An API key must act as an active integration account.', {
            errors: [fieldProblem('/userId', 'inactive-user', 'is not an active integration account')],
          });
        await tx
          .insertInto('apiKeys')
          .values({
            id,
            organizationId: ctx.actor.organizationId,
            userId,
            name: name.trim(),
            keyPrefix: secret.prefix,
            keyHash: secret.hash,
            createdBy: ctx.actor.userId,
            expiresAt,
          })
          .execute();
        await audit({ action: 'create', recordType: 'api-key', recordId: id, details: { actingAs: userId } });
      });
      const row = await selectKeys(ctx.actor.organizationId).where('apiKeys.id', '=', id).executeTakeFirstOrThrow();
      return reply
        .code(201)
        .header('location', `/api/api-keys/${id}`)
        .send({ apiKey: present(row), secret: secret.key });
    },
  );

  app.delete(
    '/api/api-keys/:id',
    {
      config: { cookieOnly: true },
      schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      requirePermission(ctx.actor, 'api-keys:manage');
      await withAudit(app.db, ctx, async (tx, audit) => {
        const result = await tx
          .updateTable('apiKeys')
          .set({ revokedAt: sql<Date>`now()` })
          .where('id', '=', request.params.id)
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('revokedAt', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw notFound();
        await audit({ action: 'delete', recordType: 'api-key', recordId: request.params.id, details: { change: 'revoked' } });
      });
      return reply.code(204).send(null);
    },
  );
};
