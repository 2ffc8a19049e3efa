import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Program } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { draftIdsOf, hasDraft } from '../../components/forms/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';
import { programDraftForm, programEditDraftPrefix, ProgramFormDialog, type ProgramDialog } from './ProgramFormDialog.tsx';
import { programsKey, useProgramsQuery } from './programQueries.ts';

/** The organization's programs and the case management model each one follows. */
export function ProgramsPage() {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const programs = useProgramsQuery();
  const session = useSession();
  // Back after the session ended while adding or editing one: that dialog opens again with what was typed.
  const [chosen, setChosen] = useState<ProgramDialog>(() =>
    hasDraft(session.user.id, programDraftForm(null)) ? { mode: 'create' } : null,
  );
  const [keptId, setKeptId] = useState(() => (chosen === null ? (draftIdsOf(session.user.id, programEditDraftPrefix)[0] ?? null) : null));
  const keptProgram = programs.data?.find((program) => program.id === keptId);
  const dialog: ProgramDialog = chosen ?? (keptProgram ? { mode: 'edit', program: keptProgram } : null);
  const setDialog = (next: ProgramDialog) => {
    setKeptId(null);
    setChosen(next);
  };
  const [removing, setRemoving] = useState<Program | null>(null);

  const remove = useMutation({
    mutationFn: (program: Program) => unwrap(api.DELETE('/api/programs/{id}', { params: { path: { id: program.id } } })),
    onSuccess: (_, program) => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: programsKey });
      notifications.show({ color: 'green', message: t('programs.removed', { name: program.name }) });
    },
  });

  return (
    <Page
      title={t('programs.title')}
      intro={t('programs.intro')}
      actions={<Button onClick={() => setDialog({ mode: 'create' })}>{t('programs.add')}</Button>}
    >
      {programs.isPending || programs.isError ? (
        <QueryStatus isPending={programs.isPending} error={programs.error} retry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('programs.empty')}</Text>
        </Paper>
      ) : (
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('programs.listLabel')}>
          {programs.data.map((program) => (
            <Paper key={program.id} component="li" withBorder p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
                    <Title order={2} size="h4">
                      {program.name}
                    </Title>
                    <Group gap="xs">
                      <Badge variant="light" tt="none" radius="sm">
                        {t(`model.${program.caseManagementModel}`)}
                      </Badge>
                    </Group>
                  </Stack>
                  <Group gap="xs">
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => setDialog({ mode: 'edit', program })}
                      aria-label={t('programs.editNamed', { name: program.name })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      variant="default"
                      color="red"
                      size="sm"
                      onClick={() => {
                        remove.reset();
                        setRemoving(program);
                      }}
                      aria-label={t('programs.removeNamed', { name: program.name })}
                    >
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`model.${program.caseManagementModel}.explain`)}
                </Text>
                {program.description !== null && program.description !== '' && <Text size="sm">{program.description}</Text>}
                <Text size="xs" c="dimmed">
                  {t('programs.updated', { date: format.dateTime(program.updatedAt) })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      <ProgramFormDialog dialog={dialog} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('programs.remove.title', { name: removing?.name ?? '' })}
        confirmLabel={t('programs.remove.confirm')}
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (removing !== null) remove.mutate(removing);
        }}
        onClose={() => setRemoving(null)}
      >
        {t('programs.remove.body', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </Page>
  );
}
