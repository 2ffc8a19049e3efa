import { Type, type Static } from 'typebox';
import type { UserRow } from '../../db/schema.ts';
import { ROLES } from '../../lib/access.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import { Locale as LocaleSchema } from '../setup/schemas.ts';

export { USER_STATUSES } from '../../codes.ts';
import { USER_KINDS, USER_STATUSES } from '../../codes.ts';
export const RoleSchema = Type.Enum(ROLES);

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(USER_KINDS, {
    description: 'A person, or an integration account that API keys act as (no email, password or second factor)',
  }),
  email: Type.Union([Type.String(), Type.Null()], { description: 'Null for an integration account' }),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  credential: Type.Union([Type.String(), Type.Null()], { description: 'A licence or certification, copied onto each contact' }),
  programIds: Type.Array(Type.String({ format: 'uuid' })),
  status: Type.Enum(USER_STATUSES),
  locale: LocaleSchema,
  mfaEnabled: Type.Boolean(),
  lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export type UserView = Static<typeof UserSchema>;

/** Row → API shape, an allow-list: no hash, secret or token leaves the server. */
function presentUser(user: UserRow, programIds: string[]): UserView {
  return {
    id: user.id,
    kind: user.kind,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    credential: user.credential,
    programIds,
    status: user.status,
    locale: user.locale,
    mfaEnabled: user.mfaEnabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

async function programIdsByUser(executor: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await executor
    .selectFrom('programMemberships')
    .innerJoin('programs', 'programs.id', 'programMemberships.programId')
    .select(['programMemberships.userId', 'programMemberships.programId'])
    .where('programMemberships.userId', 'in', userIds)
    .where('programs.deletedAt', 'is', null)
    .orderBy('programs.name')
    .execute();
  for (const row of rows) map.get(row.userId)?.push(row.programId);
  return map;
}

export async function presentUsers(executor: Executor, users: UserRow[]): Promise<UserView[]> {
  const programs = await programIdsByUser(
    executor,
    users.map((user) => user.id),
  );
  return users.map((user) => presentUser(user, programs.get(user.id) ?? []));
}

export async function presentOneUser(executor: Executor, user: UserRow): Promise<UserView> {
  const programs = await programIdsByUser(executor, [user.id]);
  return presentUser(user, programs.get(user.id) ?? []);
}
