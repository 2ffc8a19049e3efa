import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { hasDraft } from '../../components/forms/drafts.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { contactDraftForm } from './contactDraft.ts';
import type { EpisodeContacts as EpisodeContactsData } from './contactQueries.ts';
import { ContactTable } from './ContactTable.tsx';
import { LazyLogContactDialog } from './LazyLogContactDialog.ts';
import { useSession } from '../session/SessionContext.tsx';

/** The patient page's part: the newest contacts, and logging one (filed under the open episode). */
export function PatientContacts({ patientId, contacts }: { patientId: string; contacts: EpisodeContactsData['recent'] }) {
  const t = useT();
  const session = useSession();
  const [logging, setLogging] = useState(() => hasDraft(session.user.id, contactDraftForm(patientId)));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('contacts.recent')}
          </Title>
          <Button variant="default" onClick={() => setLogging(true)}>
            {t('contacts.log')}
          </Button>
        </Group>
        <ContactTable contacts={contacts} label={t('contacts.recent')} />
      </Stack>
      <LazyLogContactDialog patientId={patientId} opened={logging} onClose={() => setLogging(false)} />
    </Paper>
  );
}
