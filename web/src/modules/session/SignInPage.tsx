import { Alert, Anchor, Button, Code, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { RequestBody } from '../../api/types.ts';
import { FullPageLoader } from '../../app/guards.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, useProblemText, useServerErrors } from '../../components/problems.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { normalizeTotp } from './passwordRules.ts';
import { takeOverStaticSignIn } from './staticSignIn.ts';
import { startPage } from './startPage.ts';
import { clearSessionEnded, didSessionEnd, storeSession, useSessionQuery, useSetupQuery } from './sessionQueries.ts';

type SignInBody = RequestBody<'/api/session', 'post'>;
type Notice = 'setupComplete' | 'signedOut' | 'passwordSet' | 'sessionEnded';

interface SignInState {
  notice?: Notice;
  email?: string;
  from?: string;
}

function readState(state: unknown): SignInState {
  if (typeof state !== 'object' || state === null) return {};
  const record = state as Record<string, unknown>;
  const notice = record.notice;
  return {
    notice: notice === 'setupComplete' || notice === 'signedOut' || notice === 'passwordSet' ? notice : undefined,
    email: typeof record.email === 'string' ? record.email : undefined,
    // Only a path on this site: '//host' would be another site.
    from: typeof record.from === 'string' && record.from.startsWith('/') && !record.from.startsWith('//') ? record.from : undefined,
  };
}

/** Sign-in with email and password, then the authenticator code when the account has one. */
export function SignInPage() {
  const t = useT();
  const location = useLocation();
  const session = useSessionQuery();
  // Not asked once a session is known: its organization exists.
  const setup = useSetupQuery(!session.data);

  if (session.isPending) return <FullPageLoader />;
  if (session.data) {
    // Signed in (this page re-renders as the session arrives): back where the user was.
    const from = readState(location.state).from ?? startPage(session.data.user.roles);
    return <Navigate to={session.data.stage === 'mfa-enrolment' ? '/mfa-enrolment' : from} replace />;
  }
  if (setup.isPending) return <FullPageLoader />;
  if (setup.data?.setupRequired === true) return <Navigate to="/setup" replace />;
  return (
    <PublicLayout>
      <Page title={t('signIn.title')}>
        <SignInForm />
      </Page>
    </PublicLayout>
  );
}

type Step = 'password' | 'organization' | 'second-factor';
type Organization = { id: string; name: string };

function SignInForm() {
  const t = useT();
  const format = useFormat();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sessionEnded] = useState(didSessionEnd);
  useEffect(() => clearSessionEnded(), []);
  const fromNavigation = readState(location.state);
  const state: SignInState = sessionEnded ? { ...fromNavigation, notice: 'sessionEnded' } : fromNavigation;

  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [step, setStep] = useState<Step>('password');
  // Emails are unique per organization: when the password opens accounts in several, the person chooses.
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string; totp?: string; organization?: string }>({});
  const codeInput = useRef<HTMLInputElement>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const [sendTypedForm, setSendTypedForm] = useState(false);

  // On a first visit to /sign-in, index.html showed a static copy of this form before the app
  // had arrived (public/first-paint.js): take over what was typed into it, the field the person
  // was in and a press of "Sign in", in the same commit that removes it.
  useLayoutEffect(() => {
    const typed = takeOverStaticSignIn();
    if (typed === null) return;
    if (typed.email !== '') setEmail(typed.email);
    if (typed.password !== '') setPassword(typed.password);
    if (typed.focus !== null) ({ email: emailInput, password: passwordInput, submit: submitButton })[typed.focus].current?.focus();
    if (typed.submitted) setSendTypedForm(true);
  }, []);
  useEffect(() => {
    if (!sendTypedForm) return;
    setSendTypedForm(false);
    formElement.current?.requestSubmit();
  }, [sendTypedForm]);

  const signIn = useMutation({
    mutationFn: (body: SignInBody) => unwrap(api.POST('/api/session', { body })),
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      await navigate(session.stage === 'mfa-enrolment' ? '/mfa-enrolment' : (state.from ?? startPage(session.user.roles)), {
        replace: true,
      });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.problemType === 'mfa-required') setStep('second-factor');
      else if (error.code === 'choose-organization') {
        setOrganizations(error.problem.organizations ?? []);
        setOrganizationId(null);
        setStep('organization');
      }
    },
  });

  useEffect(() => {
    if (step === 'second-factor') codeInput.current?.focus();
  }, [step, useRecoveryCode]);

  const server = useServerErrors(signIn.error, ['email', 'password', 'totp', 'recoveryCode'] as const);
  const describe = useProblemText();
  const error = signIn.error instanceof ApiError ? signIn.error : null;

  let alert: string | null = server.alert;
  let alertTitle: string | undefined;
  let adminHelp = false;
  let totpError: string | undefined = missing.totp ?? server.fieldErrors.totp ?? server.fieldErrors.recoveryCode;
  if (error?.problemType === 'mfa-required' || error?.code === 'choose-organization') alert = null;
  else if (error?.problemType === 'invalid-credentials') alert = t('signIn.invalidCredentials');
  else if (error?.problemType === 'invalid-totp') {
    alert = null;
    // A replayed code (already used for a sign-in) says so; any other wrong code gets the usual hint.
    if (error.code === 'invalid-recovery-code') totpError = t('signIn.invalidRecoveryCode');
    else totpError = error.code === 'totp-already-used' ? describe(error) : t('signIn.invalidTotp');
  } else if (error?.problemType === 'account-locked') {
    const seconds = error.retryAfterSeconds;
    alertTitle = t('signIn.lockedTitle');
    adminHelp = true;
    alert =
      seconds === null
        ? t('signIn.lockedNoTime')
        : t('signIn.locked', {
            atTime: format.atTime(new Date(Date.now() + seconds * 1000)),
            minutes: format.number(Math.max(1, Math.ceil(seconds / 60))),
          });
  } else if (error?.problemType === 'rate-limited') {
    const seconds = error.retryAfterSeconds;
    alertTitle = t('signIn.rateLimitedTitle');
    alert =
      seconds === null
        ? t('signIn.rateLimitedNoTime')
        : seconds < 90
          ? t('signIn.rateLimitedSeconds', { seconds: format.number(Math.max(1, seconds)) })
          : t('signIn.rateLimitedMinutes', { minutes: format.number(Math.ceil(seconds / 60)) });
  }

  const secondFactor = (): Pick<SignInBody, 'totp' | 'recoveryCode'> =>
    step !== 'second-factor' ? {} : useRecoveryCode ? { recoveryCode: recoveryCode.trim() } : { totp: normalizeTotp(totp) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = useRecoveryCode ? recoveryCode.trim() : normalizeTotp(totp);
    const problems = {
      email: email.trim() === '' ? t('form.emailRequired') : undefined,
      password: password === '' ? t('signIn.passwordRequired') : undefined,
      totp:
        step === 'second-factor' && code === ''
          ? useRecoveryCode
            ? t('signIn.recoveryCodeRequired')
            : t('signIn.totpRequired')
          : undefined,
      organization: step === 'organization' && organizationId === null ? t('signIn.organizationRequired') : undefined,
    };
    setMissing(problems);
    if (Object.values(problems).some((problem) => problem !== undefined)) return;
    signIn.mutate({
      email: email.trim(),
      password,
      ...(organizationId !== null && step !== 'password' ? { organizationId } : {}),
      ...secondFactor(),
    });
  };

  const startOver = () => {
    setStep('password');
    setTotp('');
    setRecoveryCode('');
    setUseRecoveryCode(false);
    setPassword('');
    setOrganizationId(null);
    setMissing({});
    signIn.reset();
  };

  const switchCodeKind = () => {
    setUseRecoveryCode((current) => !current);
    setMissing({});
    signIn.reset();
  };

  const organizationName = organizations.find((organization) => organization.id === organizationId)?.name;

  return (
    <Stack gap="md">
      {state.notice !== undefined && step === 'password' && signIn.error === null && (
        // The title is part of the message, not the alert's label, so the words of the notice
        // ("Your password is set") never label anything but the notice itself.
        <Alert color="green" variant="light" role="status">
          <Text fw={700} size="sm">
            {t(`signIn.notice.${state.notice}.title`)}
          </Text>
          <Text size="sm">{t(`signIn.notice.${state.notice}`)}</Text>
        </Alert>
      )}
      <Paper ref={formElement} withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert message={alert} title={alertTitle} />
          {adminHelp && (
            <Text size="sm" data-testid="locked-admin-help">
              {t('signIn.lockedAdminHelp')} <Code>npx bridgeway reset-access --email {email.trim() || 'you@example.org'}</Code>
            </Text>
          )}
          {step === 'password' && (
            <>
              <TextInput
                ref={emailInput}
                label={t('signIn.email')}
                type="email"
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  setMissing((current) => ({ ...current, email: undefined }));
                }}
                error={missing.email ?? server.fieldErrors.email}
                autoComplete="username"
                required
              />
              <PasswordField
                ref={passwordInput}
                label={t('signIn.password')}
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  setMissing((current) => ({ ...current, password: undefined }));
                }}
                error={missing.password ?? server.fieldErrors.password}
                autoComplete="current-password"
                required
              />
              <Button ref={submitButton} type="submit" size="md" loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </>
          )}
          {step === 'organization' && (
            <>
              <Radio.Group
                label={t('signIn.organizationTitle')}
                description={t('signIn.organizationIntro', { email })}
                value={organizationId}
                onChange={(value) => {
                  setOrganizationId(value);
                  setMissing((current) => ({ ...current, organization: undefined }));
                }}
                error={missing.organization}
                required
              >
                <Stack gap="xs" mt="xs">
                  {organizations.map((organization) => (
                    <Radio key={organization.id} value={organization.id} label={organization.name} />
                  ))}
                </Stack>
              </Radio.Group>
              <Button type="submit" size="md" loading={signIn.isPending}>
                {t('signIn.continue')}
              </Button>
              <Anchor component="button" type="button" onClick={startOver} size="sm">
                {t('signIn.startOver')}
              </Anchor>
            </>
          )}
          {step === 'second-factor' && (
            <>
              <Title order={2} size="h3">
                {useRecoveryCode ? t('signIn.recoveryTitle') : t('signIn.totpTitle')}
              </Title>
              <Text size="sm">
                {useRecoveryCode
                  ? t('signIn.recoveryIntro', { email })
                  : organizationName === undefined
                    ? t('signIn.totpIntro', { email })
                    : t('signIn.totpIntroOrganization', { email, organization: organizationName })}
              </Text>
              {useRecoveryCode ? (
                <TextInput
                  key="recovery-code"
                  ref={codeInput}
                  label={t('signIn.recoveryCode')}
                  description={t('signIn.recoveryCodeDescription')}
                  value={recoveryCode}
                  onChange={(event) => {
                    setRecoveryCode(event.currentTarget.value);
                    setMissing((current) => ({ ...current, totp: undefined }));
                  }}
                  error={totpError}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={40}
                  required
                />
              ) : (
                <TextInput
                  key="totp"
                  ref={codeInput}
                  label={t('signIn.totp')}
                  description={t('signIn.totpDescription')}
                  value={totp}
                  onChange={(event) => {
                    setTotp(event.currentTarget.value);
                    setMissing((current) => ({ ...current, totp: undefined }));
                  }}
                  error={totpError}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={9}
                  required
                />
              )}
              <Button type="submit" size="md" loading={signIn.isPending}>
                {t('signIn.verify')}
              </Button>
              <Anchor component="button" type="button" onClick={switchCodeKind} size="sm">
                {useRecoveryCode ? t('signIn.useTotp') : t('signIn.useRecoveryCode')}
              </Anchor>
              <Anchor component="button" type="button" onClick={startOver} size="sm">
                {t('signIn.startOver')}
              </Anchor>
            </>
          )}
        </Stack>
      </Paper>
      {step === 'password' && (
        <Text size="sm" c="dimmed">
          {t('signIn.help')}
        </Text>
      )}
    </Stack>
  );
}
