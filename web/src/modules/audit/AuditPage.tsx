import { Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeDetails } from './auditDetails.ts';
import type { AuditEvent } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { addDays, startOfDayInZone } from '../../i18n/format.ts';
import { useFormat, useLocale, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { browserTimeZone } from '../../i18n/timeZones.ts';
import { auditActions, type AuditAction } from './auditActions.ts';

interface AuditFilters {
  action: AuditAction | null;
  /** Calendar days in the organization's time zone, both included. */
  from: string;
  to: string;
}

const noFilters: AuditFilters = { action: null, from: '', to: '' };

/** Who did what to which record, newest first: the privacy officer's trail (42 CFR Part 2, HIPAA). */
export function AuditPage() {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const { timeZone = browserTimeZone() } = useLocale();
  const [draft, setDraft] = useState<AuditFilters>(noFilters);
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [rangeError, setRangeError] = useState<string | undefined>(undefined);

  const events = useInfiniteQuery({
    queryKey: ['audit-events', filters, timeZone],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/audit-events', {
          params: {
            query: {
              action: filters.action ?? undefined,
              from: filters.from === '' ? undefined : startOfDayInZone(filters.from, timeZone),
              to: filters.to === '' ? undefined : startOfDayInZone(addDays(filters.to, 1), timeZone),
              limit: 50,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from !== '' && draft.to !== '' && draft.to < draft.from) {
      setRangeError(t('audit.rangeBackwards'));
      return;
    }
    setRangeError(undefined);
    setFilters(draft);
  };

  const dash = (
    <Text span c="dimmed" aria-label={t('audit.none')}>
      —
    </Text>
  );
  const columns: Column<AuditEvent>[] = [
    { id: 'when', nowrap: true, header: t('audit.col.when'), cell: (event) => format.dateTime(event.occurredAt) },
    {
      id: 'who',
      header: t('audit.col.who'),
      cell: (event) =>
        event.actorName ??
        (event.actorApiKeyId !== null ? (
          t('audit.apiKey')
        ) : event.actorUserId !== null ? (
          <Code>{event.actorUserId}</Code>
        ) : (
          t('audit.noActor')
        )),
    },
    { id: 'action', nowrap: true, header: t('audit.col.action'), cell: (event) => t(`audit.action.${event.action}`) },
    { id: 'details', header: t('audit.col.details'), cell: (event) => describeDetails(event.details, tMaybe) || dash },
    {
      id: 'recordType',
      header: t('audit.col.recordType'),
      cell: (event) => (event.recordType === null ? dash : (tMaybe(`recordType.${event.recordType}`) ?? event.recordType)),
    },
    { id: 'recordId', header: t('audit.col.recordId'), cell: (event) => (event.recordId === null ? dash : <Code>{event.recordId}</Code>) },
    {
      id: 'patientId',
      header: t('audit.col.patientId'),
      cell: (event) => (event.patientId === null ? dash : <Code>{event.patientId}</Code>),
    },
    { id: 'ip', nowrap: true, header: t('audit.col.ip'), cell: (event) => event.ip ?? dash },
  ];

  const filtered = filters.action !== null || filters.from !== '' || filters.to !== '';

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <form onSubmit={apply} role="search" aria-label={t('audit.filters')}>
        <Stack gap="sm">
          <Group gap="sm" align="flex-start">
            <Select<AuditAction>
              label={t('audit.filter.action')}
              data={auditActions.map((action) => ({ value: action, label: t(`audit.action.${action}`) }))}
              value={draft.action}
              onChange={(action) => setDraft((current) => ({ ...current, action }))}
              clearable
              placeholder={t('audit.filter.allActions')}
              w={{ base: '100%', xs: 220 }}
            />
            <TextInput
              type="date"
              label={t('audit.filter.from')}
              value={draft.from}
              onChange={(event) => setDraft((current) => ({ ...current, from: event.currentTarget.value }))}
              w={{ base: '100%', xs: 180 }}
            />
            <TextInput
              type="date"
              label={t('audit.filter.to')}
              value={draft.to}
              onChange={(event) => setDraft((current) => ({ ...current, to: event.currentTarget.value }))}
              error={rangeError}
              w={{ base: '100%', xs: 180 }}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit">{t('audit.filter.apply')}</Button>
            {filtered && (
              <Button
                variant="default"
                onClick={() => {
                  setDraft(noFilters);
                  setFilters(noFilters);
                  setRangeError(undefined);
                }}
              >
                {t('audit.filter.clear')}
              </Button>
            )}
            <Text size="xs" c="dimmed">
              {t('audit.timeZoneNote', { timeZone })}
            </Text>
          </Group>
        </Stack>
      </form>

      {events.isPending || events.isError ? (
        <QueryStatus isPending={events.isPending} error={events.error} retry={() => void events.refetch()} />
      ) : (
        <Stack gap="sm">
          <DataTable
            label={t('audit.tableLabel')}
            columns={columns}
            rows={rows}
            rowKey={(event) => event.id}
            minWidth={1100}
            empty={filtered ? t('audit.noMatches') : t('audit.empty')}
          />
          <LoadMore
            shown={rows.length}
            hasMore={events.hasNextPage}
            loading={events.isFetchingNextPage}
            onLoadMore={() => void events.fetchNextPage()}
          />
        </Stack>
      )}
    </Page>
  );
}
