import type { OrganizationRow } from '../../db/schema.ts';
import { requirePermission } from '../../lib/access.ts';
import { changedFields, withAudit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { assertTimeZone } from '../../lib/locales.ts';
import type { UpdateOrganizationBody } from './schemas.ts';

export async function getOrganization(db: Database, ctx: RequestContext): Promise<OrganizationRow> {
  return db.selectFrom('organizations').selectAll().where('id', '=', ctx.actor.organizationId).executeTakeFirstOrThrow();
}

export async function updateOrganization(
  db: Database,
  ctx: RequestContext,
  version: number,
  input: UpdateOrganizationBody,
): Promise<OrganizationRow> {
  requirePermission(ctx.actor, 'organization:manage');
  if (input.timeZone) assertTimeZone(input.timeZone, '/timeZone');
  return withAudit(db, ctx, async (tx, audit) => {
    const current = checkVersion(
      await tx.selectFrom('organizations').selectAll().where('id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst(),
      version,
    );
    const updated = await tx
      .updateTable('organizations')
      .set({
        ...(input.name ? { name: input.name.trim() } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...(input.defaultLocale ? { defaultLocale: input.defaultLocale } : {}),
        // Takes effect at each person's next request: one without a second factor is sent to enrol.
        ...(input.mfaRequiredForAll !== undefined ? { mfaRequiredForAll: input.mfaRequiredForAll } : {}),
        // Applies to grants made from now on; those in force keep the time they were given.
        ...(input.emergencyAccessHours !== undefined ? { emergencyAccessHours: input.emergencyAccessHours } : {}),
        ...nextVersion(),
      })
      .where('id', '=', ctx.actor.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ action: 'update', recordType: 'organization', recordId: updated.id, details: { fields: changedFields(input, current) } });
    return updated;
  });
}
