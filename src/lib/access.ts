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
  'instruments:manage': ['admin'],
  // The § 2.51 emergency disclosures queue (src/modules/consents): who, to whom, when, why; never the chart.
  'disclosures:review': ['privacy-officer'],
  // The break-the-glass review queue (src/modules/emergency-access): who opened which chart, why, what they read.
  'emergency-access:review': ['privacy-officer'],
  // The list of restricted records (src/modules/restrictions): who, restricted by whom, when, why; never the chart.
  'restrictions:review': ['privacy-officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/**
 * Roles that must have a second factor before their session can do anything: those who run
 * the place (admins) and those who see the whole record (supervisors see every chart of their
 * programs, privacy officers the whole audit trail). An organization can require it of all
 * its staff (`mfaRequiredForAll`). Integration accounts never sign in, so never enrol; their
 * roles (INTEGRATION_ROLES in src/codes.ts) are none of these.
 */
export const MFA_REQUIRED_ROLES = ['admin', 'supervisor', 'privacy-officer'] as const satisfies readonly Role[];

/** An account that must have a second factor and has none yet. */
export function mustEnrolMfa(
  user: { kind: string; roles: readonly string[]; mfaEnabledAt: Date | null },
  organization: { mfaRequiredForAll: boolean },
): boolean {
  if (user.kind !== 'person' || user.mfaEnabledAt !== null) return false;
  return organization.mfaRequiredForAll || user.roles.some((role) => (MFA_REQUIRED_ROLES as readonly string[]).includes(role));
}

/**
 * Managing staff, keys, programs and the organization (and with them anyone's credentials) is
 * never done with an API key, whatever roles its account holds: a leaked key must not be able
 * to mint accounts, keys or set-password links (issue 13). The routes are also cookie-only.
 */
const NEVER_WITH_A_KEY: readonly Permission[] = [
  'staff:manage',
  'programs:manage',
  'organization:manage',
  'api-keys:manage',
  'instruments:manage',
];

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

export function requirePermission(actor: { roles: readonly Role[]; apiKeyId: string | null }, permission: Permission): void {
  if (actor.apiKeyId !== null && NEVER_WITH_A_KEY.includes(permission))
    throw forbidden('api-key-not-allowed', 'An API key cannot manage staff, keys, programs, the organization or credentials.');
  if (!hasPermission(actor.roles, permission)) throw forbidden();
}
