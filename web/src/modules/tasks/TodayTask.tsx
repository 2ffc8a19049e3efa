import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
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
  /** `undo` unticks it again when the change fails. */
  onComplete: (item: TodayTaskItem, undo: () => void) => void;
  busy: boolean;
}) {
  const t = useT();
  // Ticked at once: the list drops it when the server has it done.
  const [ticked, setTicked] = useState(false);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Checkbox
        mt={2}
        size="md"
        aria-label={t('tasks.complete', { title: item.title })}
        checked={ticked}
        disabled={busy || ticked}
        onChange={() => {
          setTicked(true);
          onComplete(item, () => setTicked(false));
        }}
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
