import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText, useServerErrors } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { isAsked } from '../../../../src/modules/instruments/rules.ts';
import { HandToPatient } from '../patient-mode/HandToPatient.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { statusColor } from './EpisodeAssessments.tsx';
import { GivenAnswer, ItemInput, ResultPanel } from './InstrumentForm.tsx';
import {
  assessmentKey,
  localText,
  useAssessmentQuery,
  useInstrumentQuery,
  type Answer,
  type Assessment,
  type Definition,
} from './instrumentQueries.ts';

/** Administering one instrument to a patient: answers save as they are given. */
export function AssessmentPage() {
  const t = useT();
  const { id = '' } = useParams();
  const assessment = useAssessmentQuery(id);
  const instrument = useInstrumentQuery(assessment.data?.instrumentKey ?? '');
  if (assessment.isPending || assessment.isError || instrument.isPending || instrument.isError) {
    return (
      <Page title={t('assessments.title')}>
        <QueryStatus
          isPending={assessment.isPending || instrument.isPending}
          error={assessment.error ?? instrument.error}
          retry={() => void assessment.refetch()}
        />
      </Page>
    );
  }
  return <Administer key={assessment.data.id} initial={assessment.data} definition={instrument.data.definition} />;
}

type Reasoned = 'abandon' | 'correct' | null;

/** Which kept draft (components/forms/drafts.ts) is the reason for abandoning or correcting this assessment. */
const reasonDraftForm = (assessmentId: string, action: 'abandon' | 'correct') => `assessment:${assessmentId}:${action}`;

