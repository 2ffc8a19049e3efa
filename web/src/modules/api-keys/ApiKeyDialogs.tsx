import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useForm } from '@mantine/form';
import { Dialog } from '../../components/Dialog.tsx';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { CreatedApiKey, User } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { addDays } from '../../i18n/format.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

interface CreateApiKeyDialogProps {
  opened: boolean;
  today: string;
  accounts: UseQueryResult<User[]>;
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

function CreateApiKeyForm({ today, accounts, onClose, onCreated }: Omit<CreateApiKeyDialogProps, 'opened'>) {
  const t = useT();
  const format = useFormat();
  const form = useForm<{ userId: string | null; name: string; expiresOn: string }>({
    mode: 'controlled',
    initialValues: { userId: null, name: '', expiresOn: addDays(today, 90) },
    validate: (v) => ({
      userId: v.userId === null ? t('apiKeys.form.accountRequired') : null,
      name: v.name.trim() === '' ? t('apiKeys.form.nameRequired') : null,
      expiresOn: v.expiresOn === '' ? t('apiKeys.form.expiresRequired') : v.expiresOn <= today ? t('apiKeys.form.expiresFuture') : null,
    }),
  });
  const problem = useFormProblem(form);
  const { values } = form;

  const create = useMutation({
    mutationFn: (body: { userId: string; name: string; expiresOn: string }) => unwrap(api.POST('/api/api-keys', { body })),
    onSuccess: onCreated,
    onError: problem.show,
  });

  const submit = form.onSubmit((v) => {
    problem.clear();
    if (v.userId !== null) create.mutate({ userId: v.userId, name: v.name.trim(), expiresOn: v.expiresOn });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert message={problem.alert} />
        {accounts.data?.length === 0 && (
          <Alert color="blue" variant="light" title={t('apiKeys.form.noAccountsTitle')}>
            {t('apiKeys.form.noAccounts')}{' '}
            <Anchor component={Link} to="/staff">
              {t('apiKeys.form.toStaff')}
            </Anchor>
          </Alert>
        )}
        <Select
          label={t('apiKeys.form.account')}
          description={t('apiKeys.form.accountDescription')}
          data={(accounts.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
          {...form.getInputProps('userId')}
          error={form.errors.userId ?? (accounts.isError ? t('apiKeys.form.accountsFailed') : undefined)}
          searchable
          required
          nothingFoundMessage={t('apiKeys.form.noAccountMatches')}
          data-autofocus
        />
        <TextInput
          label={t('apiKeys.form.name')}
          description={t('apiKeys.form.nameDescription')}
          {...form.getInputProps('name')}
          required
        />
        <TextInput
          type="date"
          label={t('apiKeys.form.expiresOn')}
          description={
            values.expiresOn === ''
              ? t('apiKeys.form.expiresDescription')
              : t('apiKeys.form.expiresDescriptionDate', { date: format.dateInSentence(values.expiresOn) })
          }
          {...form.getInputProps('expiresOn')}
          min={addDays(today, 1)}
          required
          w={{ base: '100%', xs: 240 }}
        />
        <FormActions submit={t('apiKeys.create.submit')} busy={create.isPending} onCancel={onClose} />
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
          <Text>{t('apiKeys.secret.intro', { name: created.apiKey.name, account: created.apiKey.userDisplayName })}</Text>
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
