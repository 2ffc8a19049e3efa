import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { useMemo } from 'react';
import type { Locale } from '../api/types.ts';
import { I18nProvider, useT } from '../i18n/I18nProvider.tsx';
import type { MessageColumn } from '../i18n/languageChunks.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { queryClient } from './queryClient.ts';
import { createBridgewayTheme, cssVariablesResolver } from './theme.ts';

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
