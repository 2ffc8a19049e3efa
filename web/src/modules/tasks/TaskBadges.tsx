import { Group } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { daysBetween } from '../caseload/caseload.ts';

const priorityColor = { urgent: 'red', high: 'orange', normal: 'gray', low: 'gray' } as const;

/** When it is due (overdue in red, in words, not by colour alone) and its priority when above normal. */
export function TaskBadges({ dueOn, priority, today }: { dueOn: string; priority: keyof typeof priorityColor; today: string }) {
  const t = useT();
  const format = useFormat();
  const late = daysBetween(dueOn, today);
  return (
    <Group gap={6} component="span">
      {late > 0 ? (
        <StatusBadge color="red">{t('tasks.overdue', { days: late })}</StatusBadge>
      ) : late === 0 ? (
        <StatusBadge color="blue">{t('tasks.dueToday')}</StatusBadge>
      ) : (
        <StatusBadge color="gray">{t('tasks.due', { date: format.date(dueOn) })}</StatusBadge>
      )}
      {(priority === 'urgent' || priority === 'high') && (
        <StatusBadge color={priorityColor[priority]}>{t(`taskPriority.${priority}`)}</StatusBadge>
      )}
    </Group>
  );
}
