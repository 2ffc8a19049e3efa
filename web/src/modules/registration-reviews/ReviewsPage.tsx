import { Anchor, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { RegistrationReview } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { draftIdsOf } from '../../components/forms/drafts.ts';
import { reviewDraftPrefix, ReviewDialog } from './ReviewDialog.tsx';

import { reviewsKey } from './reviewQueries.ts';
const statusColors: Record<RegistrationReview['status'], string> = { pending: 'yellow', registered: 'green', declined: 'gray' };

/**
 * Registrations waiting for a supervisor: a supervisor's queue, and for everyone else the
 * registrations they sent and what became of them. Nothing here names the other record to
 * anyone but a supervisor.
 */
export function ReviewsPage() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const supervisor = session.user.roles.includes('supervisor');
  const [show, setShow] = useState<'pending' | 'all'>(supervisor ? 'pending' : 'all');
  const [chosen, setChosen] = useState<RegistrationReview | null>(null);
  // Back after the session ended while deciding: that registration's dialog opens again once listed.
  const [keptId, setKeptId] = useState(() => (supervisor ? (draftIdsOf(session.user.id, reviewDraftPrefix)[0] ?? null) : null));
  const reviews = useInfiniteQuery({
    queryKey: [...reviewsKey, show],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/registration-reviews', {
          params: { query: { limit: 50, cursor: pageParam, ...(show === 'pending' ? { status: 'pending' as const } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = reviews.data?.pages.flatMap((page) => page.items) ?? [];
  const reviewing = chosen ?? rows.find((review) => review.id === keptId) ?? null;
  const setReviewing = (review: RegistrationReview | null) => {
    setKeptId(null);
    setChosen(review);
  };
  const name = (review: RegistrationReview) => `${review.registration.legalFirstName} ${review.registration.legalLastName}`;

  const columns: Column<RegistrationReview>[] = [
    {
      id: 'person',
      header: t('reviews.col.person'),
      cell: (review) => (
        <Stack gap={0}>
          <Text fw={600}>{name(review)}</Text>
          <Text size="sm" c="dimmed">
            {t('reviews.dialog.born', { date: format.dateInSentence(review.registration.dateOfBirth) })}
          </Text>
        </Stack>
      ),
    },
    { id: 'requested', nowrap: true, header: t('reviews.col.requested'), cell: (review) => format.dateTime(review.requestedAt) },
    ...(supervisor
      ? [{ id: 'by', header: t('reviews.col.requestedBy'), cell: (review: RegistrationReview) => review.requestedBy.displayName }]
      : []),
    {
      id: 'status',
      nowrap: true,
      header: t('reviews.col.status'),
      cell: (review) => <StatusBadge color={statusColors[review.status]}>{t(`reviews.status.${review.status}`)}</StatusBadge>,
    },
    { id: 'note', header: t('reviews.col.note'), cell: (review) => review.decisionNote ?? '' },
  ];

  return (
    <Page title={t('reviews.title')} intro={supervisor ? t('reviews.intro.supervisor') : t('reviews.intro.staff')}>
      <SegmentedControl
        aria-label={t('reviews.filter.label')}
        value={show}
        onChange={(value) => setShow(value === 'pending' ? 'pending' : 'all')}
        data={[
          { value: 'pending', label: t('reviews.filter.pending') },
          { value: 'all', label: t('reviews.filter.all') },
        ]}
        w="fit-content"
      />
      <QueryStatus error={reviews.error} isPending={reviews.isPending} retry={() => void reviews.refetch()} />
      {reviews.data && (
        <DataTable
          label={t('reviews.tableLabel')}
          columns={columns}
          rows={rows}
          rowKey={(review) => review.id}
          empty={t('reviews.empty')}
          actions={(review) =>
            supervisor && review.status === 'pending' ? (
              <Button size="xs" variant="light" onClick={() => setReviewing(review)} aria-label={`${t('reviews.review')}: ${name(review)}`}>
                {t('reviews.review')}
              </Button>
            ) : review.registeredPatientId !== null && !supervisor ? (
              <Anchor component={Link} to={`/patients/${review.registeredPatientId}`} size="sm">
                {t('reviews.openRecord')}
              </Anchor>
            ) : null
          }
        />
      )}
      <LoadMore
        shown={rows.length}
        hasMore={reviews.hasNextPage}
        loading={reviews.isFetchingNextPage}
        onLoadMore={() => void reviews.fetchNextPage()}
      />
      <ReviewDialog review={reviewing} onClose={() => setReviewing(null)} />
    </Page>
  );
}
