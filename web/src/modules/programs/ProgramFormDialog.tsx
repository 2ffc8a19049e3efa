import { Alert, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../../components/Dialog.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { caseManagementModels } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import type { CaseManagementModel, Program } from '../../api/types.ts';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { programsKey } from './programQueries.ts';

export type ProgramDialog = { mode: 'create' } | { mode: 'edit'; program: Program } | null;

const fields = ['name', 'caseManagementModel', 'description'] as const;

export function ProgramFormDialog({ dialog, onClose }: { dialog: ProgramDialog; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      opened={dialog !== null}
      onClose={onClose}
      title={dialog?.mode === 'edit' ? t('programs.edit.title', { name: dialog.program.name }) : t('programs.create.title')}
      size="lg"
    >
      {dialog !== null && (
        <ProgramForm
          key={dialog.mode === 'edit' ? dialog.program.id : 'create'}
          editing={dialog.mode === 'edit' ? dialog.program : null}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

interface ProgramValues extends Record<string, unknown> {
  name: string;
  caseManagementModel: CaseManagementModel | null;
  description: string;
}

function valuesOf(program: Program): ProgramValues {
  return { name: program.name, caseManagementModel: program.caseManagementModel, description: program.description ?? '' };
}

function ProgramForm({ editing, onClose }: { editing: Program | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [staleNotice, setStaleNotice] = useState(false);
  const form = useForm<ProgramValues>(editing === null ? { name: '', caseManagementModel: null, description: '' } : valuesOf(editing));
  const { values } = form;

  const save = useMutation({
    mutationFn: (model: CaseManagementModel) => {
      const description = values.description.trim();
      if (editing === null) {
        return unwrap(
          api.POST('/api/programs', {
            body: { name: values.name.trim(), caseManagementModel: model, ...(description === '' ? {} : { description }) },
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/programs/{id}', {
          params: { path: { id: editing.id } },
          body: { version, name: values.name.trim(), caseManagementModel: model, description: description === '' ? null : description },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programsKey });
      onClose();
    },
    onError: async (error) => {
      if (editing !== null && error instanceof ApiError && error.problemType === 'stale-version') {
        const latest = await unwrap(api.GET('/api/programs/{id}', { params: { path: { id: editing.id } } }));
        setVersion(latest.version);
        form.reset(valuesOf(latest));
        setStaleNotice(true);
        void queryClient.invalidateQueries({ queryKey: programsKey });
      }
    },
  });
  const stale = save.error instanceof ApiError && save.error.problemType === 'stale-version';
  const server = useServerErrors(stale ? null : save.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStaleNotice(false);
    const ok = form.validate(
      (v) => ({
        name: v.name.trim() === '' ? t('programs.form.nameRequired') : undefined,
        caseManagementModel: v.caseManagementModel === null ? t('programs.form.modelRequired') : undefined,
      }),
      values,
    );
    if (ok && values.caseManagementModel !== null) save.mutate(values.caseManagementModel);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {(stale || staleNotice) && (
          <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
            {t('stale.reloaded')}
          </Alert>
        )}
        <ProblemAlert message={server.alert} />
        <TextInput
          label={t('programs.form.name')}
          value={values.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
          error={form.errorFor('name', server.fieldErrors)}
          required
          data-autofocus
        />
        <Radio.Group<CaseManagementModel>
          label={t('programs.form.model')}
          description={t('programs.form.modelDescription')}
          value={values.caseManagementModel}
          onChange={(next) => form.set('caseManagementModel', next)}
          error={form.errorFor('caseManagementModel', server.fieldErrors)}
          required
        >
          <Stack gap="sm" mt="xs">
            {caseManagementModels.map((model) => (
              <Radio
                key={model}
                value={model}
                label={t(`model.${model}`)}
                description={
                  <Text span size="xs" c="dimmed">
                    {t(`model.${model}.explain`)}
                  </Text>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('programs.form.description')}
          description={t('programs.form.descriptionHelp')}
          value={values.description}
          onChange={(event) => form.set('description', event.currentTarget.value)}
          error={form.errorFor('description', server.fieldErrors)}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing === null ? t('programs.create.submit') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
