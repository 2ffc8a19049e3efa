import { Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import type { EpisodeContacts as EpisodeContactsData } from './contactQueries.ts';

/** The newest contacts, on the episode screen and the patient overview; scrolls sideways on a phone. */
export function ContactTable({ contacts, label }: { contacts: EpisodeContactsData['recent']; label: string }) {
  const t = useT();
  const format = useFormat();
  if (contacts.length === 0) return <Text c="dimmed">{t('contacts.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped verticalSpacing="xs" aria-label={label}>
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
