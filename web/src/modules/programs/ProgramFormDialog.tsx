import { Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { caseManagementModels } from '../../api/codes.ts';
import type { CaseManagementModel, Program } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { changedFields } from '../../components/forms/changes.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { StaleNotice } from '../../components/forms/StaleNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useStaleRecord } from '../../components/forms/useStaleRecord.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { programsKey } from './programQueries.ts';

export type ProgramDialog = { mode: 'create' } | { mode: 'edit'; program: Program } | null;

/** Kept drafts (components/forms/drafts.ts) of a program's edit are named this and its id. */
export const programEditDraftPrefix = 'program:edit:';
/** Which kept draft is a new program or one program's edit. */
export const programDraftForm = (programId: string | null) =>
  programId === null ? 'program:new' : `${programEditDraftPrefix}${programId}`;

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

interface ProgramValues {
  name: string;
  caseManagementModel: CaseManagementModel | null;
  description: string;
}

function valuesOf(program: Program): ProgramValues {
  return { name: program.name, caseManagementModel: program.caseManagementModel, description: program.description ?? '' };
}

function bodyOf(v: ProgramValues, model: CaseManagementModel) {
  const description = v.description.trim();
  return { name: v.name.trim(), caseManagementModel: model, description: description === '' ? null : description };
}

function ProgramForm({ editing, onClose }: { editing: Program | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<ProgramValues>(
    useSession().user.id,
    programDraftForm(editing?.id ?? null),
    (): Kept<ProgramValues> | null => ({
      values: form.getValues(),
      base: editing === null ? null : stale.base,
    }),
  );
  const first: ProgramValues = editing === null ? { name: '', caseManagementModel: null, description: '' } : valuesOf(editing);
  const form = useForm<ProgramValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? first,
    validate: (v) => ({
      name: v.name.trim() === '' ? t('programs.form.nameRequired') : null,
      caseManagementModel: v.caseManagementModel === null ? t('programs.form.modelRequired') : null,
    }),
  });
  // A restored edit saves against the program as first read: a change made meanwhile is then the
  // ordinary conflict, not overwritten.
  const stale = useStaleRecord(form, draft.restored?.base ?? { values: first, version: editing?.version ?? 0 });
  const problem = useFormProblem(form);

  const save = useMutation({
    mutationFn: async (model: CaseManagementModel) => {
      const { name, description } = bodyOf(form.getValues(), model);
      if (editing === null) {
        return unwrap(
          api.POST('/api/programs', { body: { name, caseManagementModel: model, ...(description === null ? {} : { description }) } }),
        );
      }
      const base = stale.base.values;
      const changes = changedFields(bodyOf(form.getValues(), model), bodyOf(base, base.caseManagementModel ?? model));
      if (Object.keys(changes).length === 0) return editing;
      return unwrap(
        api.PATCH('/api/programs/{id}', { params: { path: { id: editing.id } }, body: { ...changes, version: stale.base.version } }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programsKey });
      onClose();
    },
    onError: async (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), editing === null ? null : stale.base)) return;
      try {
        if (editing !== null && (await stale.recover(error, () => loadProgram(editing.id)))) {
          void queryClient.invalidateQueries({ queryKey: programsKey });
          return;
        }
        problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });

  const submit = form.onSubmit((values) => {
    problem.clear();
    stale.dismiss();
    if (values.caseManagementModel !== null) save.mutate(values.caseManagementModel);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <TextInput label={t('programs.form.name')} {...form.getInputProps('name')} required data-autofocus />
        <Radio.Group<CaseManagementModel>
          label={t('programs.form.model')}
          description={t('programs.form.modelDescription')}
          {...form.getInputProps('caseManagementModel')}
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
          {...form.getInputProps('description')}
          autosize
          minRows={2}
          maxRows={6}
        />
        <StaleNotice
          stale={stale}
          labels={{
            name: t('programs.form.name'),
            caseManagementModel: t('programs.form.model'),
            description: t('programs.form.description'),
          }}
          display={{ caseManagementModel: (model) => (model === null ? '' : t(`model.${model}`)) }}
        />
        <FormActions
          submit={editing === null ? t('programs.create.submit') : t('common.saveChanges')}
          busy={save.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

async function loadProgram(id: string) {
  const latest = await unwrap(api.GET('/api/programs/{id}', { params: { path: { id } } }));
  return { values: valuesOf(latest), version: latest.version };
}
