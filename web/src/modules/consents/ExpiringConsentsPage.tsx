import { NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { DownloadCsv, exportUrl } from '../audit/DownloadCsv.tsx';

type Item = OkBody<'/api/consents/expiring', 'get'>['items'][number];

/** Consents in effect that expire within the next days (30 unless changed), soonest first, so they are renewed in time. */
export function ExpiringConsentsPage() {
  const t = useT();
  const format = useFormat();
  const [within, setWithin] = useState<number>(30);
  const [withinDays] = useDebouncedValue(within, 300);
  const list = useQuery({
    queryKey: ['consents-expiring', withinDays],
    queryFn: () => unwrap(api.GET('/api/consents/expiring', { params: { query: { withinDays } } })),
  });
  const columns: Column<Item>[] = [
    { id: 'expires', nowrap: true, header: t('expiring.expiresOn'), cell: (item) => format.date(item.expiresOn) },
    {
      id: 'left',
      nowrap: true,
      header: t('expiring.daysLeft'),
      cell: (item) => (
        <StatusBadge color={item.daysLeft <= 7 ? 'red' : 'yellow'}>
          {item.daysLeft === 0 ? t('expiring.today') : format.number(item.daysLeft)}
        </StatusBadge>
      ),
    },
    { id: 'patient', header: t('disclosureLog.patient'), cell: (item) => item.patientName },
    { id: 'recipient', header: t('accounting.recipient'), cell: (item) => item.recipientName },
    { id: 'kind', header: t('expiring.kind'), cell: (item) => t(`consent.kind.${item.kind}`) },
    { id: 'signed', nowrap: true, header: t('expiring.signed'), cell: (item) => format.date(item.signedOn) },
  ];
  return (
    <Page
      title={t('expiring.title')}
      intro={t('expiring.intro')}
      actions={<DownloadCsv href={exportUrl('/api/consents/expiring/export', { withinDays })} />}
    >
      <NumberInput
        label={t('expiring.within')}
        value={within}
        onChange={(value) => setWithin(typeof value === 'number' ? Math.min(365, Math.max(0, Math.round(value))) : 30)}
        min={0}
        max={365}
        w={{ base: '100%', xs: 200 }}
      />
      {list.isPending || list.isError ? (
        <QueryStatus isPending={list.isPending} error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          <DataTable
            label={t('expiring.table')}
            columns={columns}
            rows={list.data.items}
            rowKey={(item) => item.id}
            empty={t('expiring.empty')}
          />
          {list.data.truncated && (
            <Text size="sm" c="dimmed">
              {t('expiring.truncated')}
            </Text>
          )}
        </Stack>
      )}
    </Page>
  );
}