function Administer({ initial, definition }: { initial: Assessment; definition: Definition }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [assessment, setAssessment] = useState(initial);
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial.answers as Record<string, Answer>);
  const [sex, setSex] = useState(initial.context.sex ?? null);
  const session = useSession();
  // Back after the session ended while giving the reason: the dialog opens again with it.
  const [reasoned, setReasoned] = useState<Reasoned>(() => {
    const action = initial.status === 'in-progress' ? 'abandon' : initial.status === 'completed' ? 'correct' : null;
    return action !== null && hasDraft(session.user.id, reasonDraftForm(initial.id, action)) ? action : null;
  });
  const editable = assessment.status === 'in-progress';
  // Saves go one after another, each with the version the last one answered: a quick second
  // click never races the first into a 409 of our own making.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const version = useRef(initial.version);

  const settle = (next: Assessment) => {
    version.current = next.version;
    setAssessment(next);
    queryClient.setQueryData(assessmentKey(next.id), next);
    // The episode screen reads its screens with the episode.
    void queryClient.invalidateQueries({ queryKey: ['episodes'] });
  };

  const save = useMutation({
    mutationFn: (change: { answers?: Record<string, Answer | null>; context?: { sex?: 'female' | 'male' } }) => {
      const run = queue.current.then(async () => {
        const next = await unwrap(
          api.PATCH('/api/assessments/{id}', { params: { path: { id: assessment.id } }, body: { version: version.current, ...change } }),
        );
        version.current = next.version; // before the next save in the queue reads it
        return next;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    onSuccess: settle,
  });
  const complete = useMutation({
    mutationFn: () =>
      queue.current.then(() =>
        unwrap(
          api.POST('/api/assessments/{id}/completion', { params: { path: { id: assessment.id } }, body: { version: version.current } }),
        ),
      ),
    onSuccess: settle,
  });
  const offer = useMutation({
    mutationFn: (instrumentKey: string) =>
      unwrap(
        api.POST('/api/episodes/{id}/assessments', {
          params: { path: { id: assessment.episodeId } },
          body: { instrumentKey, mode: assessment.mode },
        }),
      ),
    onSuccess: (started) => void navigate(`/assessments/${started.id}`),
  });
  const { alert } = useServerErrors(complete.error ?? save.error ?? offer.error, []);

  // An acute result: the crisis steps are on screen now, and that is recorded once.
  const recorded = useRef(false);
  useEffect(() => {
    if (assessment.result?.critical && !assessment.crisisStepsShownAt && !recorded.current) {
      recorded.current = true;
      void unwrap(api.POST('/api/assessments/{id}/crisis-steps-shown', { params: { path: { id: assessment.id } } })).then(settle);
    }
  });

  const answer = (id: string, value: Answer | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
    save.mutate({ answers: { [id]: value ?? null } });
  };
  const asked = definition.items.filter((item) => isAsked(definition, item, answers));
  const needsSex = definition.context?.includes('sex') ?? false;

  return (
    <Page
      title={`${definition.abbreviation} — ${localText(definition.name, locale)}`}
      intro={
        <Group gap="xs">
          <StatusBadge color={statusColor(assessment.status)}>{t(`assessment.status.${assessment.status}`)}</StatusBadge>
          <Text size="sm" c="dimmed">
            {t('assessment.started', { when: format.dateTime(assessment.startedAt) })} · {t(`assessment.mode.${assessment.mode}`)}
          </Text>
          {editable && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {save.isPending ? t('assessment.saving') : t('assessment.saved')}
            </Text>
          )}
        </Group>
      }
    >
      <Anchor component={Link} to={`/episodes/${assessment.episodeId}`} size="sm">
        ← {t('assessment.backToEpisode')}
      </Anchor>
      {assessment.supersedesId && (
        <Alert color="gray" variant="light">
          {t('assessment.correctionOf')} <Link to={`/assessments/${assessment.supersedesId}`}>{t('assessment.original')}</Link> —{' '}
          {assessment.correctionReason}
        </Alert>
      )}
      {assessment.supersededById && (
        <Alert color="yellow" variant="light">
          {t('assessment.superseded')} <Link to={`/assessments/${assessment.supersededById}`}>{t('assessment.correction')}</Link>
        </Alert>
      )}
      {assessment.abandonedReason && (
        <Alert color="gray" variant="light" title={t('assessment.status.abandoned')}>
          {assessment.abandonedReason}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="lg">
            {definition.instructions && <Text fw={600}>{localText(definition.instructions, locale)}</Text>}
            {needsSex && (
              <SexChoice
                value={sex}
                onChange={(value) => {
                  setSex(value);
                  save.mutate({ context: { sex: value } });
                }}
              />
            )}
            <Stack gap="lg" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {definition.items.map((item) => (
                <li key={item.id}>
                  {asked.includes(item) ? (
                    editable ? (
                      <ItemInput item={item} sex={sex} value={answers[item.id]} onChange={(value) => answer(item.id, value)} />
                    ) : (
                      <GivenAnswer item={item} sex={sex} value={answers[item.id]} />
                    )
                  ) : (
                    <Text size="sm" c="dimmed">
                      {item.id}. {t('instrument.notAsked')}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          </Stack>
        </fieldset>
        <Stack gap="md" mt="lg">
          <ProblemAlert message={alert} />
          {editable && (
            <Group justify="space-between">
              <Button variant="default" color="red" onClick={() => setReasoned('abandon')}>
                {t('assessment.abandon')}
              </Button>
              {definition.respondent === 'patient' && <HandToPatient assessmentId={assessment.id} beforeHandOver={() => queue.current} />}
              <Button onClick={() => complete.mutate()} loading={complete.isPending}>
                {t('assessment.complete')}
              </Button>
            </Group>
          )}
          {assessment.result && <ResultPanel definition={definition} result={assessment.result} onOffer={(key) => offer.mutate(key)} />}
          {assessment.status === 'completed' && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReasoned('correct')}>
                {t('assessment.correct')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <ReasonDialog action={reasoned} assessment={assessment} onClose={() => setReasoned(null)} onDone={settle} />
    </Page>
  );
}

function SexChoice({ value, onChange }: { value: 'female' | 'male' | null; onChange: (value: 'female' | 'male') => void }) {
  const t = useT();
  return (
    <Group gap="md">
      <Text size="sm" fw={500}>
        {t('instrument.sex')}
      </Text>
      {(['female', 'male'] as const).map((option) => (
        <Button
          key={option}
          size="xs"
          variant={value === option ? 'filled' : 'default'}
          onClick={() => onChange(option)}
          aria-pressed={value === option}
        >
          {t(`instrument.sex.${option}`)}
        </Button>
      ))}
    </Group>
  );
}

/** Abandoning or correcting: both say why. A correction opens the new assessment. */
function ReasonDialog({
  action,
  assessment,
  onClose,
  onDone,
}: {
  action: Reasoned;
  assessment: Assessment;
  onClose: () => void;
  onDone: (next: Assessment) => void;
}) {
  const t = useT();
  return (
    <Dialog opened={action !== null} onClose={onClose} title={action === 'abandon' ? t('assessment.abandon') : t('assessment.correct')}>
      {action !== null && <ReasonForm key={action} action={action} assessment={assessment} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ReasonForm({
  action,
  assessment,
  onClose,
  onDone,
}: {
  action: 'abandon' | 'correct';
  assessment: Assessment;
  onClose: () => void;
  onDone: (next: Assessment) => void;
}) {
  const t = useT();
  const describe = useProblemText();
  const navigate = useNavigate();
  const session = useSession();
  const draft = useKeptDraft<{ reason: string }>(
    session.user.id,
    reasonDraftForm(assessment.id, action),
    (): Kept<{ reason: string }> | null => keptAt({ reason }, version),
  );
  // A restored reason goes against the assessment as first read: one changed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? assessment.version;
  const [reason, setReason] = useState(draft.restored?.values.reason ?? '');
  const run = useMutation({
    mutationFn: () => {
      const options = { params: { path: { id: assessment.id } }, body: { version, reason } };
      return action === 'abandon'
        ? unwrap(api.POST('/api/assessments/{id}/abandonment', options))
        : unwrap(api.POST('/api/assessments/{id}/corrections', options));
    },
    onSuccess: (next) => {
      onClose();
      if (action === 'correct') void navigate(`/assessments/${next.id}`);
      else onDone(next);
    },
    onError: (error) => {
      draft.keepIfSignedOut(error, { reason }, { values: { reason }, version });
    },
  });
  return (
    <Stack gap="md">
      {draft.restored !== null && <RestoredDraftNotice />}
      <Text size="sm">{action === 'abandon' ? t('assessment.abandon.explain') : t('assessment.correct.explain')}</Text>
      <Textarea
        label={t('assessment.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
      <ProblemAlert message={run.error ? describe(run.error) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => run.mutate()} disabled={reason.trim() === ''} loading={run.isPending}>
          {action === 'abandon' ? t('assessment.abandon') : t('assessment.correct')}
        </Button>
      </Group>
    </Stack>
  );
}
