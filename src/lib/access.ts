import { forbidden } from './errors.ts';

import type { Role } from '../codes.ts';

export { ROLES, type Role } from '../codes.ts';

/**
 * What each role may do outside a patient's chart. Chart access (care team and program
 * membership) is a separate check that patient-data routes make (issue: patients).
 * Admins manage staff and settings but do not read charts unless they also hold a clinical role.
 */
const PERMISSIONS = {
  'staff:read': ['admin', 'supervisor'],
  'staff:manage': ['admin'],
  'programs:manage': ['admin'],
  'organization:manage': ['admin'],
  'api-keys:manage': ['admin'],
  'audit:read': ['admin', 'privacy-officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Roles that must have a second factor before their session can do anything. */
const MFA_REQUIRED_ROLES: readonly Role[] = ['admin'];

/** An account whose roles require a second factor and that has none yet. */
export function mustEnrolMfa(user: { roles: readonly string[]; mfaEnabledAt: Date | null }): boolean {
  return user.mfaEnabledAt === null && user.roles.some((role) => MFA_REQUIRED_ROLES.includes(role as Role));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

export function requirePermission(actor: { roles: readonly Role[] }, permission: Permission): void {
  if (!hasPermission(actor.roles, permission)) throw forbidden();
}
