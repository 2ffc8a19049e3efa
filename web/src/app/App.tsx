import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { lazy, Suspense, useMemo } from 'react';
import type { Locale } from '../api/types.ts';
import { I18nProvider, useT } from '../i18n/I18nProvider.tsx';
import type { MessageColumn } from '../i18n/languageChunks.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { queryClient } from './queryClient.ts';
import { createBridgewayTheme, cssVariablesResolver } from './theme.ts';

// The notifications' container is not needed for the first paint: it loads after it (their
// messages wait in Mantine's store until it is there: components/notify.ts).
const Notifications = lazy(() => import('@mantine/notifications').then((module) => ({ default: module.Notifications })));

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
      <Suspense fallback={null}>
        <Notifications position="top-center" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
