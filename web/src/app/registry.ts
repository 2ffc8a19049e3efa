// Every registered module as a list, and everything derived from their page records: the
// routes, the navigation and the home page's links. Pure, so node:test covers it.
import type { Role } from '../api/types.ts';
import type { MessageKey } from './catalogue.ts';
import * as registered from './modules.ts';
import type { EpisodeSection, NavEntry, PageRoute, PatientSection } from './webModule.ts';

export type RegisteredModule = (typeof registered)[keyof typeof registered];

/** The modules, in the order modules.ts lists them. */
export const webModules: readonly RegisteredModule[] = Object.values(registered);

/** Every page of every module. */
export const pageRoutes: readonly PageRoute<MessageKey>[] = webModules.flatMap((module): readonly PageRoute<MessageKey>[] => module.routes);

/** Every module's part of the patient overview, in order. */
export const patientSections: readonly PatientSection[] = webModules
  .flatMap((module): readonly PatientSection[] => module.patientSections ?? [])
  .toSorted((a, b) => a.order - b.order);

/** Every module's part of the episode screen, in order. */
export const episodeSections: readonly EpisodeSection[] = webModules
  .flatMap((module): readonly EpisodeSection[] => module.episodeSections ?? [])
  .toSorted((a, b) => a.order - b.order);

/** A page in the navigation: its path and entry, its description chosen for the user's roles. */
export interface NavItem {
  path: string;
  label: MessageKey;
  description: MessageKey;
  onHome: boolean;
}

/** Whether someone with these roles may open the page (the guard's rule: RequireRole). */
export function mayOpen(route: Pick<PageRoute<MessageKey>, 'roles'>, userRoles: readonly Role[]): boolean {
  return route.roles === undefined || route.roles.some((role) => userRoles.includes(role));
}

function describe(entry: NavEntry<MessageKey>, userRoles: readonly Role[]): MessageKey {
  return typeof entry.description === 'function' ? entry.description(userRoles) : entry.description;
}

/** The navigation a user with these roles sees, in order. */
export function navigationFor(userRoles: readonly Role[], routes: readonly PageRoute<MessageKey>[] = pageRoutes): NavItem[] {
  return routes
    .flatMap((route) =>
      route.nav !== undefined && mayOpen(route, userRoles) && (route.nav.roles ?? null)?.some((role) => userRoles.includes(role)) !== false
        ? [{ route, nav: route.nav }]
        : [],
    )
    .sort((a, b) => a.nav.order - b.nav.order)
    .map(({ route, nav }) => ({ path: route.path, label: nav.label, description: describe(nav, userRoles), onHome: nav.onHome }));
}

/** Which navigation entry is current for a path: the longest matching entry path. */
export function currentNavPath(pathname: string, visible: readonly Pick<NavItem, 'path'>[]): string | null {
  let best: string | null = null;
  for (const { path } of visible) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (best === null || path.length > best.length)) best = path;
  }
  return best;
}
