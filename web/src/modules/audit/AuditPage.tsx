import { Anchor, Badge, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
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
import { catalogue } from '../../app/catalogue.ts';
import { auditActions, type AuditAction } from './auditActions.ts';
import { DownloadCsv, exportUrl } from './DownloadCsv.tsx';

/** A person, patient or record chosen in the table: its id for the query, its name for the chip. */
interface Chosen {
  id: string;
  name: string;
}

interface AuditFilters {
  action: AuditAction | null;
  /** Calendar days in the organization's time zone, both included. */
  from: string;
  to: string;
  person: Chosen | null;
  patient: Chosen | null;
  record: (Chosen & { type: string }) | null;
  /** A kind of record (any record of it), chosen in the form. */
  recordType: string | null;
}

const noFilters: AuditFilters = { action: null, from: '', to: '', person: null, patient: null, record: null, recordType: null };

/** The kinds of record the trail names, as every module's messages call them. */
const recordTypes = Object.keys(catalogue)
  .filter((key) => key.startsWith('recordType.'))
  .map((key) => key.slice('recordType.'.length));

/** The staff member filter: everyone of the organization by name (names only, GET /api/audit-events/staff). */
function StaffPicker({ value, onChange }: { value: Chosen | null; onChange: (person: Chosen | null) => void }) {
  const t = useT();
  const staff = useQuery({
    queryKey: ['audit-staff'],
    queryFn: async () => (await unwrap(api.GET('/api/audit-events/staff'))).items,
    staleTime: 60_000,
  });
  const data = (staff.data ?? []).map((person) => ({
    value: person.id,
    label: person.active ? person.name : t('audit.filter.inactive', { name: person.name }),
  }));
  return (
    <Select
      label={t('audit.filter.staff')}
      placeholder={t('audit.filter.anyone')}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => {
        const person = staff.data?.find((item) => item.id === id);
        onChange(person ? { id: person.id, name: person.name } : null);
      }}
      searchable
      clearable
      nothingFoundMessage={t('audit.filter.noneFound')}
      w={{ base: '100%', xs: 240 }}
    />
  );
}

/**
 * The patient filter: a names-only lookup (GET /api/audit-events/patients, audited, never the
 * chart) from two letters on; or choose a patient's name in the table.
 */
function PatientPicker({ value, onChange }: { value: Chosen | null; onChange: (patient: Chosen | null) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [name] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['audit-patient-lookup', name],
    queryFn: async () => (await unwrap(api.GET('/api/audit-events/patients', { params: { query: { name } } }))).items,
    enabled: name.length >= 2 && name !== value?.name,
  });
  const data = useMemo(() => {
    const items = (found.data ?? []).map((patient) => ({
      value: patient.id,
      label: patient.name === patient.legalName ? patient.name : `${patient.name} (${patient.legalName})`,
    }));
    if (value && !items.some((item) => item.value === value.id)) items.unshift({ value: value.id, label: value.name });
    return items;
  }, [found.data, value]);
  return (
    <Select
      label={t('audit.filter.patientLabel')}
      placeholder={t('audit.filter.patientPlaceholder')}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id === null ? null : { id, name: option?.label ?? id })}
      filter={({ options }) => options}
      searchable
      clearable
      nothingFoundMessage={name.length >= 2 ? t('audit.filter.noneFound') : t('audit.filter.typeTwo')}
      w={{ base: '100%', xs: 260 }}
    />
  );
}

