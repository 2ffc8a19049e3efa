import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OkBody } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

export type TodayContactItem = OkBody<'/api/today', 'get'>['sections']['contacts'][number];

/** A patient whose contact is due or overdue: the episode (where "Log a contact" is) one click away. */
export function TodayContactDue({ item, today }: { item: TodayContactItem; today: string }) {
  const t = useT();
  const format = useFormat();
  const overdue = item.nextDueOn !== null && item.nextDueOn < today;
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={item.episodeId ? `/episodes/${item.episodeId}` : `/patients/${item.patientId}`} fw={600} size="sm">
        {item.patientName}
      </Anchor>
      <Group gap="xs">
        {item.nextDueOn !== null &&
          (overdue ? (
            <StatusBadge color="red">{t('contactStatus.overdue', { date: format.date(item.nextDueOn) })}</StatusBadge>
          ) : (
            <StatusBadge color="blue">{t('today.contacts.dueToday')}</StatusBadge>
          ))}
        <Text size="sm" c="dark.6">
          {item.lastContactAt === null ? t('contactStatus.none') : t('contactStatus.last', { when: format.dateTime(item.lastContactAt) })}
        </Text>
        {item.unansweredAttempts > 0 && item.firstUnansweredAt !== null && (
          <StatusBadge color="orange">
            {t('contactStatus.attempts', { count: item.unansweredAttempts, date: format.dateTime(item.firstUnansweredAt) })}
          </StatusBadge>
        )}
      </Group>
    </Stack>
  );
}

/** A note its author has not signed: opens the contact, where the draft is finished and signed. */
export function TodayDraft({ item }: { item: TodayContactItem }) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/contacts/${item.contactId ?? ''}`} fw={600} size="sm">
        {t('today.drafts.open', { name: item.patientName })}
      </Anchor>
      {item.occurredAt !== null && (
        <Text size="sm" c="dark.6">
          {t('contacts.contactTitle', { when: format.dateTime(item.occurredAt) })}
        </Text>
      )}
    </Stack>
  );
}
