import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Dialog } from '../../components/Dialog.tsx';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { CreatedApiKey, User } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { addDays } from '../../i18n/format.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

const fields = ['userId', 'name', 'expiresOn'] as const;

interface CreateApiKeyDialogProps {
  opened: boolean;
  today: string;
  staff: UseQueryResult<User[]>;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}

export function CreateApiKeyDialog({ opened, onClose, ...props }: CreateApiKeyDialogProps) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('apiKeys.create.title')} size="lg">
      {opened && <CreateApiKeyForm onClose={onClose} {...props} />}
    </Dialog>
  );
}

function CreateApiKeyForm({ today, staff, onClose, onCreated }: Omit<CreateApiKeyDialogProps, 'opened'>) {
  const t = useT();
  const format = useFormat();
  const form = useForm<{ userId: string | null; name: string; expiresOn: string }>({
    userId: null,
    name: '',
    expiresOn: addDays(today, 90),
  });
  const { values } = form;

  const create = useMutation({
    mutationFn: (body: { userId: string; name: string; expiresOn: string }) => unwrap(api.POST('/api/api-keys', { body })),
    onSuccess: onCreated,
  });
  const server = useServerErrors(create.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        userId: v.userId === null ? t('apiKeys.form.staffRequired') : undefined,
        name: v.name.trim() === '' ? t('apiKeys.form.nameRequired') : undefined,
        expiresOn:
          v.expiresOn === '' ? t('apiKeys.form.expiresRequired') : v.expiresOn <= today ? t('apiKeys.form.expiresFuture') : undefined,
      }),
      values,
    );
    if (ok && values.userId !== null) create.mutate({ userId: values.userId, name: values.name.trim(), expiresOn: values.expiresOn });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert message={server.alert} />
        <Select
          label={t('apiKeys.form.staff')}
          description={t('apiKeys.form.staffDescription')}
          data={(staff.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }))}
          value={values.userId}
          onChange={(next) => form.set('userId', next)}
          error={form.errorFor('userId', server.fieldErrors) ?? (staff.isError ? t('apiKeys.form.staffFailed') : undefined)}
          searchable
          required
          nothingFoundMessage={t('apiKeys.form.noStaffMatches')}
          data-autofocus
        />
        <TextInput
          label={t('apiKeys.form.name')}
          description={t('apiKeys.form.nameDescription')}
          value={values.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
          error={form.errorFor('name', server.fieldErrors)}
          required
        />
        <TextInput
          type="date"
          label={t('apiKeys.form.expiresOn')}
          description={
            values.expiresOn === ''
              ? t('apiKeys.form.expiresDescription')
              : t('apiKeys.form.expiresDescriptionDate', { date: format.date(values.expiresOn) })
          }
          value={values.expiresOn}
          min={addDays(today, 1)}
          onChange={(event) => form.set('expiresOn', event.currentTarget.value)}
          error={form.errorFor('expiresOn', server.fieldErrors)}
          required
          w={{ base: '100%', xs: 240 }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiKeys.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The new key's secret, shown this one time only (the server stores a hash). */
export function SecretDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={created !== null} onClose={onClose} title={t('apiKeys.secret.title')} size="lg" closeOnClickOutside={false}>
      {created !== null && (
        <Stack gap="md">
          <Text>{t('apiKeys.secret.intro', { name: created.apiKey.name, staff: created.apiKey.userDisplayName })}</Text>
          <CopyField label={t('apiKeys.secret.label')} value={created.secret} />
          <Alert color="orange" variant="light" title={t('apiKeys.secret.onceTitle')}>
            {t('apiKeys.secret.once')}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('apiKeys.secret.howToUse')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('apiKeys.secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Dialog>
  );
}
