import { Alert, Box, Button, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { languageNames } from '../../i18n/messages.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { isAsked } from '../../../../src/modules/instruments/rules.ts';
import { ItemInput } from '../instruments/InstrumentForm.tsx';
import {
  assessmentKey,
  localText,
  useAssessmentQuery,
  useInstrumentQuery,
  type Answer,
  type Assessment,
  type Definition,
} from '../instruments/instrumentQueries.ts';
import { useSessionQuery } from '../session/sessionQueries.ts';
import { patientModeKey, usePatientModeQuery } from './patientModeQueries.ts';

/**
 * The patient's screen: outside the app's frame (no navigation, no search, no name), large
 * type, one question at a time. The server holds the lock: this page only shows what it allows.
 */
export function PatientModePage() {
  const t = useT();
  // The session first: it carries the CSRF token the saves send (a reload lands here directly).
  const session = useSessionQuery();
  const lock = usePatientModeQuery(session.data != null);
  const { setLocale } = useLocale();
  const lockedLocale = lock.data?.locale;
  useEffect(() => {
    if (lockedLocale) setLocale(lockedLocale);
  }, [lockedLocale, setLocale]);
  if (session.data === null || (lock.error instanceof ApiError && lock.error.status === 401)) return <Navigate to="/sign-in" replace />;
  if (session.isPending || session.isError || lock.isPending || lock.isError) {
    return (
      <Center mih="100vh">
        <QueryStatus
          isPending={session.isPending || lock.isPending}
          error={session.error ?? lock.error}
          retry={() => void lock.refetch()}
        />
      </Center>
    );
  }
  if (!lock.data.assessmentId) return <Navigate to="/" replace />;
  return <LockedAssessment id={lock.data.assessmentId} title={t('patientMode.title')} />;
}

function LockedAssessment({ id, title }: { id: string; title: string }) {
  const assessment = useAssessmentQuery(id);
  const instrument = useInstrumentQuery(assessment.data?.instrumentKey ?? '');
  return (
    // Everything inside is drawn larger: Mantine sizes are multiples of --mantine-scale.
    <Box mih="100vh" bg="gray.0" style={{ '--mantine-scale': '1.35' }}>
      <Container size="sm" py="xl">
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <Title order={1} fz="h2">
              {title}
            </Title>
            <LanguageSwitch />
          </Group>
          {assessment.isPending || assessment.isError || instrument.isPending || instrument.isError ? (
            <QueryStatus
              isPending={assessment.isPending || instrument.isPending}
              error={assessment.error ?? instrument.error}
              retry={() => void assessment.refetch()}
            />
          ) : (
            <Questions key={assessment.data.id} initial={assessment.data} definition={instrument.data.definition} />
          )}
          <Unlock assessmentId={id} />
        </Stack>
      </Container>
    </Box>
  );
}

function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <Group gap="xs">
      {(['en', 'es'] as const).map((code) => (
        <Button
          key={code}
          size="sm"
          variant={locale === code ? 'filled' : 'default'}
          aria-pressed={locale === code}
          lang={code}
          onClick={() => setLocale(code)}
        >
          {languageNames[code]}
        </Button>
      ))}
    </Group>
  );
}

function Questions({ initial, definition }: { initial: Assessment; definition: Definition }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial.answers as Record<string, Answer>);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(false);
  // One save after another, each with the version the last one answered (as on the staff screen).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const version = useRef(initial.version);
  const save = useMutation({
    mutationFn: (change: Record<string, Answer | null>) => {
      const run = queue.current.then(async () => {
        const next = await unwrap(
          api.PATCH('/api/assessments/{id}', { params: { path: { id: initial.id } }, body: { version: version.current, answers: change } }),
        );
        version.current = next.version;
        queryClient.setQueryData(assessmentKey(next.id), next);
        return next;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
  });
  const { alert } = useServerErrors(save.error, []);

  const asked = definition.items.filter((item) => isAsked(definition, item, answers));
  const current = asked[Math.min(index, asked.length - 1)];
  const untranslated = locale === 'es' && definition.items.some((item) => item.text.es === undefined);

  if (done || current === undefined) {
    return (
      <Paper withBorder p="xl" role="status">
        <Stack gap="md">
          <Title order={2}>{t('patientMode.done.title')}</Title>
          <Text size="lg">{t('patientMode.done')}</Text>
          <Button variant="default" onClick={() => setDone(false)} style={{ alignSelf: 'flex-start' }}>
            {t('patientMode.review')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  const position = asked.indexOf(current);
  return (
    <Stack gap="md">
      <Text>{t('patientMode.intro')}</Text>
      {untranslated && (
        <Alert color="blue" variant="light">
          {t('patientMode.englishOnly')}
        </Alert>
      )}
      {definition.instructions && <Text fw={600}>{localText(definition.instructions, locale)}</Text>}
      <Paper withBorder p="xl" component="section" aria-label={t('patientMode.progress', { current: position + 1, total: asked.length })}>
        <Stack gap="lg">
          <Group justify="space-between">
            <Text c="dimmed">{t('patientMode.progress', { current: position + 1, total: asked.length })}</Text>
            <Text c="dimmed" aria-live="polite">
              {save.isPending ? t('patientMode.saving') : save.isError ? t('patientMode.notSaved') : t('patientMode.saved')}
            </Text>
          </Group>
          <ItemInput
            key={current.id}
            item={current}
            sex={initial.context.sex ?? null}
            value={answers[current.id]}
            onChange={(value) => {
              setAnswers((all) => {
                const next = { ...all };
                if (value === undefined) delete next[current.id];
                else next[current.id] = value;
                return next;
              });
              save.mutate({ [current.id]: value ?? null });
            }}
          />
        </Stack>
      </Paper>
      <ProblemAlert message={alert} />
      <Group justify="space-between">
        <Button variant="default" size="lg" disabled={position === 0} onClick={() => setIndex(position - 1)}>
          {t('patientMode.previous')}
        </Button>
        {position < asked.length - 1 ? (
          <Button size="lg" onClick={() => setIndex(position + 1)}>
            {t('patientMode.next')}
          </Button>
        ) : (
          <Button size="lg" onClick={() => setDone(true)}>
            {t('patientMode.finish')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Staff take the tablet back: their password, checked on the server; a wrong one stays locked. */
function Unlock({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    mutationFn: () => unwrap(api.POST('/api/session/patient-mode/unlock', { body: { currentPassword: password } })),
    onSuccess: async () => {
      setPassword('');
      queryClient.setQueryData(patientModeKey, { assessmentId: null, locale: null, startedAt: null });
      await queryClient.invalidateQueries({ queryKey: assessmentKey(assessmentId) });
      void navigate(`/assessments/${assessmentId}`, { replace: true });
    },
  });
  const { fieldErrors, alert } = useServerErrors(unlock.error, ['currentPassword']);
  return (
    <Group justify="center" mt="xl">
      <Button variant="subtle" color="gray" size="xs" onClick={() => setOpened(true)}>
        {t('patientMode.unlock')}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('patientMode.unlock.title')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            unlock.mutate();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('patientMode.unlock.explain')}</Text>
            <PasswordField
              label={t('patientMode.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.currentPassword}
              // Not "current-password": the browser must not offer the saved staff password to whoever holds the tablet.
              autoComplete="new-password"
              data-autofocus
              required
            />
            <ProblemAlert message={alert} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={unlock.isPending} disabled={password === ''}>
                {t('patientMode.unlock.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Group>
  );
}
