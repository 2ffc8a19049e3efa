import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft, keepDraft, peekDraft, takeDraft } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeepWhileOpen, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { LEVELS_OF_CARE } from '../../../../src/modules/episodes/codes.ts';
import { levelLabel } from '../patients/patientHelpers.ts';
import { asamReviewKey, levelsDiffer, useAsamReview, type AsamReview } from './asamQueries.ts';
import { reviewStatusColor } from './EpisodeAsamReviews.tsx';

const RATINGS = ['0', '1', '2', '3', '4'];

/** Which kept draft (components/forms/drafts.ts) is the reason for correcting this completed review. */
const correctionDraftForm = (reviewId: string) => `asam-review:${reviewId}:correction`;
type LevelField = 'indicatedLevel' | 'availableLevel' | 'chosenLevel';
const LEVEL_FIELDS: readonly LevelField[] = ['indicatedLevel', 'availableLevel', 'chosenLevel'];

/** One ASAM review: rate the six dimensions, set the levels, complete; a completed one is only read or corrected. */
export function AsamReviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const review = useAsamReview(id);
  if (review.isPending || review.isError) {
    return (
      <Page title={t('asam.review')}>
        <QueryStatus isPending={review.isPending} error={review.error} retry={() => void review.refetch()} />
      </Page>
    );
  }
  return <ReviewForm key={`${review.data.id}-${review.data.status}`} initial={review.data} />;
}

interface Draft {
  ratings: (number | null)[];
  notes: string[];
  indicatedLevel: string | null;
  availableLevel: string | null;
  chosenLevel: string | null;
  differenceReason: string;
}

const draftOf = (review: AsamReview): Draft => ({
  ratings: review.dimensions.map((d) => d.rating),
  notes: review.dimensions.map((d) => d.notes ?? ''),
  indicatedLevel: review.indicatedLevel,
  availableLevel: review.availableLevel,
  chosenLevel: review.chosenLevel,
  differenceReason: review.differenceReason ?? '',
});

