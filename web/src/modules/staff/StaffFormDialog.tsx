import { Checkbox, MultiSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { integrationRoles, isIntegrationRole, roles } from '../../api/codes.ts';
import type { CreatedUser, Locale, Role, User } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { changedFields } from '../../components/forms/changes.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { StaleNotice } from '../../components/forms/StaleNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useStaleRecord } from '../../components/forms/useStaleRecord.ts';
import { LocaleSelect } from '../../components/inputs.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { usersKey } from './staffQueries.ts';

export type StaffDialog = { mode: 'create' } | { mode: 'create-integration' } | { mode: 'edit'; user: User } | null;

/** Kept drafts (components/forms/drafts.ts) of an edit are named this and the person's id. */
export const staffEditDraftPrefix = 'staff:edit:';

/**
 * Which kept draft is this dialog's: an invitation, an integration account or one person's edit.
 * No password, set-password link or API key secret is ever in this form, so none is kept.
 */
export function staffDraftForm(dialog: NonNullable<StaffDialog>): string {
  return dialog.mode === 'edit' ? `${staffEditDraftPrefix}${dialog.user.id}` : `staff:${dialog.mode}`;
}

interface StaffFormDialogProps {
  dialog: StaffDialog;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}

export function StaffFormDialog({ dialog, onClose, onCreated }: StaffFormDialogProps) {
  const t = useT();
  return (
    <Dialog
      opened={dialog !== null}
      onClose={onClose}
      title={
        dialog?.mode === 'edit'
          ? t('staff.edit.title', { name: dialog.user.displayName })
          : dialog?.mode === 'create-integration'
            ? t('staff.integration.create.title')
            : t('staff.create.title')
      }
      size="lg"
    >
      {dialog !== null && (
        <StaffForm
          key={dialog.mode === 'edit' ? dialog.user.id : dialog.mode}
          draftForm={staffDraftForm(dialog)}
          editing={dialog.mode === 'edit' ? dialog.user : null}
          integration={dialog.mode === 'edit' ? dialog.user.kind === 'integration' : dialog.mode === 'create-integration'}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Dialog>
  );
}

interface StaffFormValues {
  email: string;
  displayName: string;
  roles: Role[];
  programIds: string[];
  locale: Locale;
  credential: string;
}

function valuesOf(user: User): StaffFormValues {
  return {
    email: user.email ?? '',
    displayName: user.displayName,
    roles: [...user.roles],
    programIds: [...user.programIds],
    locale: user.locale,
    credential: user.credential ?? '',
  };
}

/** What an edit may change (the email and language are the person's own). */
const editable = (v: StaffFormValues) => ({
  displayName: v.displayName.trim(),
  roles: v.roles,
  programIds: v.programIds,
  credential: v.credential.trim() === '' ? null : v.credential.trim(),
});

interface StaffFormProps {
  draftForm: string;
  editing: User | null;
  /** An integration account: no email or language, and only the roles such an account may hold. */
  integration: boolean;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}

function StaffForm({ draftForm, editing, integration, onClose, onCreated }: StaffFormProps) {
  const t = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const programs = useProgramsQuery();
  const draft = useKeptDraft<StaffFormValues>(session.user.id, draftForm, (): Kept<StaffFormValues> | null => ({
    values: form.getValues(),
    base: editing === null ? null : stale.base,
  }));
  const first: StaffFormValues =
    editing === null
      ? { email: '', displayName: '', roles: [], programIds: [], locale: session.organization.defaultLocale, credential: '' }
      : valuesOf(editing);
  const form = useForm<StaffFormValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? first,
    validate: (v) => ({
      email: editing === null && !integration && v.email.trim() === '' ? t('form.emailRequired') : null,
      displayName: v.displayName.trim() === '' ? t('staff.form.nameRequired') : null,
      roles: v.roles.length === 0 ? t('staff.form.rolesRequired') : null,
    }),
  });
  // A restored edit saves against the person's record as first read: a change made meanwhile is
  // then the ordinary conflict, not overwritten.
  const stale = useStaleRecord(form, draft.restored?.base ?? { values: first, version: editing?.version ?? 0 });
  const problem = useFormProblem(form);
  const programName = (id: string) => programs.data?.find((program) => program.id === id)?.name ?? id;

  const save = useMutation({
    mutationFn: async (): Promise<CreatedUser | User> => {
      const values = form.getValues();
      if (editing === null && integration) {
        const { displayName, programIds } = editable(values);
        return unwrap(
          api.POST('/api/integration-accounts', { body: { displayName, programIds, roles: values.roles.filter(isIntegrationRole) } }),
        );
      }
      if (editing === null) {
        return unwrap(
          api.POST('/api/users', {
            body: { ...editable(values), email: values.email.trim(), locale: values.locale },
          }),
        );
      }
      const changes = changedFields(editable(values), editable(stale.base.values));
      if (Object.keys(changes).length === 0) return editing;
      return unwrap(
        api.PATCH('/api/users/{id}', { params: { path: { id: editing.id } }, body: { ...changes, version: stale.base.version } }),
      );
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if ('invitationUrl' in result) onCreated(result);
      else {
        if (editing === null) notifications.show({ color: 'green', message: t('staff.integration.created', { name: result.displayName }) });
        onClose();
      }
    },
    onError: async (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), editing === null ? null : stale.base)) return;
      try {
        if (editing !== null && (await stale.recover(error, () => loadUser(editing.id)))) {
          void queryClient.invalidateQueries({ queryKey: usersKey });
          return;
        }
        problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });

  const submit = form.onSubmit(() => {
    problem.clear();
    stale.dismiss();
    save.mutate();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <TextInput
          label={integration ? t('staff.integration.name') : t('staff.form.name')}
          description={integration ? t('staff.integration.nameDescription') : undefined}
          {...form.getInputProps('displayName')}
          required
          data-autofocus
        />
        {integration ? (
          <Text size="sm" c="dimmed">
            {t('staff.integration.explain')}
          </Text>
        ) : editing === null ? (
          <TextInput
            label={t('staff.form.email')}
            description={t('staff.form.emailDescription')}
            type="email"
            {...form.getInputProps('email')}
            required
          />
        ) : (
          <TextInput
            label={t('staff.form.email')}
            description={t('staff.form.emailFixed')}
            value={form.values.email}
            readOnly
            variant="filled"
          />
        )}
        <Checkbox.Group<Role>
          label={t('staff.form.roles')}
          description={integration ? t('staff.integration.rolesDescription') : t('staff.form.rolesDescription')}
          {...form.getInputProps('roles')}
          required
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {(integration ? integrationRoles : roles).map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <MultiSelect
          label={t('staff.form.programs')}
          description={integration ? t('staff.integration.programsDescription') : t('staff.form.programsDescription')}
          data={(programs.data ?? []).map((program) => ({ value: program.id, label: program.name }))}
          {...form.getInputProps('programIds')}
          error={form.errors.programIds ?? (programs.isError ? t('staff.form.programsFailed') : undefined)}
          placeholder={programs.data?.length === 0 ? t('staff.form.noProgramsYet') : undefined}
          searchable
          clearable
          nothingFoundMessage={t('staff.form.noProgramMatches')}
        />
        {!integration && (
          <TextInput
            label={t('staff.form.credential')}
            description={t('staff.form.credentialDescription')}
            {...form.getInputProps('credential')}
            maxLength={40}
          />
        )}
        {editing === null && !integration && (
          <LocaleSelect
            label={t('staff.form.language')}
            description={t('staff.form.languageDescription')}
            value={form.values.locale}
            onChange={(next) => form.setFieldValue('locale', next)}
            error={form.errors.locale}
          />
        )}
        <StaleNotice
          stale={stale}
          labels={{
            displayName: t('staff.form.name'),
            roles: t('staff.form.roles'),
            programIds: t('staff.form.programs'),
            credential: t('staff.form.credential'),
          }}
          display={{
            roles: (chosen) => chosen.map((role) => t(`role.${role}`)).join(', '),
            programIds: (ids) => ids.map(programName).join(', '),
          }}
        />
        <FormActions
          submit={
            editing !== null ? t('common.saveChanges') : integration ? t('staff.integration.create.submit') : t('staff.create.submit')
          }
          busy={save.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

async function loadUser(id: string) {
  const latest = await unwrap(api.GET('/api/users/{id}', { params: { path: { id } } }));
  return { values: valuesOf(latest), version: latest.version };
}