/** A name in the table that narrows the log to its rows. */
function FilterLink({ label, children, onClick }: { label: string; children: string; onClick: () => void }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={onClick} title={label} ta="start">
      {children}
    </Anchor>
  );
}

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
              actorUserId: filters.person?.id,
              patientId: filters.patient?.id,
              recordType: filters.record?.type ?? filters.recordType ?? undefined,
              recordId: filters.record?.id,
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
  const downloadHref = exportUrl('/api/audit-events/export', {
    action: filters.action,
    actorUserId: filters.person?.id,
    patientId: filters.patient?.id,
    recordType: filters.record?.type ?? filters.recordType,
    recordId: filters.record?.id,
    from: filters.from === '' ? undefined : startOfDayInZone(filters.from, timeZone),
    to: filters.to === '' ? undefined : startOfDayInZone(addDays(filters.to, 1), timeZone),
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from !== '' && draft.to !== '' && draft.to < draft.from) {
      setRangeError(t('audit.rangeBackwards'));
      return;
    }
    setRangeError(undefined);
    setFilters(draft);
  };
  // Choosing in the table applies at once, keeping the other filters as applied.
  const narrow = (change: Partial<AuditFilters>) => {
    setDraft((current) => ({ ...current, ...change }));
    setFilters((current) => ({ ...current, ...change }));
  };
  const typeName = (type: string) => tMaybe(`recordType.${type}`) ?? type;

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
      cell: (event) => {
        if (event.actorName !== null && event.actorUserId !== null) {
          const person = { id: event.actorUserId, name: event.actorName };
          return (
            <FilterLink label={t('audit.showPerson', { name: person.name })} onClick={() => narrow({ person })}>
              {person.name}
            </FilterLink>
          );
        }
        return event.actorApiKeyId !== null ? t('audit.apiKey') : t('audit.noActor');
      },
    },
    { id: 'action', nowrap: true, header: t('audit.col.action'), cell: (event) => t(`audit.action.${event.action}`) },
    {
      id: 'record',
      header: t('audit.col.record'),
      cell: (event) => {
        if (event.recordType === null) return dash;
        const type = typeName(event.recordType);
        if (event.recordId === null) return type;
        const record = { id: event.recordId, type: event.recordType, name: event.recordName ?? `…${event.recordId.slice(-8)}` };
        return (
          <Stack gap={0}>
            <Text span size="sm">
              {type}
            </Text>
            <FilterLink label={t('audit.showRecord')} onClick={() => narrow({ record })}>
              {event.recordName ?? `…${event.recordId.slice(-8)}`}
            </FilterLink>
          </Stack>
        );
      },
    },
    {
      id: 'patient',
      header: t('audit.col.patient'),
      cell: (event) => {
        if (event.patientId === null) return dash;
        const patient = { id: event.patientId, name: event.patientName ?? `…${event.patientId.slice(-8)}` };
        return (
          <FilterLink label={t('audit.showPatient', { name: patient.name })} onClick={() => narrow({ patient })}>
            {patient.name}
          </FilterLink>
        );
      },
    },
    { id: 'details', header: t('audit.col.details'), cell: (event) => describeDetails(event.details, tMaybe) || dash },
    { id: 'ip', nowrap: true, header: t('audit.col.ip'), cell: (event) => event.ip ?? dash },
  ];

  const chips = [
    filters.record && {
      key: 'record',
      text: t('audit.filter.record', { name: `${typeName(filters.record.type)} · ${filters.record.name}` }),
      clear: { record: null },
    },
  ].filter((chip) => chip !== null);
  const filtered =
    filters.action !== null ||
    filters.recordType !== null ||
    filters.person !== null ||
    filters.patient !== null ||
    filters.from !== '' ||
    filters.to !== '' ||
    chips.length > 0;

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')} actions={<DownloadCsv href={downloadHref} />}>
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
              w={{ base: '100%', xs: 200 }}
            />
            <StaffPicker value={draft.person} onChange={(person) => setDraft((current) => ({ ...current, person }))} />
            <PatientPicker value={draft.patient} onChange={(patient) => setDraft((current) => ({ ...current, patient }))} />
            <Select
              label={t('audit.filter.recordType')}
              placeholder={t('audit.filter.anyRecord')}
              data={recordTypes.map((type) => ({ value: type, label: typeName(type) })).sort((a, b) => a.label.localeCompare(b.label))}
              value={draft.recordType}
              onChange={(recordType) => setDraft((current) => ({ ...current, recordType }))}
              searchable
              clearable
              w={{ base: '100%', xs: 240 }}
            />
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
          <Group gap="xs">
            {chips.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('audit.filter.byClicking')} {t('audit.patientLookupNote')}
              </Text>
            ) : (
              chips.map((chip) => (
                <Badge
                  key={chip.key}
                  variant="light"
                  size="lg"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('audit.filter.remove', { filter: chip.text })}
                      onClick={() => narrow(chip.clear)}
                    />
                  }
                >
                  {chip.text}
                </Badge>
              ))
            )}
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
            minWidth={880}
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
