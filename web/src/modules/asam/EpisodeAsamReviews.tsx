import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { ASAM_EDITIONS, type AsamEdition } from '../../../../src/modules/asam/codes.ts';
import { levelLabel } from '../patients/patientHelpers.ts';
import { levelsDiffer, type AsamReview } from './asamQueries.ts';

export const reviewStatusColor = (status: AsamReview['status']) =>
  status === 'completed' ? 'green' : status === 'in-progress' ? 'blue' : 'gray';

/** An episode's ASAM reviews (read with the episode): when, which edition, the level indicated and chosen; and starting one. */
export function EpisodeAsamReviews({
  episodeId,
  open,
  reviews,
  defaultEdition,
}: {
  episodeId: string;
  open: boolean;
  reviews: readonly AsamReview[];
  defaultEdition: AsamEdition;
}) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const [starting, setStarting] = useState(false);
  const level = (review: AsamReview, code: string | null) => (code === null ? '—' : levelLabel(tMaybe, review.edition, code));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asam-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="asam-heading">
            {t('asam.title')}
          </Title>
          {open && (
            <Button variant="default" onClick={() => setStarting(true)}>
              {t('asam.start')}
            </Button>
          )}
        </Group>
        {reviews.length === 0 ? (
          <Text c="dimmed">{t('asam.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={620} type="native" tabIndex={0} role="region" aria-label={t('asam.title')}>
            <Table striped verticalSpacing="xs" aria-label={t('asam.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('asam.date')}</Table.Th>
                  <Table.Th>{t('asam.edition')}</Table.Th>
                  <Table.Th>{t('asam.statusLabel')}</Table.Th>
                  <Table.Th>{t('asam.levels')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.map((review) => {
                  const date = format.dateTime(review.completedAt ?? review.startedAt);
                  return (
                    <Table.Tr key={review.id}>
                      <Table.Td>
                        <Link to={`/asam-reviews/${review.id}`} aria-label={t('asam.openNamed', { date })}>
                          {date}
                        </Link>
                      </Table.Td>
                      <Table.Td>{t(`levelEdition.${review.edition}`)}</Table.Td>
                      <Table.Td>
                        <StatusBadge color={reviewStatusColor(review.status)}>{t(`asam.status.${review.status}`)}</StatusBadge>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm">
                            {t('asam.indicatedLevel')}: {level(review, review.indicatedLevel)}
                          </Text>
                          <Text size="sm">
                            {t('asam.chosenLevel')}: {level(review, review.chosenLevel)}
                          </Text>
                          {review.chosenLevel !== null && levelsDiffer(review) && (
                            <StatusBadge color="orange">{t('asam.differs')}</StatusBadge>
                          )}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <StartDialog episodeId={episodeId} opened={starting} defaultEdition={defaultEdition} onClose={() => setStarting(false)} />
    </Paper>
  );
}

function StartDialog({
  episodeId,
  opened,
  defaultEdition,
  onClose,
}: {
  episodeId: string;
  opened: boolean;
  defaultEdition: AsamEdition;
  onClose: () => void;
}) {
  const t = useT();
  const describe = useProblemText();
  const navigate = useNavigate();
  const [edition, setEdition] = useState<AsamEdition>(defaultEdition);
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/episodes/{id}/asam-reviews', { params: { path: { id: episodeId } }, body: { edition } })),
    onSuccess: (review) => void navigate(`/asam-reviews/${review.id}`),
  });
  return (
    <Dialog opened={opened} onClose={onClose} title={t('asam.start')}>
      <Stack gap="md">
        <Select
          label={t('asam.edition')}
          data={ASAM_EDITIONS.map((value) => ({ value, label: t(`levelEdition.${value}.long`) }))}
          value={edition}
          onChange={(value) => value && setEdition(value)}
          allowDeselect={false}
        />
        <ProblemAlert message={start.error ? describe(start.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('asam.begin')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