function ReviewForm({ initial }: { initial: AsamReview }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const session = useSession();
  const draftForm = `asam-review:${initial.id}`;
  // Back after the session ended while rating: the form holds what was typed, not yet saved.
  const [restored] = useState(() => (initial.status === 'in-progress' ? peekDraft<Draft>(session.user.id, draftForm) : null));
  useEffect(() => {
    if (restored !== null) takeDraft(session.user.id, draftForm);
  }, [restored, session.user.id, draftForm]);
  // Saved against the version the user started from, so a change someone made meanwhile is a
  // conflict (409) rather than overwritten.
  const [review, setReview] = useState(() => (restored?.base ? { ...initial, version: restored.base.version } : initial));
  const [draft, setDraft] = useState(() => restored?.values ?? draftOf(initial));
  const [saved, setSaved] = useState(false);
  // Back after the session ended while giving the reason: the dialog opens again with it.
  const [correcting, setCorrecting] = useState(
    () => initial.status === 'completed' && hasDraft(session.user.id, correctionDraftForm(initial.id)),
  );
  const editable = review.status === 'in-progress';
  const edition = review.edition;
  const levelOptions = LEVELS_OF_CARE[edition].map((code) => ({ value: code, label: levelLabel(tMaybe, edition, code) }));
  const differ = draft.chosenLevel !== null && levelsDiffer(draft);

  const save = async (): Promise<AsamReview> => {
    const body = {
      version: review.version,
      dimensions: Object.fromEntries(
        draft.ratings.map((rating, index) => [String(index + 1), { rating, notes: draft.notes[index]?.trim() || null }]),
      ),
      indicatedLevel: draft.indicatedLevel,
      availableLevel: draft.availableLevel,
      chosenLevel: draft.chosenLevel,
      differenceReason: draft.differenceReason.trim() || null,
    };
    const updated = await unwrap(api.PATCH('/api/asam-reviews/{id}', { params: { path: { id: review.id } }, body }));
    // Completing saves first: if the completion then meets an ended session, the draft kept
    // goes against this version, not the one this render read (else it would 409 on itself).
    lastSaved.current = updated;
    setReview(updated);
    return updated;
  };
  const lastSaved = useRef<AsamReview | null>(null);
  const kept = () => {
    const latest = lastSaved.current !== null && lastSaved.current.version > review.version ? lastSaved.current : review;
    return { values: draft, base: { values: draftOf(latest), version: latest.version } };
  };
  const keeping = useKeepWhileOpen(session.user.id, draftForm, () => (editable ? kept() : null), restored !== null);
  const keepIfSignedOut = (failure: Error) => {
    if (failure instanceof ApiError && failure.problemType === 'unauthenticated') {
      // The session ended while typing: keep it in this tab for after sign-in (never in the URL).
      keepDraft({ userId: session.user.id, form: draftForm, ...kept() });
    }
  };
  const saving = useMutation({
    mutationFn: save,
    onSuccess: () => {
      setSaved(true);
      keeping.settled();
    },
    onError: keepIfSignedOut,
  });
  const completing = useMutation({
    onError: keepIfSignedOut,
    mutationFn: async () => {
      const current = await save();
      return unwrap(
        api.POST('/api/asam-reviews/{id}/completion', { params: { path: { id: review.id } }, body: { version: current.version } }),
      );
    },
    onSuccess: (done) => {
      queryClient.setQueryData(asamReviewKey(done.id), done);
      void queryClient.invalidateQueries({ queryKey: ['episodes'] });
    },
  });
  const error = saving.error ?? completing.error;
  const change = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };

  return (
    <Page
      title={t('asam.review')}
      intro={
        <Group gap="xs" component="span">
          <Text span>{t(`levelEdition.${edition}.long`)}</Text>
          <StatusBadge color={reviewStatusColor(review.status)}>{t(`asam.status.${review.status}`)}</StatusBadge>
          {review.completedAt !== null && (
            <Text span c="dimmed">
              {t('asam.completedOn', { date: format.dateTime(review.completedAt) })}
            </Text>
          )}
        </Group>
      }
      actions={
        review.status === 'completed' ? (
          <Button variant="default" onClick={() => setCorrecting(true)}>
            {t('asam.correct')}
          </Button>
        ) : undefined
      }
    >
      <Anchor component={Link} to={`/episodes/${review.episodeId}`} size="sm" style={{ alignSelf: 'flex-start' }}>
        {t('asam.backToEpisode')}
      </Anchor>
      {review.correctionReason !== null && <Alert color="blue">{t('asam.corrects', { reason: review.correctionReason })}</Alert>}
      {review.status === 'superseded' && review.supersededById !== null && (
        <Alert color="gray" title={t('asam.correctedBy')}>
          <Anchor component={Link} to={`/asam-reviews/${review.supersededById}`}>
            {t('asam.openCorrection')}
          </Anchor>
        </Alert>
      )}
      {review.status === 'completed' && <Text c="dimmed">{t('asam.readOnly')}</Text>}
      {/* Until the first save after it (which moves the version on). */}
      {restored !== null && review.version === restored.base?.version && <RestoredDraftNotice />}

      <Stack gap="sm" component="section" aria-labelledby="dimensions-heading">
        <Title order={2} size="h3" id="dimensions-heading">
          {t('asam.dimensions')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {review.dimensions.map(({ dimension }, index) => {
            const name = t(`asam.dimension.${edition}.${dimension}` as 'asam.dimension.asam-3.1');
            const heading = t('asam.dimensionHeading', { number: dimension, name });
            const rating = draft.ratings[index] ?? null;
            return (
              <Paper key={dimension} withBorder p="md" component="fieldset" style={{ margin: 0 }}>
                <Text component="legend" fw={600} id={`dimension-${dimension}`} style={{ float: 'left', width: '100%', padding: 0 }}>
                  {heading}
                </Text>
                <Stack gap="xs" pt="xs" style={{ clear: 'both' }}>
                  <Text size="sm" id={`dimension-${dimension}-hint`}>
                    {t('asam.rating')} · {t('asam.ratingHint')}
                  </Text>
                  {editable ? (
                    <SegmentedControl
                      data={RATINGS}
                      value={rating === null ? '' : String(rating)}
                      onChange={(value) => change({ ratings: draft.ratings.map((r, i) => (i === index ? Number(value) : r)) })}
                      aria-labelledby={`dimension-${dimension}`}
                      aria-describedby={`dimension-${dimension}-hint`}
                      fullWidth
                    />
                  ) : (
                    <Text fw={700} size="lg">
                      {rating === null ? t('asam.notRated') : rating}
                    </Text>
                  )}
                  <Textarea
                    label={t('asam.notes')}
                    aria-label={`${t('asam.notes')}: ${heading}`}
                    value={draft.notes[index] ?? ''}
                    onChange={(event) => change({ notes: draft.notes.map((n, i) => (i === index ? event.currentTarget.value : n)) })}
                    readOnly={!editable}
                    autosize
                    minRows={2}
                    maxLength={4000}
                  />
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="levels-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="levels-heading">
            {t('asam.levels')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {LEVEL_FIELDS.map((field) => (
              <Select
                key={field}
                label={t(`asam.${field}`)}
                data={levelOptions}
                value={draft[field]}
                onChange={(value) => change({ [field]: value })}
                placeholder={t('asam.noLevel')}
                readOnly={!editable}
                searchable
              />
            ))}
          </SimpleGrid>
          {(differ || draft.differenceReason !== '') && (
            <Textarea
              label={t('asam.differenceReason')}
              description={t('asam.differenceHint')}
              value={draft.differenceReason}
              onChange={(event) => change({ differenceReason: event.currentTarget.value })}
              readOnly={!editable}
              required={differ}
              autosize
              minRows={2}
              maxLength={1000}
            />
          )}
        </Stack>
      </Paper>

      <ProblemAlert message={error ? describe(error) : null} />
      {editable && (
        <Group justify="flex-end">
          {saved && (
            <Text c="green.9" role="status">
              {t('asam.saved')}
            </Text>
          )}
          <Button variant="default" onClick={() => saving.mutate()} loading={saving.isPending}>
            {t('asam.save')}
          </Button>
          <Button onClick={() => completing.mutate()} loading={completing.isPending}>
            {t('asam.complete')}
          </Button>
        </Group>
      )}
      <CorrectDialog review={review} opened={correcting} onClose={() => setCorrecting(false)} />
    </Page>
  );
}

function CorrectDialog({ review, opened, onClose }: { review: AsamReview; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('asam.correct')}>
      {opened && <CorrectForm review={review} onClose={onClose} />}
    </Dialog>
  );
}

function CorrectForm({ review, onClose }: { review: AsamReview; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const navigate = useNavigate();
  const session = useSession();
  const draft = useKeptDraft<{ reason: string }>(session.user.id, correctionDraftForm(review.id), (): Kept<{ reason: string }> | null =>
    keptAt({ reason }, version),
  );
  // A restored correction goes against the review as first read: one changed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? review.version;
  const [reason, setReason] = useState(draft.restored?.values.reason ?? '');
  const correct = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/asam-reviews/{id}/corrections', { params: { path: { id: review.id } }, body: { version, reason } })),
    onSuccess: (correction) => {
      onClose();
      void navigate(`/asam-reviews/${correction.id}`);
    },
    onError: (error) => {
      draft.keepIfSignedOut(error, { reason }, { values: { reason }, version });
    },
  });
  return (
    <Stack gap="md">
      {draft.restored !== null && <RestoredDraftNotice />}
      <Textarea
        label={t('asam.correctionReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        autosize
        minRows={2}
      />
      <ProblemAlert message={correct.error ? describe(correct.error) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => correct.mutate()} disabled={reason.trim() === ''} loading={correct.isPending}>
          {t('asam.correct')}
        </Button>
      </Group>
    </Stack>
  );
}
