import { Alert, Button, Checkbox, Group, MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Dialog } from '../../components/Dialog.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { roles } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import type { CreatedUser, Locale, Role, User } from '../../api/types.ts';
import { LocaleSelect } from '../../components/inputs.tsx';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { usersKey } from './staffQueries.ts';

export type StaffDialog = { mode: 'create' } | { mode: 'edit'; user: User } | null;

const fields = ['email', 'displayName', 'roles', 'programIds', 'locale'] as const;

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
      title={dialog?.mode === 'edit' ? t('staff.edit.title', { name: dialog.user.displayName }) : t('staff.create.title')}
      size="lg"
    >
      {dialog !== null && (
        <StaffForm
          key={dialog.mode === 'edit' ? dialog.user.id : 'create'}
          editing={dialog.mode === 'edit' ? dialog.user : null}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Dialog>
  );
}

interface StaffFormValues extends Record<string, unknown> {
  email: string;
  displayName: string;
  roles: Role[];
  programIds: string[];
  locale: Locale;
}

function valuesOf(user: User): StaffFormValues {
  return {
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    programIds: [...user.programIds],
    locale: user.locale,
  };
}

function StaffForm({
  editing,
  onClose,
  onCreated,
}: {
  editing: User | null;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}) {
  const t = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const programs = useProgramsQuery();
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [staleNotice, setStaleNotice] = useState(false);
  const form = useForm<StaffFormValues>(
    editing === null
      ? { email: '', displayName: '', roles: [], programIds: [], locale: session.organization.defaultLocale }
      : valuesOf(editing),
  );
  const { values } = form;

  const save = useMutation({
    mutationFn: async (): Promise<CreatedUser | User> => {
      if (editing === null) {
        return unwrap(
          api.POST('/api/users', {
            body: {
              email: values.email.trim(),
              displayName: values.displayName.trim(),
              roles: values.roles,
              programIds: values.programIds,
              locale: values.locale,
            },
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: editing.id } },
          body: { version, displayName: values.displayName.trim(), roles: values.roles, programIds: values.programIds },
        }),
      );
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if ('invitationUrl' in result) onCreated(result);
      else onClose();
    },
    onError: async (error) => {
      // Someone else saved this person meanwhile: load their current details and say so.
      if (editing !== null && error instanceof ApiError && error.problemType === 'stale-version') {
        const latest = await unwrap(api.GET('/api/users/{id}', { params: { path: { id: editing.id } } }));
        setVersion(latest.version);
        form.reset(valuesOf(latest));
        setStaleNotice(true);
        void queryClient.invalidateQueries({ queryKey: usersKey });
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
        email: editing === null && v.email.trim() === '' ? t('form.emailRequired') : undefined,
        displayName: v.displayName.trim() === '' ? t('staff.form.nameRequired') : undefined,
        roles: v.roles.length === 0 ? t('staff.form.rolesRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
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
          label={t('staff.form.name')}
          value={values.displayName}
          onChange={(event) => form.set('displayName', event.currentTarget.value)}
          error={form.errorFor('displayName', server.fieldErrors)}
          required
          data-autofocus
        />
        {editing === null ? (
          <TextInput
            label={t('staff.form.email')}
            description={t('staff.form.emailDescription')}
            type="email"
            value={values.email}
            onChange={(event) => form.set('email', event.currentTarget.value)}
            error={form.errorFor('email', server.fieldErrors)}
            required
          />
        ) : (
          <TextInput
            label={t('staff.form.email')}
            description={t('staff.form.emailFixed')}
            value={values.email}
            readOnly
            variant="filled"
          />
        )}
        <Checkbox.Group<Role>
          label={t('staff.form.roles')}
          description={t('staff.form.rolesDescription')}
          value={values.roles}
          onChange={(next) => form.set('roles', next)}
          error={form.errorFor('roles', server.fieldErrors)}
          required
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <MultiSelect
          label={t('staff.form.programs')}
          description={t('staff.form.programsDescription')}
          data={(programs.data ?? []).map((program) => ({ value: program.id, label: program.name }))}
          value={values.programIds}
          onChange={(next) => form.set('programIds', next)}
          error={form.errorFor('programIds', server.fieldErrors) ?? (programs.isError ? t('staff.form.programsFailed') : undefined)}
          placeholder={programs.data?.length === 0 ? t('staff.form.noProgramsYet') : undefined}
          searchable
          clearable
          nothingFoundMessage={t('staff.form.noProgramMatches')}
        />
        {editing === null && (
          <LocaleSelect
            label={t('staff.form.language')}
            description={t('staff.form.languageDescription')}
            value={values.locale}
            onChange={(next) => form.set('locale', next)}
            error={form.errorFor('locale', server.fieldErrors)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing === null ? t('staff.create.submit') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
