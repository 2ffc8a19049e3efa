import { requirePermission } from '../../lib/access.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { fieldProblem, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { presentOneUser } from './presenter.ts';
import { replaceMemberships, unknownPrograms } from './queries.ts';
import type { CreateIntegrationBody } from './schemas.ts';
import { assertIntegrationRoles } from './service.ts';

/**
 * An integration account (docs/security.md): a non-human account that API keys act as. It has
 * no email, password or second factor, so it can never sign in; it holds clinical roles that
 * need no second factor and programs like staff, and sees a patient only where it is placed on
 * a care team (or by the program rules of its roles), under the same access checks and audit.
 * It is listed, edited, deactivated and reactivated with the staff (`/api/users/{id}`).
 */
export async function createIntegration(db: Database, ctx: RequestContext, input: CreateIntegrationBody) {
  requirePermission(ctx.actor, 'staff:manage');
  assertIntegrationRoles(input.roles);
  return withAudit(db, ctx, async (tx, audit) => {
    const programIds = input.programIds ?? [];
    const unknown = await unknownPrograms(tx, ctx.actor.organizationId, programIds);
    if (unknown.length > 0)
      throw ruleViolation('unknown-programs', 'Some programs do not exist in this organization.', {
        errors: [fieldProblem('/programIds', 'unknown-programs', `unknown program(s): ${unknown.join(', ')}`)],
      });
    const user = await tx
      .insertInto('users')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        kind: 'integration',
        email: null,
        displayName: input.displayName.trim(),
        roles: input.roles,
        status: 'active',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceMemberships(tx, ctx.actor.organizationId, user.id, programIds);
    await audit({
      action: 'create',
      recordType: 'user',
      recordId: user.id,
      details: { kind: 'integration', roles: input.roles, programIds },
    });
    return { row: user, view: await presentOneUser(tx, user) };
  });
}
