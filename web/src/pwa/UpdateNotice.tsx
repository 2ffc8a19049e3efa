import { Button, Group, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { isLocale } from '../api/codes.ts';
import type { Locale } from '../api/types.ts';
import { pwaMessages } from './messages.ts';

// The notice lives in the notification layer, outside the pages' translation context; the
// app keeps <html lang> in step with the person's language (I18nProvider), so it follows that.
function subscribeToLanguage(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

function pageLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : 'en';
}

/** "A new version of Bridgeway is ready — Reload", in the page's language. */
export function UpdateNotice({ onReload }: { onReload: () => void }) {
  const locale = useSyncExternalStore(subscribeToLanguage, pageLocale);
  const words = pwaMessages[locale];
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" c="dark">
        {words.updateReady}
      </Text>
      <Button size="xs" onClick={onReload}>
        {words.reload}
      </Button>
    </Group>
  );
}
