import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/problem.ts';
import { useMemo } from 'react';
import type { Locale } from '../api/types.ts';
import { I18nProvider, useT } from '../i18n/I18nProvider.tsx';
import type { MessageColumn } from '../i18n/languageChunks.ts';
import { markSessionEnded, prefetchSession, sessionKey } from '../modules/session/sessionQueries.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { createBridgewayTheme, cssVariablesResolver } from './theme.ts';

/** A call answered "not signed in" (expired or ended session): forget the session so the guard shows sign-in. */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.problemType === 'unauthenticated' || error.problemType === 'mfa-enrolment-required') {
    if (error.problemType === 'unauthenticated') markSessionEnded();
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Retry only when the server did not answer or failed; a 4xx will not change.
      retry: (failureCount, error) => failureCount < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** Starts the requests every first page waits for; main.tsx calls it before the messages arrive. */
export function startLoading(): void {
  prefetchSession(queryClient);
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
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
