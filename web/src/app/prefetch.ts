// A page opened directly (a bookmark, a link, a reload) would otherwise wait for the session
// before its code was even asked for, and for its code before its data: round trips one after
// the other on a slow connection. The app matches the address it was opened at once, here, and
// starts the page's code at once and its first read as soon as the session allows it.
// Pure (no React), so node:test covers it.
import type { Session } from '../api/types.ts';
import type { MessageKey } from './catalogue.ts';
import { mayOpen, pageRoutes } from './registry.ts';
import type { PageRoute } from './webModule.ts';

type Params = Readonly<Record<string, string | undefined>>;

/** `pathname`'s parameters if `path` (static segments and `:name`s) matches all of it, else null. */
function matchPath(path: string, pathname: string): Params | null {
  const pattern = path.split('/').filter(Boolean);
  const segments = pathname.split('/').filter(Boolean);
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return params;
}

/**
 * The page an address opens, and its parameters. Ranked as the router ranks them (a static
 * segment before a parameter: `/patients/new` before `/patients/:id`; prefetch.test.ts checks
 * that this agrees with React Router for every page), without React Router itself, which the
 * app's first script does not carry.
 */
export function routeAt(
  pathname: string,
  routes: readonly PageRoute<MessageKey>[] = pageRoutes,
): { route: PageRoute<MessageKey>; params: Params } | null {
  let best: { route: PageRoute<MessageKey>; params: Params; rank: string } | null = null;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params === null) continue;
    // Per segment, static (1) over parameter (0), leftmost first.
    const rank = route.path
      .split('/')
      .filter(Boolean)
      .map((part) => (part.startsWith(':') ? '0' : '1'))
      .join('');
    if (best === null || rank > best.rank) best = { route, params, rank };
  }
  return best === null ? null : { route: best.route, params: best.params };
}

/**
 * Starts what the page at `pathname` needs: its code now (code is no one's data, and the
 * bytes are what a slow connection waits for), its first read once `session` says that this
 * person, signed in, may open the page. Before the session answers nobody knows the roles,
 * and a read the page would never make (an admin opening a patient's address) would be
 * refused and audited as a denial; the read waits for that one answer, the code does not.
 */
export function prefetchOpenedPage(
  pathname: string,
  session: Promise<Session | null>,
  routes: readonly PageRoute<MessageKey>[] = pageRoutes,
): void {
  const opened = routeAt(pathname, routes);
  if (opened === null) return;
  const { route, params } = opened;
  route.load().catch(() => undefined);
  route.prefetch?.code?.();
  const data = route.prefetch?.data;
  if (data === undefined || (route.access ?? 'signed-in') !== 'signed-in') return;
  session.then(
    (current) => {
      if (current !== null && current.stage === 'active' && mayOpen(route, current.user.roles)) data(params);
    },
    // The guard shows the session check's failure; the page reads when it renders.
    () => undefined,
  );
}
