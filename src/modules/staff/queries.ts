import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import { decodeCursor } from '../../lib/http/schemas.ts';
import type { UserListQuery } from './schemas.ts';

/** Staff of one organization, by name then id (keyset), optionally filtered. */
export function listUsersQuery(executor: Executor, organizationId: string, query: UserListQuery, limit: number) {
  let select = executor.selectFrom('users').selectAll().where('organizationId', '=', organizationId);
  if (query.q) {
    const pattern = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb(sql`lower(display_name)`, 'like', pattern), eb('email', 'like', pattern)]));
  }
  if (query.status) select = select.where('status', '=', query.status);
  if (query.role) select = select.where(sql<boolean>`${query.role} = ANY(roles)`);
  if (query.kind) select = select.where('kind', '=', query.kind);
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  if (after) select = select.where(sql<boolean>`(lower(display_name), id) > (${after[0]}, ${after[1]}::uuid)`);
  return select
    .orderBy(sql`lower(display_name)`)
    .orderBy('id')
    .limit(limit + 1);
}

/**
 * Counts active admins with their rows locked, so two admins demoting or deactivating each
 * other at the same moment cannot both see "one other admin left" and leave none.
 */
export async function activeAdminCount(executor: Executor, organizationId: string): Promise<number> {
  const rows = await executor
    .selectFrom('users')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'active')
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.length;
}

export async function replaceMemberships(executor: Executor, organizationId: string, userId: string, programIds: string[]): Promise<void> {
  await executor.deleteFrom('programMemberships').where('userId', '=', userId).execute();
  if (programIds.length === 0) return;
  await executor
    .insertInto('programMemberships')
    .values(programIds.map((programId) => ({ organizationId, programId, userId })))
    .execute();
}

/** The ids among `programIds` that are not live programs of this organization. */
export async function unknownPrograms(executor: Executor, organizationId: string, programIds: string[]): Promise<string[]> {
  if (programIds.length === 0) return [];
  const found = await executor
    .selectFrom('programs')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', programIds)
    .where('deletedAt', 'is', null)
    .execute();
  const known = new Set(found.map((row) => row.id));
  return programIds.filter((id) => !known.has(id));
}
