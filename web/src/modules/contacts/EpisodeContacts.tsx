import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { hasDraft } from '../../components/forms/drafts.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { ContactStatusLine } from './ContactStatusLine.tsx';
import type { EpisodeContacts as EpisodeContactsData } from './contactQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { contactDraftForm, LogContactDialog } from './LogContactDialog.tsx';

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
        <ContactTable contacts={contacts?.recent ?? []} />
      </Stack>
      <LogContactDialog patientId={patientId} episodeId={episodeId} opened={logging} onClose={() => setLogging(false)} />
    </Paper>
  );
}

function ContactTable({ contacts }: { contacts: EpisodeContactsData['recent'] }) {
  const t = useT();
  const format = useFormat();
  if (contacts.length === 0) return <Text c="dimmed">{t('contacts.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.when')}</Table.Th>
            <Table.Th>{t('contacts.mode')}</Table.Th>
            <Table.Th>{t('contacts.minutes')}</Table.Th>
            <Table.Th>{t('contacts.by')}</Table.Th>
            <Table.Th>{t('note.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id}>
              <Table.Td>
                <Link to={`/contacts/${contact.id}`} aria-label={t('contacts.open', { when: format.dateTime(contact.occurredAt) })}>
                  {format.dateTime(contact.occurredAt)}
                </Link>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" td={contact.enteredInError ? 'line-through' : undefined}>
                    {t(`contactMode.${contact.mode}`)}
                  </Text>
                  {contact.enteredInError && <StatusBadge color="gray">{t('contacts.enteredInError')}</StatusBadge>}
                </Group>
              </Table.Td>
              <Table.Td>{t('contacts.minutesCount', { minutes: contact.durationMinutes })}</Table.Td>
              <Table.Td>{contact.staff.name}</Table.Td>
              <Table.Td>
                {contact.note === null ? (
                  '—'
                ) : (
                  <Group gap={4}>
                    <StatusBadge color={contact.note.status === 'signed' ? 'green' : 'blue'}>
                      {`${t(`note.structure.${contact.note.structure}`)} · ${t(`note.status.${contact.note.status}`)}`}
                    </StatusBadge>
                    {contact.note.sensitive && <StatusBadge color="grape">{t('note.sensitiveBadge')}</StatusBadge>}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

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
        <ContactTable contacts={contacts} />
      </Stack>
      <LogContactDialog patientId={patientId} opened={logging} onClose={() => setLogging(false)} />
    </Paper>
  );
}
