import { Button, Fieldset, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { Locale, RequestBody } from '../../api/types.ts';
import { FullPageLoader } from '../../app/guards.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { LocaleSelect, TimeZoneSelect } from '../../components/inputs.tsx';
import { Page } from '../../components/Page.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { browserTimeZone } from '../../i18n/timeZones.ts';
import { minimumPasswordLength, newPasswordProblems } from '../session/passwordRules.ts';
import { setupKey, useSetupQuery } from '../session/sessionQueries.ts';

type SetupBody = RequestBody<'/api/setup', 'post'>;

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
          <SetupForm codeRequired={setup.data?.setupCodeRequired === true} onCompleted={() => setCompleted(true)} />
        )}
      </Page>
    </PublicLayout>
  );
}

function SetupForm({ codeRequired, onCompleted }: { codeRequired: boolean; onCompleted: () => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      setupCode: '',
      organizationName: '',
      timeZone: browserTimeZone(),
      adminName: '',
      adminEmail: '',
      adminPassword: '',
      confirmation: '',
    },
    validate: (v) => {
      const password = newPasswordProblems(v.adminPassword, v.confirmation);
      return {
        setupCode: codeRequired && v.setupCode.trim() === '' ? t('setup.code.required') : null,
        organizationName: v.organizationName.trim() === '' ? t('setup.organizationName.required') : null,
        adminName: v.adminName.trim() === '' ? t('setup.adminName.required') : null,
        adminEmail: v.adminEmail.trim() === '' ? t('form.emailRequired') : null,
        adminPassword: password.password ? t(`password.${password.password}`, { min: minimumPasswordLength }) : null,
        confirmation: password.confirmation ? t(`password.confirmation.${password.confirmation}`) : null,
      };
    },
  });
  // The language sent is the page's own (this picker or the header's), not a form value.
  const problem = useFormProblem(form, { outside: ['locale'] });

  const create = useMutation({
    mutationFn: (body: SetupBody) => unwrap(api.POST('/api/setup', { body })),
    onSuccess: (_, body) => {
      onCompleted();
      queryClient.setQueryData(setupKey, { setupRequired: false, setupCodeRequired: codeRequired });
      void navigate('/sign-in', { replace: true, state: { notice: 'setupComplete', email: body.adminEmail } });
    },
    onError: (error) => {
      // The code is checked before anything else, and answered as a refusal, not a field error: place it by its field.
      if (error instanceof ApiError && error.code === 'wrong-setup-code') form.setFieldError('setupCode', t('problem.wrong-setup-code'));
      else problem.show(error);
    },
  });

  const submit = form.onSubmit((values) => {
    problem.clear();
    create.mutate({
      organizationName: values.organizationName.trim(),
      timeZone: values.timeZone,
      adminName: values.adminName.trim(),
      adminEmail: values.adminEmail.trim(),
      adminPassword: values.adminPassword,
      locale,
      ...(codeRequired ? { setupCode: values.setupCode.replace(/\s/g, '') } : {}),
    });
  });

  return (
    <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} component="form" onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ProblemAlert message={problem.alert} />
        {codeRequired && (
          <Fieldset legend={<Legend>{t('setup.codeLegend')}</Legend>} variant="unstyled">
            <TextInput
              label={t('setup.code')}
              description={t('setup.code.description')}
              {...form.getInputProps('setupCode')}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              maw={320}
              data-autofocus
            />
          </Fieldset>
        )}
        <Fieldset legend={<Legend>{t('setup.organizationLegend')}</Legend>} variant="unstyled">
          <Stack gap="md">
            <TextInput
              label={t('setup.organizationName')}
              description={t('setup.organizationName.description')}
              {...form.getInputProps('organizationName')}
              required
              autoComplete="organization"
            />
            <TimeZoneSelect
              label={t('setup.timeZone')}
              description={t('setup.timeZone.description')}
              value={form.values.timeZone}
              onChange={(next) => form.setFieldValue('timeZone', next)}
              error={form.errors.timeZone}
              required
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={<Legend>{t('setup.adminLegend')}</Legend>} variant="unstyled">
          <Stack gap="md">
            <TextInput label={t('setup.adminName')} {...form.getInputProps('adminName')} required autoComplete="name" />
            <TextInput
              label={t('setup.adminEmail')}
              description={t('setup.adminEmail.description')}
              type="email"
              {...form.getInputProps('adminEmail')}
              required
              autoComplete="email"
            />
            <PasswordField
              label={t('setup.adminPassword')}
              description={t('password.rule', { min: minimumPasswordLength })}
              {...form.getInputProps('adminPassword')}
              required
              autoComplete="new-password"
            />
            <PasswordField
              label={t('setup.confirmPassword')}
              {...form.getInputProps('confirmation')}
              required
              autoComplete="new-password"
            />
            <LocaleSelect
              label={t('setup.language')}
              description={t('setup.language.description')}
              value={locale}
              onChange={(next: Locale) => setLocale(next)}
              error={form.errors.locale}
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
