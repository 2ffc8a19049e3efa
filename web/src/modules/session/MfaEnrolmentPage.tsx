import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { isTotpShaped, normalizeTotp } from './passwordRules.ts';
import { useSession } from './SessionContext.tsx';
import { storeSession } from './sessionQueries.ts';
import { SignOutButton } from './SignOutButton.tsx';

/** Shown right after sign-in to an account that must enrol first (admins); nothing else is open until it is done. */
export function RequiredMfaEnrolmentPage() {
  const t = useT();
  const session = useSession();
  return (
    <PublicLayout headerEnd={<SignOutButton />}>
      <Page title={t('mfa.title')} intro={t('mfa.requiredIntro', { name: session.user.displayName })}>
        <MfaEnrolment after="/" />
      </Page>
    </PublicLayout>
  );
}

/** The same steps from the account page, for a user who turns it on (or moves it to a new phone). */
export function MfaEnrolmentPage() {
  const t = useT();
  const session = useSession();
  return (
    <Page
      title={session.user.mfaEnabled ? t('mfa.replaceTitle') : t('mfa.title')}
      intro={session.user.mfaEnabled ? t('mfa.replaceIntro') : t('mfa.optionalIntro')}
    >
      <MfaEnrolment after="/account" />
      <Anchor component={Link} to="/account" size="sm">
        {t('mfa.backToAccount')}
      </Anchor>
    </Page>
  );
}

/** Groups the base32 secret in fours so it is easier to type into an app. */
function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function MfaEnrolment({ after }: { after: string }) {
  const replacing = useSession().user.mfaEnabled;
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [qrDataUrl, setQrDataUrl] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | undefined>(undefined);

  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/session/mfa/enrolment', { body: {} })),
    onSuccess: async (enrolment) => {
      setQrDataUrl(await QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }));
    },
  });
  const startEnrolment = start.mutate;

  // Start once when the page opens (a ref, so React's development double effects do not restart it).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startEnrolment();
  }, [startEnrolment]);

  const confirm = useMutation({
    mutationFn: (totp: string) => unwrap(api.POST('/api/session/mfa/enrolment/confirm', { body: { totp } })),
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      notifications.show({ color: 'green', title: t('mfa.doneTitle'), message: t('mfa.done') });
      await navigate(after, { replace: true });
    },
  });
  const server = useServerErrors(confirm.error, ['totp'] as const);
  const invalidCode = confirm.error instanceof ApiError && confirm.error.problemType === 'invalid-totp';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isTotpShaped(code)) {
      setCodeProblem(t('mfa.codeShape'));
      return;
    }
    setCodeProblem(undefined);
    confirm.mutate(normalizeTotp(code));
  };

  if (start.isPending || start.isIdle) return <QueryStatus isPending error={null} />;
  if (start.isError) return <QueryStatus isPending={false} error={start.error} retry={() => start.mutate()} />;

  const enrolment = start.data;
  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('mfa.step1')}
          </Title>
          <Text size="sm">{t('mfa.step1Body')}</Text>
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('mfa.step2')}
          </Title>
          <Text size="sm">{t('mfa.step2Body')}</Text>
          {qrDataUrl !== null && (
            <Group justify="center" py="xs">
              <img className="qr-code" src={qrDataUrl} alt={t('mfa.qrAlt')} width={220} height={220} />
            </Group>
          )}
          <Text size="sm">
            {t('mfa.onThisPhone')} <Anchor href={enrolment.otpauthUri}>{t('mfa.openInApp')}</Anchor>
          </Text>
          <Text size="sm">{t('mfa.manualIntro')}</Text>
          <CopyField label={t('mfa.secret')} value={groupSecret(enrolment.secret)} />
          <List size="sm" spacing={4}>
            <List.Item>{t('mfa.manualType')}</List.Item>
            <List.Item>{t('mfa.manualAccount')}</List.Item>
          </List>
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('mfa.step3')}
          </Title>
          <ProblemAlert message={invalidCode ? null : server.alert} />
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.codeDescription')}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setCodeProblem(undefined);
              if (confirm.isError) confirm.reset();
            }}
            error={codeProblem ?? (invalidCode ? t('mfa.invalidCode') : server.fieldErrors.totp)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            required
            maw={260}
          />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {replacing ? t('mfa.replaceConfirm') : t('mfa.confirm')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Alert variant="light" color="blue" title={t('mfa.lostPhoneTitle')}>
        {t('mfa.lostPhone')}
      </Alert>
    </Stack>
  );
}
