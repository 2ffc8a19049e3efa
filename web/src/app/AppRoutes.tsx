import { lazy, type ComponentType } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { FaultBoundary } from '../components/FaultBoundary.tsx';
import { completeShownLanguage } from '../i18n/languageChunks.ts';
import { LazyPart } from '../components/LoadBoundary.tsx';
import { AppLayout } from './AppLayout.tsx';
import { FullPageLoader, RequireRole, RequireSession } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { loadingPage } from './pageLoads.ts';
import { pageRoutes } from './registry.ts';
import type { PageRoute } from './webModule.ts';

// Each page loads when first opened, so a phone on a slow rural connection downloads less before
// it can sign in; sign-in and home start loading at once, since nearly every visit needs one. A
// page opened after the first also waits for the rest of the language's words
// (i18n/languageChunks.ts), so that it never shows without some of them.
let firstPageOpened = false;
const pages = new Map<PageRoute<string>, ComponentType>(
  pageRoutes.map((route) => {
    const loading = route.preload === true ? route.load() : null;
    return [
      route,
      lazy(() => {
        // Words that fail to arrive do not fail the page: a word it misses asks for them again.
        const words = firstPageOpened ? completeShownLanguage() : null;
        firstPageOpened = true;
        return loadingPage(() => Promise.all([loading ?? route.load(), words])).then(([component]) => ({ default: component }));
      }),
    ];
  }),
);

function PageOf({ route }: { route: PageRoute<string> }) {
  const { pathname } = useLocation();
  const Component = pages.get(route);
  if (Component === undefined) return <NotFoundPage />;
  // Keyed by the page: a notice that one page did not arrive is not carried to the next. A
  // fault in a page's code shows in its place, under the frame, until another address is opened.
  const page = (
    <FaultBoundary address={pathname}>
      <LazyPart key={route.path} fallback={<FullPageLoader />}>
        <Component />
      </LazyPart>
    </FaultBoundary>
  );
  return route.roles === undefined ? page : <RequireRole anyOf={route.roles}>{page}</RequireRole>;
}

/** The routes of every registered module (app/modules.ts), each behind the guard its access asks for. */
export function AppRoutes() {
  const signedIn = pageRoutes.filter((route) => (route.access ?? 'signed-in') === 'signed-in');
  return (
    <Routes>
      {pageRoutes
        .filter((route) => route.access === 'public')
        .map((route) => (
          <Route key={route.path} path={route.path} element={<PageOf route={route} />} />
        ))}
      {pageRoutes
        .filter((route) => route.access === 'mfa-enrolment')
        .map((route) => (
          <Route
            key={route.path}
            path={route.path}
            element={
              <RequireSession stage="mfa-enrolment">
                <PageOf route={route} />
              </RequireSession>
            }
          />
        ))}
      <Route
        element={
          <RequireSession stage="active">
            <AppLayout />
          </RequireSession>
        }
      >
        {signedIn.map((route) =>
          route.path === '/' ? (
            <Route key={route.path} index element={<PageOf route={route} />} />
          ) : (
            <Route key={route.path} path={route.path.slice(1)} element={<PageOf route={route} />} />
          ),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
