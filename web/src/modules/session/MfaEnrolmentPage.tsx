import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, setCsrfToken, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { OkBody, RequestBody } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { isTotpShaped, normalizeTotp } from './passwordRules.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
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

type Confirmed = OkBody<'/api/session/mfa/enrolment/confirm', 'post'>;
type StartBody = RequestBody<'/api/session/mfa/enrolment', 'post'>;

/**
 * Enrolment: (when replacing a factor) the current password and a code from the current app,
 * then the new app's QR code, a code from it, and the ten recovery codes shown once.
 */
function MfaEnrolment({ after }: { after: string }) {
  const replacing = useSession().user.mfaEnabled;
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [qrDataUrl, setQrDataUrl] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | undefined>(undefined);
  // Held here until the codes are saved: storing the session now would take the page away
  // (an enrolment-only session becomes an active one).
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);

  const start = useMutation({
    mutationFn: (body: StartBody) => unwrap(api.POST('/api/session/mfa/enrolment', { body })),
    onSuccess: async (enrolment) => {
      setQrDataUrl(await QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }));
    },
  });
  const startEnrolment = start.mutate;

  // A first enrolment starts once when the page opens (a ref, so React's development double
  // effects do not restart it); a replacement waits for the current password and code.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || replacing) return;
    started.current = true;
    startEnrolment({});
  }, [startEnrolment, replacing]);

  const confirm = useMutation({
    mutationFn: (totp: string) => unwrap(api.POST('/api/session/mfa/enrolment/confirm', { body: { totp } })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      setConfirmed(session);
    },
  });
  const server = useServerErrors(confirm.error, ['totp'] as const);
  const invalidCode = confirm.error instanceof ApiError && confirm.error.problemType === 'invalid-totp';

  const finish = async (session: Confirmed) => {
    const { recoveryCodes: _shown, ...view } = session;
    storeSession(queryClient, view);
    notifications.show({ color: 'green', title: t('mfa.doneTitle'), message: t('mfa.done') });
    await navigate(after, { replace: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isTotpShaped(code)) {
      setCodeProblem(t('mfa.codeShape'));
      return;
    }
    setCodeProblem(undefined);
    confirm.mutate(normalizeTotp(code));
  };

  if (confirmed !== null)
    return <RecoveryCodes codes={confirmed.recoveryCodes} doneLabel={t('recoveryCodes.continue')} onDone={() => void finish(confirmed)} />;
  // Stays mounted while the check is sent, so a wrong code never clears the typed password.
  if (replacing && !start.isSuccess) return <CurrentFactorCheck start={start} />;
  if (start.isPending || start.isIdle) return <QueryStatus isPending error={null} />;
  if (start.isError) return <QueryStatus isPending={false} error={start.error} retry={() => start.mutate({})} />;

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

/** Replacing a second factor: prove it is you with the current password and a code from the current app. */
function CurrentFactorCheck({ start }: { start: UseMutationResult<unknown, Error, StartBody> }) {
  const t = useT();
  const { user } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [missing, setMissing] = useState<{ currentPassword?: string; totp?: string }>({});
  const server = useServerErrors(start.error, ['currentPassword', 'totp'] as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      currentPassword: currentPassword === '' ? t('account.password.currentRequired') : undefined,
      totp: isTotpShaped(totp) ? undefined : t('mfa.codeShape'),
    };
    setMissing(problems);
    if (problems.currentPassword !== undefined || problems.totp !== undefined) return;
    start.mutate({ currentPassword, totp: normalizeTotp(totp) });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-labelledby="mfa-current">
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h4" id="mfa-current">
          {t('mfa.current.title')}
        </Title>
        <Text size="sm">{t('mfa.current.intro')}</Text>
        <ProblemAlert message={server.alert} />
        <input type="email" name="username" autoComplete="username" value={user.email ?? ''} readOnly hidden />
        <PasswordField
          label={t('account.password.current')}
          value={currentPassword}
          onChange={(event) => {
            setCurrentPassword(event.currentTarget.value);
            setMissing((current) => ({ ...current, currentPassword: undefined }));
          }}
          error={missing.currentPassword ?? server.fieldErrors.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextInput
          label={t('mfa.current.code')}
          description={t('mfa.current.codeDescription')}
          value={totp}
          onChange={(event) => {
            setTotp(event.currentTarget.value);
            setMissing((current) => ({ ...current, totp: undefined }));
          }}
          error={missing.totp ?? server.fieldErrors.totp}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={9}
          required
          maw={260}
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('mfa.current.submit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('mfa.current.lostPhone')}
        </Text>
      </Stack>
    </Paper>
  );
}
