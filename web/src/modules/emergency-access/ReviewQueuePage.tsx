import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { emergencyAccessKey, findingColors, stateColors, type Grant } from './emergencyQueries.ts';

type Status = 'awaiting-review' | 'reviewed';

/** The privacy officer's queue of break-the-glass events: awaiting review (oldest first) or reviewed. */
export function ReviewQueuePage() {
  const t = useT();
  const format = useFormat();
  const [status, setStatus] = useState<Status>('awaiting-review');
  const grants = useInfiniteQuery({
    queryKey: [...emergencyAccessKey, 'queue', status],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/emergency-access', { params: { query: { status, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = grants.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<Grant>[] = [
    { id: 'when', nowrap: true, header: t('emergencyAccess.col.when'), cell: (grant) => format.dateTime(grant.startedAt) },
    { id: 'who', header: t('emergencyAccess.col.who'), cell: (grant) => grant.user.name },
    { id: 'patient', header: t('emergencyAccess.col.patient'), cell: (grant) => grant.patient.name },
    {
      id: 'reason',
      header: t('emergencyAccess.col.reason'),
      cell: (grant) => (
        <Text size="sm" maw={360} lineClamp={3}>
          {grant.reason}
        </Text>
      ),
    },
    { id: 'reads', header: t('emergencyAccess.col.reads'), cell: (grant) => format.number(grant.markedReads) },
    {
      id: 'state',
      nowrap: true,
      header: status === 'reviewed' ? t('emergencyAccess.col.finding') : t('emergencyAccess.col.state'),
      cell: (grant) =>
        grant.review ? (
          <StatusBadge color={findingColors[grant.review.finding]}>{t(`emergencyAccess.finding.${grant.review.finding}`)}</StatusBadge>
        ) : (
          <StatusBadge color={stateColors[grant.state]}>{t(`emergencyAccess.state.${grant.state}`)}</StatusBadge>
        ),
    },
  ];

  return (
    <Page
      title={t('emergencyAccess.reviews.title')}
      intro={t('emergencyAccess.reviews.intro')}
      actions={
        // A plain link: the browser downloads the file with the session cookie (the export is audited).
        <Button component="a" href={`/api/emergency-access/export?status=${status}`} variant="default" download>
          {t('emergencyAccess.reviews.download')}
        </Button>
      }
    >
      <Group>
        <SegmentedControl
          aria-label={t('emergencyAccess.reviews.filter')}
          value={status}
          onChange={(value) => setStatus(value === 'reviewed' ? 'reviewed' : 'awaiting-review')}
          data={[
            { value: 'awaiting-review', label: t('emergencyAccess.reviews.awaiting') },
            { value: 'reviewed', label: t('emergencyAccess.reviews.reviewed') },
          ]}
        />
      </Group>
      <QueryStatus error={grants.error} isPending={grants.isPending} retry={() => void grants.refetch()} />
      {grants.data && (
        <Stack gap="sm">
          <DataTable
            label={t('emergencyAccess.reviews.table')}
            columns={columns}
            rows={rows}
            rowKey={(grant) => grant.id}
            empty={status === 'reviewed' ? t('emergencyAccess.reviews.emptyReviewed') : t('emergencyAccess.reviews.emptyAwaiting')}
            actions={(grant) => (
              <Anchor
                component={Link}
                to={`/emergency-access/reviews/${grant.id}`}
                size="sm"
                aria-label={t('emergencyAccess.openFor', { name: grant.patient.name })}
              >
                {t('emergencyAccess.open')}
              </Anchor>
            )}
          />
          <LoadMore
            shown={rows.length}
            hasMore={grants.hasNextPage}
            loading={grants.isFetchingNextPage}
            onLoadMore={() => void grants.fetchNextPage()}
          />
        </Stack>
      )}
    </Page>
  );
}
