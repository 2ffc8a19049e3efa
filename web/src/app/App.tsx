import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, useLocation } from 'react-router';
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../api/types.ts';
import { FaultBoundary } from '../components/FaultBoundary.tsx';
import { loadMenus } from '../components/LazyMenu.tsx';
import { I18nProvider, useT } from '../i18n/I18nProvider.tsx';
import type { MessageColumn } from '../i18n/languageChunks.ts';
import { AFTER_FIRST_PAGE_MS } from './afterFirstPage.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { bootShellHeld, bootSignInShown, releaseBootShell } from './bootShell.ts';
import { queryClient } from './queryClient.ts';
import { createBridgewayTheme, cssVariablesResolver } from './theme.ts';

// The notifications' container and the menus are not needed for the first page: they load a few
// seconds after the app has started, when the service worker is registered too
// (pwa/registerServiceWorker.tsx), so that their code does not share a slow connection with the
// first page's. A notification shown before then waits in Mantine's store until the container is
// there (components/notify.ts); a menu pressed before then loads at once (components/LazyMenu.tsx).
const Notifications = lazy(() => import('@mantine/notifications').then((module) => ({ default: module.Notifications })));

function AfterFirstPage() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setShown(true);
      void loadMenus();
    }, AFTER_FIRST_PAGE_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? (
    <Suspense fallback={null}>
      <Notifications position="top-center" />
    </Suspense>
  ) : null;
}

/** `messages` are `locale`'s words, loaded before the first render. */
export function App({ locale, messages }: { locale: Locale; messages: MessageColumn }) {
  return (
    <I18nProvider locale={locale} messages={messages}>
      <ThemedApp />
    </I18nProvider>
  );
}

function ThemedApp() {
  const t = useT();
  const close = t('common.close');
  const theme = useMemo(() => createBridgewayTheme({ close }), [close]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <AfterFirstPage />
      {/* The last resort, should the frame itself fail: a page's faults stay in the page (AppRoutes). */}
      <FaultBoundary>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
            <BootShellRelease />
          </BrowserRouter>
        </QueryClientProvider>
      </FaultBoundary>
    </MantineProvider>
  );
}

/**
 * Rendered after the routes: at the app's first render, and at each change of address, removes
 * the static first paint, unless it is the sign-in form on /sign-in, which the sign-in page's
 * form takes over itself (modules/session/staticSignIn.ts) once the setup and session checks
 * have answered. Until then the app renders behind it (its loader is hidden); if the page
 * leads elsewhere instead (someone signed in, or no organization yet), the form goes with the address.
 * Likewise My caseload's static heading stays while the app shows only a loader there.
 * Layout effects run before the browser paints, children and earlier siblings first, so the
 * static nodes and the app's never show together.
 */
function BootShellRelease() {
  const { pathname } = useLocation();
  const opened = useRef(pathname);
  useLayoutEffect(() => {
    if (pathname === '/sign-in' && bootSignInShown()) return;
    // My caseload's static heading, and the app shows only a loader so far at the address it
    // opened: the loader lets go of it once the page replaces the loader (app/bootShell.ts).
    if (pathname === opened.current && bootShellHeld()) return;
    releaseBootShell();
  }, [pathname]);
  return null;
}
