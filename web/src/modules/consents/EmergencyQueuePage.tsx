import { Button, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { draftIdsOf } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { REVIEW_FINDINGS, REVIEW_STATUSES, type ReviewFinding, type ReviewStatus } from '../../../../src/modules/consents/codes.ts';
import { DownloadCsv, exportUrl } from '../audit/DownloadCsv.tsx';
import { useSession } from '../session/SessionContext.tsx';

type Item = OkBody<'/api/emergency-disclosures', 'get'>['items'][number];

/**
 * Which kept draft (components/forms/drafts.ts) is a review in the queue: by the list it was
 * opened from and the disclosure, so the page can show that list again and reopen the dialog.
 */
const REVIEW_DRAFT = 'emergency-disclosure-review:';
const reviewDraftForm = (status: ReviewStatus, id: string) => `${REVIEW_DRAFT}${status}:${id}`;

/** The review kept when the session ended, if any: its list and the disclosure's id. */
function keptReview(userId: string): { status: ReviewStatus; id: string } | null {
  const [kept] = draftIdsOf(userId, REVIEW_DRAFT);
  const [status, id] = kept?.split(':') ?? [];
  return id !== undefined && (REVIEW_STATUSES as readonly string[]).includes(status ?? '') ? { status: status as ReviewStatus, id } : null;
}

interface ReviewValues {
  finding: ReviewFinding | '';
  note: string;
}

const findingColor = (finding: ReviewFinding) => (finding === 'appropriate' ? 'green' : finding === 'inappropriate' ? 'red' : 'yellow');

/**
 * The privacy officer's § 2.51 queue: emergency disclosures awaiting review (oldest first) or
 * reviewed (newest review first), each reviewed with a finding; never the chart.
 */
export function EmergencyQueuePage() {
  const t = useT();
  const format = useFormat();
  const userId = useSession().user.id;
  // Back after the session ended during a review: its list again, and its dialog once the list is here.
  const [kept, setKept] = useState(() => keptReview(userId));
  const [status, setStatus] = useState<ReviewStatus>(kept?.status ?? 'awaiting-review');
  const [chosen, setChosen] = useState<Item | null>(null);
  const queue = useQuery({
    queryKey: ['emergency-disclosures', status],
    queryFn: async () => (await unwrap(api.GET('/api/emergency-disclosures', { params: { query: { status } } }))).items,
  });
  const reviewing = chosen ?? (kept && kept.status === status ? (queue.data?.find((item) => item.id === kept.id) ?? null) : null);
  const setReviewing = (item: Item | null) => {
    setKept(null);
    setChosen(item);
  };

  const columns: Column<Item>[] = [
    { id: 'when', nowrap: true, header: t('accounting.when'), cell: (item) => format.dateTime(item.disclosedAt) },
    { id: 'patient', header: t('emergencyQueue.patient'), cell: (item) => item.patientName },
    { id: 'recipient', header: t('accounting.recipient'), cell: (item) => `${item.recipientName}, ${item.recipientAffiliation ?? ''}` },
    {
      id: 'information',
      header: t('accounting.information'),
      cell: (item) => item.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; '),
    },
    { id: 'nature', header: t('emergencyQueue.nature'), cell: (item) => item.emergencyNature },
    { id: 'by', header: t('accounting.by'), cell: (item) => item.disclosedBy.name },
  ];
  if (status === 'reviewed')
    columns.push({
      id: 'finding',
      header: t('emergencyQueue.finding'),
      cell: (item) => (
        <Stack gap={4}>
          {item.reviewFinding && (
            <StatusBadge color={findingColor(item.reviewFinding)}>{t(`emergencyQueue.finding.${item.reviewFinding}`)}</StatusBadge>
          )}
          {item.reviewNote && <Text size="sm">{item.reviewNote}</Text>}
          {item.reviewedBy && item.reviewedAt && (
            <Text size="xs" c="dimmed">
              {t('emergencyQueue.reviewedLine', { name: item.reviewedBy.name, when: format.dateTime(item.reviewedAt) })}
            </Text>
          )}
        </Stack>
      ),
    });

  return (
    <Page
      title={t('emergencyQueue.title')}
      intro={t('emergencyQueue.intro')}
      actions={<DownloadCsv href={exportUrl('/api/emergency-disclosures/export', { status })} />}
    >
      <SegmentedControl
        aria-label={t('emergencyQueue.status')}
        value={status}
        onChange={(value) => setStatus(value)}
        data={REVIEW_STATUSES.map((value) => ({ value, label: t(`emergencyQueue.status.${value}`) }))}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {queue.isPending || queue.isError ? (
        <QueryStatus isPending={queue.isPending} error={queue.error} retry={() => void queue.refetch()} />
      ) : (
        <DataTable
          label={t('emergencyQueue.table')}
          columns={columns}
          rows={queue.data}
          rowKey={(item) => item.id}
          minWidth={960}
          empty={status === 'awaiting-review' ? t('emergencyQueue.empty') : t('emergencyQueue.noneReviewed')}
          actions={(item) => (
            <Button
              size="xs"
              variant={status === 'awaiting-review' ? 'filled' : 'default'}
              onClick={() => setReviewing(item)}
              aria-label={t(status === 'awaiting-review' ? 'emergencyQueue.reviewOf' : 'emergencyQueue.changeOf', {
                recipient: item.recipientName,
              })}
            >
              {status === 'awaiting-review' ? t('emergencyQueue.review') : t('emergencyQueue.changeFinding')}
            </Button>
          )}
        />
      )}
      <Dialog
        opened={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={reviewing ? t('emergencyQueue.reviewOf', { recipient: reviewing.recipientName }) : ''}
        size="lg"
      >
        {reviewing && <ReviewForm item={reviewing} status={status} onClose={() => setReviewing(null)} />}
      </Dialog>
    </Page>
  );
}

function ReviewForm({ item, status, onClose }: { item: Item; status: ReviewStatus; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<ReviewValues>(useSession().user.id, reviewDraftForm(status, item.id), (): Kept<ReviewValues> | null =>
    keptAt(form.getValues(), version),
  );
  // A restored review goes against the disclosure as first read: one reviewed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? item.version;
  const form = useForm<ReviewValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { finding: item.reviewFinding ?? '', note: item.reviewNote ?? '' },
    validate: {
      finding: (value) => (value === '' ? t('emergencyQueue.chooseFinding') : null),
    },
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () => {
      const values = form.getValues();
      return unwrap(
        api.POST('/api/emergency-disclosures/{id}/review', {
          params: { path: { id: item.id } },
          body: {
            version,
            finding: values.finding as ReviewFinding,
            note: values.note.trim() === '' ? null : values.note.trim(),
          },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['emergency-disclosures'] });
      await queryClient.invalidateQueries({ queryKey: ['privacy-summary'] });
      onClose();
    },
    onError: (error) => {
      const values = form.getValues();
      if (!draft.keepIfSignedOut(error, values, { values, version })) problem.show(error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit(() => {
        problem.clear();
        save.mutate();
      })}
      noValidate
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <dl className="details-list">
          <dt>{t('emergencyQueue.patient')}</dt>
          <dd>{item.patientName}</dd>
          <dt>{t('accounting.when')}</dt>
          <dd>{format.dateTime(item.disclosedAt)}</dd>
          <dt>{t('accounting.recipient')}</dt>
          <dd>
            {item.recipientName}, {item.recipientAffiliation}
          </dd>
          <dt>{t('accounting.information')}</dt>
          <dd>{item.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; ')}</dd>
          <dt>{t('emergencyQueue.nature')}</dt>
          <dd>{item.emergencyNature}</dd>
          <dt>{t('accounting.by')}</dt>
          <dd>{item.disclosedBy.name}</dd>
        </dl>
        <ProblemAlert message={problem.alert} />
        <Radio.Group label={t('emergencyQueue.finding')} required {...form.getInputProps('finding')}>
          <Stack gap="xs" mt={6}>
            {REVIEW_FINDINGS.map((finding) => (
              <Radio
                key={finding}
                value={finding}
                label={t(`emergencyQueue.finding.${finding}`)}
                description={t(`emergencyQueue.finding.${finding}.help`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('emergencyQueue.note')}
          description={t('emergencyQueue.noteHelp')}
          required={form.values.finding !== '' && form.values.finding !== 'appropriate'}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <FormActions submit={t('emergencyQueue.save')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
