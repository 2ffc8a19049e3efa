import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { browserTimeZone } from '../../i18n/timeZones.ts';
import { DISCLOSURE_BASES } from '../../../../src/modules/consents/codes.ts';
import { DownloadCsv, exportUrl } from '../audit/DownloadCsv.tsx';

type Item = OkBody<'/api/disclosures', 'get'>['items'][number];
type Basis = (typeof DISCLOSURE_BASES)[number];

interface Filters {
  /** Calendar days in the organization's time zone, both included (the server converts them). */
  from: string;
  to: string;
  basis: Basis | null;
  recipient: string;
}
const none: Filters = { from: '', to: '', basis: null, recipient: '' };

const queryOf = (filters: Filters) => ({
  from: filters.from || undefined,
  to: filters.to || undefined,
  basis: filters.basis ?? undefined,
  recipient: filters.recipient.trim() || undefined,
});

/** The privacy officer's log of every disclosure of the organization, newest first. */
export function DisclosureLogPage() {
  const t = useT();
  const format = useFormat();
  const { timeZone = browserTimeZone() } = useLocale();
  const [draft, setDraft] = useState<Filters>(none);
  const [filters, setFilters] = useState<Filters>(none);
  const [rangeError, setRangeError] = useState<string | undefined>(undefined);
  const log = useInfiniteQuery({
    queryKey: ['disclosure-log', filters],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/disclosures', { params: { query: { ...queryOf(filters), limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from !== '' && draft.to !== '' && draft.to < draft.from) {
      setRangeError(t('audit.rangeBackwards'));
      return;
    }
    setRangeError(undefined);
    setFilters(draft);
  };

  const columns: Column<Item>[] = [
    { id: 'when', nowrap: true, header: t('accounting.when'), cell: (item) => format.dateTime(item.disclosedAt) },
    { id: 'patient', header: t('disclosureLog.patient'), cell: (item) => item.patientName },
    {
      id: 'recipient',
      header: t('accounting.recipient'),
      cell: (item) => (item.recipientAffiliation ? `${item.recipientName}, ${item.recipientAffiliation}` : item.recipientName),
    },
    {
      id: 'what',
      header: t('accounting.information'),
      cell: (item) => (
        <Stack gap={2}>
          <Text size="sm">{item.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; ')}</Text>
          {item.description && (
            <Text size="xs" c="dimmed">
              {item.description}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'basis',
      header: t('disclosureLog.consent'),
      cell: (item) => (
        <Stack gap={2} align="flex-start">
          {item.consent ? (
            <Text size="sm">
              {t('disclosureLog.consentSigned', { kind: t(`consent.kind.${item.consent.kind}`), date: format.date(item.consent.signedOn) })}
            </Text>
          ) : (
            <StatusBadge color="orange">{t(`accounting.basis.${item.basis}`)}</StatusBadge>
          )}
          {item.basis === 'consent' && (
            <Text size="xs" c="dimmed">
              {t('disclosureLog.purpose', { purpose: t(`consent.purpose.${item.purpose}`) })}
            </Text>
          )}
        </Stack>
      ),
    },
    { id: 'by', header: t('accounting.by'), cell: (item) => item.disclosedBy.name },
  ];

  return (
    <Page
      title={t('disclosureLog.title')}
      intro={t('disclosureLog.intro')}
      actions={<DownloadCsv href={exportUrl('/api/disclosures/export', queryOf(filters))} />}
    >
      <form onSubmit={apply} role="search" aria-label={t('disclosureLog.filters')}>
        <Stack gap="sm">
          <Group gap="sm" align="flex-start">
            <TextInput
              type="date"
              label={t('audit.filter.from')}
              value={draft.from}
              onChange={(event) => {
                // Read now: React may run the updater after the event, when currentTarget is null
                // (the page went blank in a browser test on a loaded machine).
                const from = event.currentTarget.value;
                setDraft((current) => ({ ...current, from }));
              }}
              w={{ base: '100%', xs: 180 }}
            />
            <TextInput
              type="date"
              label={t('audit.filter.to')}
              value={draft.to}
              onChange={(event) => {
                const to = event.currentTarget.value;
                setDraft((current) => ({ ...current, to }));
              }}
              error={rangeError}
              w={{ base: '100%', xs: 180 }}
            />
            <Select<Basis>
              label={t('disclosureLog.basis')}
              placeholder={t('disclosureLog.anyBasis')}
              data={DISCLOSURE_BASES.map((basis) => ({ value: basis, label: t(`accounting.basis.${basis}`) }))}
              value={draft.basis}
              onChange={(basis) => setDraft((current) => ({ ...current, basis }))}
              clearable
              w={{ base: '100%', xs: 320 }}
            />
            <TextInput
              label={t('disclosureLog.recipient')}
              value={draft.recipient}
              onChange={(event) => {
                const recipient = event.currentTarget.value;
                setDraft((current) => ({ ...current, recipient }));
              }}
              maxLength={200}
              w={{ base: '100%', xs: 260 }}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit">{t('disclosureLog.apply')}</Button>
            <Text size="xs" c="dimmed">
              {t('privacy.daysNote', { timeZone })}
            </Text>
          </Group>
        </Stack>
      </form>
      {log.isPending || log.isError ? (
        <QueryStatus isPending={log.isPending} error={log.error} retry={() => void log.refetch()} />
      ) : (
        <Stack gap="sm">
          <DataTable
            label={t('disclosureLog.table')}
            columns={columns}
            rows={rows}
            rowKey={(item) => item.id}
            minWidth={880}
            empty={t('disclosureLog.empty')}
          />
          <LoadMore
            shown={rows.length}
            hasMore={log.hasNextPage}
            loading={log.isFetchingNextPage}
            onLoadMore={() => void log.fetchNextPage()}
          />
        </Stack>
      )}
    </Page>
  );
}
