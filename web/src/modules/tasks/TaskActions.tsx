import { ActionIcon } from '@mantine/core';
import { useState } from 'react';
import { lazyOpenedDialog } from '../../components/LazyDialog.tsx';
import { IconDots } from '../../components/icons.tsx';
import { LazyMenu } from '../../components/LazyMenu.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useTaskStatus, type Task } from './taskQueries.ts';

const LazyGiveToDialog = lazyOpenedDialog(() => import('./GiveToDialog.tsx').then((module) => module.GiveToDialog));

/** An open task's other actions: give it to someone else on the care team (or the person), or cancel it. */
export function TaskActions({ task, people }: { task: Task; people: { value: string; label: string }[] }) {
  const t = useT();
  const status = useTaskStatus();
  const [giving, setGiving] = useState(false);
  return (
    <>
      <LazyMenu
        position="bottom-end"
        withinPortal
        target={(props) => (
          <ActionIcon {...props} variant="subtle" color="dark" aria-label={t('tasks.actionsFor', { title: task.title })}>
            <IconDots />
          </ActionIcon>
        )}
        items={(Menu) => (
          <>
            <Menu.Item onClick={() => setGiving(true)}>{t('tasks.giveTo')}</Menu.Item>
            <Menu.Item color="red" onClick={() => status.mutate({ id: task.id, version: task.version, to: 'cancellation' })}>
              {t('tasks.cancel')}
            </Menu.Item>
          </>
        )}
      />
      <LazyGiveToDialog task={task} people={people} opened={giving} onClose={() => setGiving(false)} />
    </>
  );
}
