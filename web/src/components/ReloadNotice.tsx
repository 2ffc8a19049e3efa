import { Alert, Button, Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * A part of the app that cannot be shown (its code did not arrive, or it failed while drawing):
 * said in its place, with the one way out that always works, reloading the page; with a close
 * button when the rest of the screen can do without it (`onDismiss`).
 */
export function ReloadNotice({
  title,
  body,
  onDismiss,
  style,
}: {
  title: string;
  body: string;
  onDismiss?: () => void;
  style?: CSSProperties;
}) {
  const t = useT();
  const closing = onDismiss ? { withCloseButton: true, closeButtonLabel: t('common.close'), onClose: onDismiss } : {};
  return (
    <Alert color="red" role="alert" title={title} style={style} {...closing}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{body}</Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t('load.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
