import { Button, Group, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider.tsx';

/** "A new version of Bridgeway is ready — Reload", in the person's language (the notification layer is inside the app's providers). */
export function UpdateNotice({ onReload }: { onReload: () => void }) {
  const t = useT();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" c="dark">
        {t('pwa.updateReady')}
      </Text>
      <Button size="xs" onClick={onReload}>
        {t('pwa.reload')}
      </Button>
    </Group>
  );
}
