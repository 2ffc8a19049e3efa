import { Group, Text } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useToday } from '../patients/useToday.ts';
import type { ContactStatus } from './contactQueries.ts';

/** "Last contact: … · Next due: … · 3 attempts, no answer, since Monday". */
export function ContactStatusLine({ status }: { status: ContactStatus }) {
  const t = useT();
  const format = useFormat();
  const today = useToday();
  const overdue = status.nextDueOn !== null && status.nextDueOn < today;
  return (
    <Group gap="md" wrap="wrap">
      <Text size="sm">
        {status.lastContactAt === null ? t('contactStatus.none') : t('contactStatus.last', { when: format.dateTime(status.lastContactAt) })}
      </Text>
      {status.nextDueOn !== null &&
        (overdue ? (
          <StatusBadge color="red">{t('contactStatus.overdue', { date: format.date(status.nextDueOn) })}</StatusBadge>
        ) : (
          <Text size="sm" data-testid="next-due">
            {t('contactStatus.nextDue', { date: format.date(status.nextDueOn) })}
          </Text>
        ))}
      {status.unansweredAttempts > 0 && status.firstUnansweredAt !== null && (
        <StatusBadge color="orange">
          {t('contactStatus.attempts', { count: status.unansweredAttempts, date: format.dateTime(status.firstUnansweredAt) })}
        </StatusBadge>
      )}
      {status.cadenceDays !== null && (
        <Text size="sm" c="dimmed">
          {t('contactStatus.every', { days: status.cadenceDays })}
        </Text>
      )}
    </Group>
  );
}
