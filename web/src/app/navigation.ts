// The regions of the app and who may open them. Pure, so node:test covers it; the nav, the
// route guards and the home page's links all read this one table.
import type { Role } from '../api/types.ts';
import type { MessageKey } from './catalogue.ts';

export interface Region {
  path: string;
  label: MessageKey;
  /** What the home page says the region is for. */
  description: MessageKey;
  /** Roles that may open it; undefined means every signed-in user. */
  roles?: readonly Role[];
  /** Listed on the home page as something to do now. */
  onHome: boolean;
}

/** Roles that serve patients: they see charts of the patients they care for (docs/patients.md). */
export const clinicalRoles: readonly Role[] = [
  'supervisor',
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'counselor',
  'prescriber',
];

export const regions = {
  home: { path: '/', label: 'nav.home', description: 'nav.home.description', onHome: false },
  caseload: {
    path: '/caseload',
    label: 'nav.caseload',
    description: 'nav.caseload.description',
    roles: clinicalRoles,
    onHome: true,
  },
  patients: {
    path: '/patients',
    label: 'nav.patients',
    description: 'nav.patients.description',
    roles: clinicalRoles,
    onHome: true,
  },
  staff: {
    path: '/staff',
    label: 'nav.staff',
    description: 'nav.staff.description',
    roles: ['admin', 'supervisor'],
    onHome: true,
  },
  programs: {
    path: '/programs',
    label: 'nav.programs',
    description: 'nav.programs.description',
    roles: ['admin'],
    onHome: true,
  },
  organization: {
    path: '/organization',
    label: 'nav.organization',
    description: 'nav.organization.description',
    roles: ['admin'],
    onHome: true,
  },
  apiKeys: {
    path: '/api-keys',
    label: 'nav.apiKeys',
    description: 'nav.apiKeys.description',
    roles: ['admin'],
    onHome: true,
  },
  audit: {
    path: '/audit',
    label: 'nav.audit',
    description: 'nav.audit.description',
    roles: ['admin', 'privacy-officer'],
    onHome: true,
  },
  account: { path: '/account', label: 'nav.account', description: 'nav.account.description', onHome: true },
} as const satisfies Record<string, Region>;

export type RegionName = keyof typeof regions;

export const navOrder: readonly RegionName[] = [
  'home',
  'caseload',
  'patients',
  'staff',
  'programs',
  'organization',
  'apiKeys',
  'audit',
  'account',
];

export function mayOpen(region: Region, userRoles: readonly Role[]): boolean {
  return region.roles === undefined || region.roles.some((role) => userRoles.includes(role));
}

/** The nav entries a user with these roles sees, in nav order. */
export function visibleRegions(userRoles: readonly Role[]): Region[] {
  return navOrder.map((name): Region => regions[name]).filter((region) => mayOpen(region, userRoles));
}

/** Which nav entry is current for a path: the longest matching region path. */
export function currentRegionPath(pathname: string, visible: readonly Region[]): string | null {
  let best: string | null = null;
  for (const region of visible) {
    const matches = region.path === '/' ? pathname === '/' : pathname === region.path || pathname.startsWith(`${region.path}/`);
    if (matches && (best === null || region.path.length > best.length)) best = region.path;
  }
  return best;
}
