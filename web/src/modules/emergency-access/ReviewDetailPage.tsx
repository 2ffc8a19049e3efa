import { Anchor, Button, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Details } from '../patients/PatientOverviewPage.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { EMERGENCY_ACCESS_FINDINGS, type EmergencyAccessFinding } from '../../../../src/modules/emergency-access/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { emergencyAccessKey, findingColors, stateColors, type GrantDetail } from './emergencyQueries.ts';

/** Which kept draft (components/forms/drafts.ts) is the review of this emergency access. */
const reviewDraftForm = (grantId: string) => `emergency-access-review:${grantId}`;

interface ReviewValues {
  finding: EmergencyAccessFinding | null;
  note: string;
}

/** One break-the-glass event for the privacy officer: who, why, when, what was read, and the review. */
export function ReviewDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: [...emergencyAccessKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/emergency-access/{id}', { params: { path: { id } } })),
  });
  if (!detail.data) {
    return (
      <Page title={t('emergencyAccess.reviews.title')}>
        <QueryStatus isPending={detail.isPending} error={detail.error} retry={() => void detail.refetch()} />
      </Page>
    );
  }
  return <Detail grant={detail.data} />;
}

function Detail({ grant }: { grant: GrantDetail }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const session = useSession();
  // Back after the session ended while reviewing: the dialog opens again with the finding and note.
  const [reviewing, setReviewing] = useState(() => hasDraft(session.user.id, reviewDraftForm(grant.id)));
  return (
    <Page
      title={t('emergencyAccess.detail.title', { name: grant.patient.name })}
      actions={
        <Button onClick={() => setReviewing(true)} variant={grant.review ? 'default' : 'filled'}>
          {grant.review ? t('emergencyAccess.reviewAgain') : t('emergencyAccess.review')}
        </Button>
      }
    >
      <Anchor component={Link} to="/emergency-access/reviews" size="sm">
        {t('emergencyAccess.detail.back')}
      </Anchor>
      <Paper withBorder p="md">
        <Details
          items={[
            [t('emergencyAccess.detail.who'), grant.user.name],
            [t('emergencyAccess.col.reason'), <span style={{ whiteSpace: 'pre-wrap' }}>{grant.reason}</span>],
            [t('emergencyAccess.detail.started'), format.dateTimeWithZone(grant.startedAt)],
            [t('emergencyAccess.detail.until'), format.dateTimeWithZone(grant.expiresAt)],
            ...(grant.endedAt
              ? ([[t('emergencyAccess.detail.endedAt'), format.dateTimeWithZone(grant.endedAt)]] as [string, string][])
              : []),
            [
              t('emergencyAccess.col.state'),
              <StatusBadge color={stateColors[grant.state]}>{t(`emergencyAccess.state.${grant.state}`)}</StatusBadge>,
            ],
          ]}
        />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="review-heading">
        <Stack gap="xs">
          <Title order={2} fz="lg" id="review-heading">
            {t('emergencyAccess.detail.review')}
          </Title>
          {grant.review ? (
            <>
              <StatusBadge color={findingColors[grant.review.finding]}>{t(`emergencyAccess.finding.${grant.review.finding}`)}</StatusBadge>
              {grant.review.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {grant.review.note}
                </Text>
              )}
              <Text size="sm" c="dark.4">
                {t('emergencyAccess.detail.reviewedBy', {
                  name: grant.review.reviewedBy.name,
                  date: format.dateTimeInSentence(grant.review.reviewedAt),
                })}
              </Text>
            </>
          ) : (
            <Text size="sm">{t('emergencyAccess.detail.notReviewed')}</Text>
          )}
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="reads-heading">
        <Title order={2} fz="lg" id="reads-heading">
          {t('emergencyAccess.detail.reads')} ({format.number(grant.markedReads)})
        </Title>
        {grant.reads.length === 0 ? (
          <Paper withBorder p="md">
            <Text size="sm">{t('emergencyAccess.detail.noReads')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="xs" aria-label={t('emergencyAccess.detail.readsTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('emergencyAccess.detail.at')}</Table.Th>
                  <Table.Th>{t('emergencyAccess.detail.action')}</Table.Th>
                  <Table.Th>{t('emergencyAccess.detail.record')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grant.reads.map((read, index) => (
                  <Table.Tr key={`${read.occurredAt}-${index}`}>
                    <Table.Td>{format.dateTime(read.occurredAt)}</Table.Td>
                    <Table.Td>{tMaybe(`audit.action.${read.action}`) ?? read.action}</Table.Td>
                    <Table.Td>{read.recordType === null ? '' : (tMaybe(`recordType.${read.recordType}`) ?? read.recordType)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ReviewDialog grant={grant} opened={reviewing} onClose={() => setReviewing(false)} />
    </Page>
  );
}

function ReviewDialog({ grant, opened, onClose }: { grant: GrantDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('emergencyAccess.review.title')} closeOnClickOutside={false}>
      {opened && <ReviewForm grant={grant} onClose={onClose} />}
    </Dialog>
  );
}

function ReviewForm({ grant, onClose }: { grant: GrantDetail; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<ReviewValues>(useSession().user.id, reviewDraftForm(grant.id), (): Kept<ReviewValues> | null =>
    keptAt(form.getValues(), version),
  );
  // A restored review goes against the event as first read: one reviewed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? grant.version;
  const form = useForm<ReviewValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { finding: grant.review?.finding ?? null, note: grant.review?.note ?? '' },
    validate: { finding: (value) => (value === null ? t('emergencyAccess.review.findingRequired') : null) },
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: (values: { finding: EmergencyAccessFinding; note: string }) =>
      unwrap(
        api.POST('/api/emergency-access/{id}/review', {
          params: { path: { id: grant.id } },
          body: { version, finding: values.finding, note: values.note.trim() === '' ? null : values.note.trim() },
        }),
      ),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('emergencyAccess.review.saved') });
      await queryClient.invalidateQueries({ queryKey: emergencyAccessKey });
      onClose();
    },
    onError: (error) => {
      const values = form.getValues();
      if (!draft.keepIfSignedOut(error, values, { values, version })) problem.show(error);
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        problem.clear();
        if (values.finding !== null) save.mutate({ finding: values.finding, note: values.note });
      })}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <Radio.Group label={t('emergencyAccess.review.finding')} withAsterisk {...form.getInputProps('finding')}>
          <Stack gap="xs" mt="xs">
            {EMERGENCY_ACCESS_FINDINGS.map((finding) => (
              <Radio key={finding} value={finding} label={t(`emergencyAccess.finding.${finding}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea label={t('emergencyAccess.review.note')} autosize minRows={3} maxLength={2000} {...form.getInputProps('note')} />
        <FormActions submit={t('emergencyAccess.review.submit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
