import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OkBody } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { TaskBadges } from './TaskBadges.tsx';

export type TodayTaskItem = OkBody<'/api/today', 'get'>['sections']['tasks'][number];

/** One task on Today: ticked done in place; the patient one click away. */
export function TodayTask({
  item,
  today,
  onComplete,
  busy,
}: {
  item: TodayTaskItem;
  today: string;
  onComplete: (item: TodayTaskItem) => void;
  busy: boolean;
}) {
  const t = useT();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Checkbox
        mt={2}
        size="md"
        aria-label={t('tasks.complete', { title: item.title })}
        checked={false}
        disabled={busy}
        onChange={() => onComplete(item)}
      />
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {item.title}
        </Text>
        <Group gap="xs">
          {item.patientId ? (
            <Anchor component={Link} to={`/patients/${item.patientId}`} size="sm">
              {item.patientName}
            </Anchor>
          ) : (
            <Text size="sm" c="dark.6">
              {t('tasks.own')}
            </Text>
          )}
          <TaskBadges dueOn={item.dueOn} priority={item.priority} today={today} />
        </Group>
      </Stack>
    </Group>
  );
}
