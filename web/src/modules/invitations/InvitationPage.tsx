import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { Invitation } from '../../api/types.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Page } from '../../components/Page.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { minimumPasswordLength, newPasswordProblems } from '../session/passwordRules.ts';

/** An invited staff member (or one given a set-password link) opens the link and chooses a password. */
export function InvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitations', token],
    queryFn: () => unwrap(api.GET('/api/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const gone = invitation.error instanceof ApiError && (invitation.error.status === 404 || invitation.error.status === 410);

  return (
    <PublicLayout>
      <Page title={t('invitation.title')}>
        {gone ? (
          <Alert color="orange" variant="light" title={t('invitation.goneTitle')} role="alert">
            {t('invitation.gone')}
          </Alert>
        ) : invitation.data === undefined ? (
          <QueryStatus isPending={invitation.isPending} error={invitation.error} retry={() => void invitation.refetch()} />
        ) : (
          <InvitationForm token={token} invitation={invitation.data} />
        )}
      </Page>
    </PublicLayout>
  );
}

function InvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirmation: '' },
    validate: (v) => {
      const problems = newPasswordProblems(v.password, v.confirmation);
      return {
        password: problems.password ? t(`password.${problems.password}`, { min: minimumPasswordLength }) : null,
        confirmation: problems.confirmation ? t(`password.confirmation.${problems.confirmation}`) : null,
      };
    },
  });
  const problem = useFormProblem(form);

  const accept = useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/api/invitations/{token}/acceptance', { params: { path: { token } }, body: { password } })),
    onSuccess: async () => {
      await navigate('/sign-in', { replace: true, state: { notice: 'passwordSet', email: invitation.email } });
    },
    onError: problem.show,
  });

  const submit = form.onSubmit((values) => {
    problem.clear();
    accept.mutate(values.password);
  });

  return (
    <Stack gap="md">
      <Text>
        {t(invitation.purpose === 'reset' ? 'invitation.welcomeReset' : 'invitation.welcome', {
          name: invitation.displayName,
          organization: invitation.organizationName,
        })}
      </Text>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert message={problem.alert} />
          <dl className="details-list">
            <dt>{t('invitation.name')}</dt>
            <dd>{invitation.displayName}</dd>
            <dt>{t('invitation.email')}</dt>
            <dd>{invitation.email}</dd>
            <dt>{t('invitation.organization')}</dt>
            <dd>{invitation.organizationName}</dd>
          </dl>
          {/* Lets password managers save the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <PasswordField
            label={t('invitation.password')}
            description={t('password.rule', { min: minimumPasswordLength })}
            {...form.getInputProps('password')}
            autoComplete="new-password"
            required
          />
          <PasswordField
            label={t('invitation.confirmPassword')}
            {...form.getInputProps('confirmation')}
            autoComplete="new-password"
            required
          />
          <Button type="submit" size="md" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('invitation.expires', { date: format.dateTimeWithZone(invitation.expiresAt) })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
