import { Button, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { REVIEW_FINDINGS, REVIEW_STATUSES, type ReviewFinding, type ReviewStatus } from '../../../../src/modules/consents/codes.ts';
import { DownloadCsv, exportUrl } from '../audit/DownloadCsv.tsx';

type Item = OkBody<'/api/emergency-disclosures', 'get'>['items'][number];

const findingColor = (finding: ReviewFinding) => (finding === 'appropriate' ? 'green' : finding === 'inappropriate' ? 'red' : 'yellow');

/**
 * The privacy officer's § 2.51 queue: emergency disclosures awaiting review (oldest first) or
 * reviewed (newest review first), each reviewed with a finding; never the chart.
 */
export function EmergencyQueuePage() {
  const t = useT();
  const format = useFormat();
  const [status, setStatus] = useState<ReviewStatus>('awaiting-review');
  const [reviewing, setReviewing] = useState<Item | null>(null);
  const queue = useQuery({
    queryKey: ['emergency-disclosures', status],
    queryFn: async () => (await unwrap(api.GET('/api/emergency-disclosures', { params: { query: { status } } }))).items,
  });

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
        {reviewing && <ReviewForm item={reviewing} onClose={() => setReviewing(null)} />}
      </Dialog>
    </Page>
  );
}

function ReviewForm({ item, onClose }: { item: Item; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { finding: item.reviewFinding ?? '', note: item.reviewNote ?? '' },
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
            version: item.version,
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
    onError: problem.show,
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
