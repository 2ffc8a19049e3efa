import { Button, Fieldset, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Locale, RequestBody } from '../../api/types.ts';
import { FullPageLoader } from '../../app/guards.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { LocaleSelect, TimeZoneSelect } from '../../components/inputs.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useForm } from '../../components/useForm.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { browserTimeZone } from '../../i18n/timeZones.ts';
import { minimumPasswordLength, newPasswordProblems } from '../session/passwordRules.ts';
import { setupKey, useSetupQuery } from '../session/sessionQueries.ts';

type SetupBody = RequestBody<'/api/setup', 'post'>;
const fields = ['organizationName', 'timeZone', 'adminName', 'adminEmail', 'adminPassword', 'locale'] as const;

/** First run: creates the organization and its first administrator (POST /api/setup, once). */
export function SetupPage() {
  const t = useT();
  const setup = useSetupQuery();
  // Set when this page itself finished setup: it then hands over to sign-in (with its notice)
  // instead of redirecting like a visit after setup would.
  const [completed, setCompleted] = useState(false);

  if (completed) return null;
  if (setup.isPending) return <FullPageLoader />;
  if (setup.data?.setupRequired === false) return <Navigate to="/sign-in" replace />;
  return (
    <PublicLayout>
      <Page title={t('setup.title')} intro={t('setup.intro')}>
        {setup.isError ? (
          <QueryStatus error={setup.error} isPending={false} retry={() => void setup.refetch()} />
        ) : (
          <SetupForm onCompleted={() => setCompleted(true)} />
        )}
      </Page>
    </PublicLayout>
  );
}

function SetupForm({ onCompleted }: { onCompleted: () => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    organizationName: '',
    timeZone: browserTimeZone(),
    adminName: '',
    adminEmail: '',
    adminPassword: '',
    confirmation: '',
  });
  const { values } = form;

  const create = useMutation({
    mutationFn: (body: SetupBody) => unwrap(api.POST('/api/setup', { body })),
    onSuccess: (_, body) => {
      onCompleted();
      queryClient.setQueryData(setupKey, { setupRequired: false });
      void navigate('/sign-in', { replace: true, state: { notice: 'setupComplete', email: body.adminEmail } });
    },
  });
  const server = useServerErrors(create.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate((v) => {
      const password = newPasswordProblems(v.adminPassword, v.confirmation);
      return {
        organizationName: v.organizationName.trim() === '' ? t('setup.organizationName.required') : undefined,
        adminName: v.adminName.trim() === '' ? t('setup.adminName.required') : undefined,
        adminEmail: v.adminEmail.trim() === '' ? t('form.emailRequired') : undefined,
        adminPassword: password.password && t(`password.${password.password}`, { min: minimumPasswordLength }),
        confirmation: password.confirmation && t(`password.confirmation.${password.confirmation}`),
      };
    }, values);
    if (!ok) return;
    create.mutate({
      organizationName: values.organizationName.trim(),
      timeZone: values.timeZone,
      adminName: values.adminName.trim(),
      adminEmail: values.adminEmail.trim(),
      adminPassword: values.adminPassword,
      locale,
    });
  };

  const errorFor = (key: keyof typeof values) => form.errorFor(key, server.fieldErrors);

  return (
    <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} component="form" onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ProblemAlert message={server.alert} />
        <Fieldset legend={<Legend>{t('setup.organizationLegend')}</Legend>} variant="unstyled">
          <Stack gap="md">
            <TextInput
              label={t('setup.organizationName')}
              description={t('setup.organizationName.description')}
              value={values.organizationName}
              onChange={(event) => form.set('organizationName', event.currentTarget.value)}
              error={errorFor('organizationName')}
              required
              autoComplete="organization"
            />
            <TimeZoneSelect
              label={t('setup.timeZone')}
              description={t('setup.timeZone.description')}
              value={values.timeZone}
              onChange={(zone) => form.set('timeZone', zone)}
              error={errorFor('timeZone')}
              required
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={<Legend>{t('setup.adminLegend')}</Legend>} variant="unstyled">
          <Stack gap="md">
            <TextInput
              label={t('setup.adminName')}
              value={values.adminName}
              onChange={(event) => form.set('adminName', event.currentTarget.value)}
              error={errorFor('adminName')}
              required
              autoComplete="name"
            />
            <TextInput
              label={t('setup.adminEmail')}
              description={t('setup.adminEmail.description')}
              type="email"
              value={values.adminEmail}
              onChange={(event) => form.set('adminEmail', event.currentTarget.value)}
              error={errorFor('adminEmail')}
              required
              autoComplete="email"
            />
            <PasswordField
              label={t('setup.adminPassword')}
              description={t('password.rule', { min: minimumPasswordLength })}
              value={values.adminPassword}
              onChange={(event) => form.set('adminPassword', event.currentTarget.value)}
              error={errorFor('adminPassword')}
              required
              autoComplete="new-password"
            />
            <PasswordField
              label={t('setup.confirmPassword')}
              value={values.confirmation}
              onChange={(event) => form.set('confirmation', event.currentTarget.value)}
              error={errorFor('confirmation')}
              required
              autoComplete="new-password"
            />
            <LocaleSelect
              label={t('setup.language')}
              description={t('setup.language.description')}
              value={locale}
              onChange={(next: Locale) => setLocale(next)}
              error={server.fieldErrors.locale}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" size="md" loading={create.isPending}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

function Legend({ children }: { children: string }) {
  return (
    <Text span fw={700} fz="lg" c="dark">
      {children}
    </Text>
  );
}
