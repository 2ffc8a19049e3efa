import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { Locale, Organization, Session } from '../../api/types.ts';
import { LocaleSelect, TimeZoneSelect } from '../../components/inputs.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { sessionKey } from '../session/sessionQueries.ts';

const organizationKey = ['organization'] as const;
const fields = ['name', 'timeZone', 'defaultLocale'] as const;

/** The organization's name, time zone ("today" and "due" are computed in it) and default language. */
export function OrganizationPage() {
  const t = useT();
  const organization = useQuery({ queryKey: organizationKey, queryFn: () => unwrap(api.GET('/api/organization')) });
  // Kept here: the form remounts with the newer version when someone else saved first.
  const [staleNotice, setStaleNotice] = useState(false);
  return (
    <Page title={t('organization.title')} intro={t('organization.intro')}>
      {organization.data === undefined ? (
        <QueryStatus isPending={organization.isPending} error={organization.error} retry={() => void organization.refetch()} />
      ) : (
        <OrganizationForm
          key={organization.data.version}
          organization={organization.data}
          staleNotice={staleNotice}
          setStaleNotice={setStaleNotice}
        />
      )}
    </Page>
  );
}

interface OrganizationValues extends Record<string, unknown> {
  name: string;
  timeZone: string;
  defaultLocale: Locale;
}

function valuesOf(organization: Organization): OrganizationValues {
  return { name: organization.name, timeZone: organization.timeZone, defaultLocale: organization.defaultLocale };
}

interface OrganizationFormProps {
  organization: Organization;
  staleNotice: boolean;
  setStaleNotice: (shown: boolean) => void;
}

function OrganizationForm({ organization, staleNotice, setStaleNotice }: OrganizationFormProps) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const form = useForm<OrganizationValues>(valuesOf(organization));
  const { values } = form;

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/organization', {
          body: { version: organization.version, name: values.name.trim(), timeZone: values.timeZone, defaultLocale: values.defaultLocale },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKey, saved);
      queryClient.setQueryData<Session | null>(sessionKey, (session) => (session ? { ...session, organization: saved } : session));
      notifications.show({ color: 'green', message: t('organization.saved') });
    },
    onError: async (error) => {
      // Someone else saved first: show their version (the form remounts with it) and say so.
      if (error instanceof ApiError && error.problemType === 'stale-version') {
        setStaleNotice(true);
        void queryClient.invalidateQueries({ queryKey: sessionKey });
        await queryClient.invalidateQueries({ queryKey: organizationKey });
      }
    },
  });
  const stale = save.error instanceof ApiError && save.error.problemType === 'stale-version';
  const server = useServerErrors(stale ? null : save.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStaleNotice(false);
    const ok = form.validate((v) => ({ name: v.name.trim() === '' ? t('organization.nameRequired') : undefined }), values);
    if (ok) save.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={640} component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        {staleNotice && (
          <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
            {t('stale.reloaded')}
          </Alert>
        )}
        <ProblemAlert message={server.alert} />
        <TextInput
          label={t('organization.name')}
          value={values.name}
          onChange={(event) => form.set('name', event.currentTarget.value)}
          error={form.errorFor('name', server.fieldErrors)}
          required
        />
        <TimeZoneSelect
          label={t('organization.timeZone')}
          description={t('organization.timeZoneDescription', { now: format.time(new Date()) })}
          value={values.timeZone}
          onChange={(zone) => form.set('timeZone', zone)}
          error={form.errorFor('timeZone', server.fieldErrors)}
          required
        />
        <LocaleSelect
          label={t('organization.defaultLocale')}
          description={t('organization.defaultLocaleDescription')}
          value={values.defaultLocale}
          onChange={(next) => form.set('defaultLocale', next)}
          error={form.errorFor('defaultLocale', server.fieldErrors)}
        />
        <Group justify="flex-end" gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
