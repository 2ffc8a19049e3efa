import { CLINICAL_ROLES, type Role } from '../../codes.ts';
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

/** Staff who serve patients; admins and auditors run the place but hold no charts. */
function isClinical(roles: readonly Role[]): boolean {
  return roles.some((role) => (CLINICAL_ROLES as readonly Role[]).includes(role));
}

/** Registering, merging and opening episodes is clinical work. */
export function requireRegistrar(actor: Pick<Actor, 'roles'>): void {
  if (!isClinical(actor.roles)) throw forbidden();
}
