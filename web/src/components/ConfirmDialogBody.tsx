import { Button, Group, Stack, Text } from '@mantine/core';
import { Dialog } from './Dialog.tsx';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { ProblemAlert, useProblemText } from './problems.tsx';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button for actions that take something away (deactivate, revoke, remove). */
  destructive?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** The confirmation itself; pages use ConfirmDialog, which loads it the first time it opens. */
export function ConfirmDialogBody(props: ConfirmDialogProps) {
  const t = useT();
  const describe = useProblemText();
  const { opened, title, children, confirmLabel, destructive = false, busy, error, onConfirm, onClose } = props;
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        {typeof children === 'string' ? <Text>{children}</Text> : children}
        <ProblemAlert message={error === null || error === undefined ? null : describe(error)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color={destructive ? 'red' : undefined} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
