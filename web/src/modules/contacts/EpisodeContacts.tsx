import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { hasDraft } from '../../components/forms/drafts.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ContactStatusLine } from './ContactStatusLine.tsx';
import { contactDraftForm } from './contactDraft.ts';
import type { EpisodeContacts as EpisodeContactsData } from './contactQueries.ts';
import { ContactTable } from './ContactTable.tsx';
import { LazyLogContactDialog } from './LazyLogContactDialog.ts';
import { useSession } from '../session/SessionContext.tsx';

/** The episode screen's contacts: where the episode stands, the newest contacts, and logging one. */
export function EpisodeContacts({
  patientId,
  episodeId,
  open,
  contacts,
}: {
  patientId: string;
  episodeId: string;
  open: boolean;
  contacts: EpisodeContactsData | undefined;
}) {
  const t = useT();
  const session = useSession();
  // Back after the session ended while logging one: the dialog opens again with what was typed.
  const [logging, setLogging] = useState(() => open && hasDraft(session.user.id, contactDraftForm(patientId, episodeId)));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('contacts.title')}
          </Title>
          {open && <Button onClick={() => setLogging(true)}>{t('contacts.log')}</Button>}
        </Group>
        {contacts && open && <ContactStatusLine status={contacts.status} />}
        <ContactTable contacts={contacts?.recent ?? []} label={t('contacts.title')} />
      </Stack>
      <LazyLogContactDialog patientId={patientId} episodeId={episodeId} opened={logging} onClose={() => setLogging(false)} />
    </Paper>
  );
}
