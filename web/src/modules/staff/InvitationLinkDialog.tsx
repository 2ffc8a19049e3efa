import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Dialog } from '../../components/Dialog.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

export interface IssuedLink {
  name: string;
  url: string;
  expiresAt: string;
  /** A first invitation or a new link for someone who already had one. */
  kind: 'invitation' | 'reset';
}

/** Shows a set-password link once, with what to do with it. */
export function InvitationLinkDialog({ link, onClose }: { link: IssuedLink | null; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Dialog
      opened={link !== null}
      onClose={onClose}
      title={
        link === null ? '' : t(link.kind === 'invitation' ? 'staff.link.titleInvitation' : 'staff.link.titleReset', { name: link.name })
      }
      size="lg"
    >
      {link !== null && (
        <Stack gap="md">
          <Text>{t('staff.link.explain', { name: link.name })}</Text>
          <CopyField label={t('staff.link.label')} value={link.url} />
          <Alert variant="light" color="yellow" title={t('staff.link.onceTitle')}>
            {t('staff.link.once', { date: format.dateTimeWithZone(link.expiresAt) })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      )}
    </Dialog>
  );
}
