import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Locale, SessionSummary } from '../../api/types.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { LocaleSelect } from '../../components/inputs.tsx';
import { Page } from '../../components/Page.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { minimumPasswordLength, newPasswordProblems } from '../session/passwordRules.ts';
import { useSession } from '../session/SessionContext.tsx';
import { RecoveryCodesPart, SecurityEventsList, securityEventsKey } from './SecuritySections.tsx';
import { describeUserAgent } from './userAgent.ts';
import { useSaveLanguage } from './useSaveLanguage.ts';

const sessionsKey = ['sessions'] as const;

/** My language, password, second factor and recovery codes, security events and open sessions. */
export function AccountPage() {
  const t = useT();
  const { user } = useSession();
  return (
    <Page title={t('account.title')} intro={t('account.intro', { email: user.email ?? '' })}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <LanguageSection />
        <SecondFactorSection />
      </SimpleGrid>
      <PasswordSection />
      <Section title={t('account.events.title')} id="account-security-events">
        <SecurityEventsList />
      </Section>
      <SessionsSection />
    </Page>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function LanguageSection() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const saveLanguage = useSaveLanguage();
  return (
    <Section title={t('account.language.title')} id="account-language">
      <LocaleSelect
        label={t('account.language.label')}
        description={t('account.language.description')}
        value={locale}
        onChange={(next: Locale) => {
          setLocale(next);
          saveLanguage.mutate(next);
        }}
        maw={320}
      />
    </Section>
  );
}

function SecondFactorSection() {
  const t = useT();
  const { user } = useSession();
  return (
    <Section title={t('account.mfa.title')} id="account-mfa">
      <Group gap="xs">
        <Text>{t('account.mfa.status')}</Text>
        <StatusBadge color={user.mfaEnabled ? 'green' : 'gray'}>{user.mfaEnabled ? t('account.mfa.on') : t('account.mfa.off')}</StatusBadge>
      </Group>
      <Text size="sm" c="dimmed">
        {user.mfaEnabled ? t('account.mfa.onExplain') : t('account.mfa.offExplain')}
      </Text>
      <Group>
        <Button component={Link} to="/account/second-factor" variant={user.mfaEnabled ? 'default' : 'filled'}>
          {user.mfaEnabled ? t('account.mfa.replace') : t('account.mfa.setUp')}
        </Button>
      </Group>
      <RecoveryCodesPart />
    </Section>
  );
}

function PasswordSection() {
  const t = useT();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const empty = { currentPassword: '', newPassword: '', confirmation: '' };
  const form = useForm({
    mode: 'controlled',
    initialValues: empty,
    validate: (v) => {
      const problems = newPasswordProblems(v.newPassword, v.confirmation);
      return {
        currentPassword: v.currentPassword === '' ? t('account.password.currentRequired') : null,
        newPassword: problems.password ? t(`password.${problems.password}`, { min: minimumPasswordLength }) : null,
        confirmation: problems.confirmation ? t(`password.confirmation.${problems.confirmation}`) : null,
      };
    },
  });
  const problem = useFormProblem(form);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/me/password', { body })),
    onSuccess: () => {
      form.setValues(empty);
      form.resetDirty(empty);
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      void queryClient.invalidateQueries({ queryKey: securityEventsKey });
      notifications.show({ color: 'green', title: t('account.password.doneTitle'), message: t('account.password.done') });
    },
    onError: problem.show,
  });

  const submit = form.onSubmit((values) => {
    problem.clear();
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  });

  return (
    <Section title={t('account.password.title')} id="account-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          <Text size="sm" c="dimmed">
            {t('account.password.intro')}
          </Text>
          <ProblemAlert message={problem.alert} />
          <input type="email" name="username" autoComplete="username" value={user.email ?? ''} readOnly hidden />
          <PasswordField
            label={t('account.password.current')}
            {...form.getInputProps('currentPassword')}
            autoComplete="current-password"
            required
          />
          <PasswordField
            label={t('account.password.new')}
            description={t('password.rule', { min: minimumPasswordLength })}
            {...form.getInputProps('newPassword')}
            autoComplete="new-password"
            required
          />
          <PasswordField
            label={t('account.password.confirm')}
            {...form.getInputProps('confirmation')}
            autoComplete="new-password"
            required
          />
          <FormActions submit={t('account.password.submit')} busy={change.isPending} align="start" />
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const t = useT();
  const format = useFormat();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => unwrap(api.GET('/api/sessions')) });
  const end = useMutation({
    mutationFn: (session: SessionSummary) => unwrap(api.DELETE('/api/sessions/{id}', { params: { path: { id: session.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      notifications.show({ color: 'green', message: t('account.sessions.ended') });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: t('account.sessions.endFailed'), message: describe(error) });
    },
  });

  const device = (session: SessionSummary): string => {
    const { browser, system } = describeUserAgent(session.userAgent);
    if (browser !== null && system !== null) return t('account.sessions.browserOn', { browser, system });
    return browser ?? system ?? t('account.sessions.unknownDevice');
  };

  return (
    <Section title={t('account.sessions.title')} id="account-sessions">
      <Text size="sm" c="dimmed">
        {t('account.sessions.intro')}
      </Text>
      {sessions.data === undefined ? (
        <QueryStatus isPending={sessions.isPending} error={sessions.error} retry={() => void sessions.refetch()} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('account.sessions.title')}>
          {sessions.data.items.map((session) => (
            <Paper component="li" key={session.id} withBorder p="md" bg={session.current ? 'blue.0' : undefined}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
                  <Group gap="xs">
                    <Text fw={600}>{device(session)}</Text>
                    {session.current && (
                      <Badge variant="filled" tt="none">
                        {t('account.sessions.current')}
                      </Badge>
                    )}
                  </Group>
                  <dl className="details-list">
                    <dt>{t('account.sessions.started')}</dt>
                    <dd>{format.dateTime(session.createdAt)}</dd>
                    <dt>{t('account.sessions.lastSeen')}</dt>
                    <dd>{format.dateTime(session.lastSeenAt)}</dd>
                    <dt>{t('account.sessions.ip')}</dt>
                    <dd>{session.ip ?? '—'}</dd>
                  </dl>
                </Stack>
                {!session.current && (
                  <Button
                    variant="default"
                    color="red"
                    size="sm"
                    onClick={() => end.mutate(session)}
                    loading={end.isPending && end.variables.id === session.id}
                    aria-label={t('account.sessions.endNamed', { device: device(session) })}
                  >
                    {t('account.sessions.end')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
