import { Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { RegistrationReview, RegistrationReviewDetail } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { patientsKey } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { reviewsKey } from './reviewQueries.ts';

/** Kept drafts (components/forms/drafts.ts) of a decision are named this and the review's id. */
export const reviewDraftPrefix = 'registration-review:';

export function ReviewDialog({ review, onClose }: { review: RegistrationReview | null; onClose: () => void }) {
  const t = useT();
  const name = review ? `${review.registration.legalFirstName} ${review.registration.legalLastName}` : '';
  return (
    <Dialog opened={review !== null} onClose={onClose} title={t('reviews.dialog.title', { name })} size="xl" closeOnClickOutside={false}>
      {review !== null && <ReviewForm key={review.id} id={review.id} onClose={onClose} />}
    </Dialog>
  );
}

interface DecisionValues {
  decision: 'register' | 'decline' | null;
  note: string;
}

/** The registration and the records it resembles side by side, then the decision. */
function ReviewForm({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...reviewsKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/registration-reviews/{id}', { params: { path: { id } } })),
  });
  const session = useSession();
  const draft = useKeptDraft<DecisionValues>(session.user.id, `${reviewDraftPrefix}${id}`, (): Kept<DecisionValues> | null =>
    keptAt(form.getValues(), version()),
  );
  const form = useForm<DecisionValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { decision: null, note: '' },
    validate: {
      decision: (value) => (value === null ? t('reviews.decision.required') : null),
      note: (value) => (value.trim() === '' ? t('reviews.note.required') : null),
    },
  });
  const problem = useFormProblem(form);
  // A restored decision goes against the review as first read: one decided meanwhile is a 409.
  const version = () => draft.restored?.base?.version ?? detail.data?.version ?? 1;
  const save = useMutation({
    mutationFn: (values: DecisionValues & { decision: 'register' | 'decline' }) =>
      unwrap(
        api.POST('/api/registration-reviews/{id}/decision', {
          params: { path: { id } },
          body: { decision: values.decision, note: values.note.trim(), version: version() },
        }),
      ),
    onSuccess: (review) => {
      void queryClient.invalidateQueries({ queryKey: reviewsKey });
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      const person = `${review.registration.legalFirstName} ${review.registration.legalLastName}`;
      notifications.show({
        color: 'green',
        message: t(review.status === 'registered' ? 'reviews.saved.registered' : 'reviews.saved.declined', { name: person }),
      });
      onClose();
    },
    onError: (error) => {
      const values = form.getValues();
      if (!draft.keepIfSignedOut(error, values, { values, version: version() })) problem.show(error);
    },
  });

  if (!detail.data) return <QueryStatus error={detail.error} isPending={detail.isPending} retry={() => void detail.refetch()} />;
  const review = detail.data;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        problem.clear();
        if (values.decision !== null) save.mutate({ ...values, decision: values.decision });
      })}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Registration review={review} />
          <Candidates review={review} />
        </SimpleGrid>
        <Radio.Group label={t('reviews.decision.label')} withAsterisk {...form.getInputProps('decision')}>
          <Stack gap="xs" mt="xs">
            <Radio value="register" label={t('reviews.decision.register')} />
            <Radio value="decline" label={t('reviews.decision.decline')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('reviews.note.label', { name: review.requestedBy.displayName })}
          description={t('reviews.note.description')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <ProblemAlert message={problem.alert} />
        <FormActions submit={t('reviews.submit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

function Registration({ review }: { review: RegistrationReviewDetail }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const sent = review.fullRegistration as {
    preferredName?: string | null;
    identifiers?: { system: string; value: string }[];
    city?: string | null;
  };
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Title order={3} fz="md">
          {t('reviews.dialog.registration')}
        </Title>
        <Text fw={600}>
          {review.registration.legalFirstName} {review.registration.legalLastName}
          {sent.preferredName ? ` (${sent.preferredName})` : ''}
        </Text>
        <Text size="sm">{t('reviews.dialog.born', { date: format.dateInSentence(review.registration.dateOfBirth) })}</Text>
        {(sent.identifiers ?? []).map((identifier) => (
          <Text size="sm" key={`${identifier.system}:${identifier.value}`}>
            {t('reviews.dialog.identifier', {
              system: tMaybe(`identifierSystem.${identifier.system}`) ?? identifier.system,
              value: identifier.value,
            })}
          </Text>
        ))}
        {sent.city ? <Text size="sm">{sent.city}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('reviews.dialog.sentBy', { name: review.requestedBy.displayName, date: format.dateTimeInSentence(review.requestedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function Candidates({ review }: { review: RegistrationReviewDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t('reviews.dialog.candidates')}
        </Title>
        {review.candidates.map((candidate) => (
          <Stack gap={0} key={candidate.id}>
            <Text fw={600}>
              {candidate.legalFirstName} {candidate.legalLastName}
              {candidate.preferredName ? ` (${candidate.preferredName})` : ''}
            </Text>
            <Text size="sm">{t('reviews.dialog.born', { date: format.dateInSentence(candidate.dateOfBirth) })}</Text>
            <Text size="sm" c="dimmed">
              {candidate.programs.length > 0
                ? t('reviews.dialog.programs', { programs: candidate.programs.join(', ') })
                : t('reviews.dialog.noProgram')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
