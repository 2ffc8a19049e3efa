import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  type NativeSelectProps,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { takeEarlyRead } from '../../api/earlyRead.ts';
import { episodePhases, type EpisodePhase } from '../../api/codes.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useRenderedInSteps } from '../../components/renderInSteps.ts';
import { useFormat, useLocale, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';
import { dateInZone, intlLocale } from '../../i18n/format.ts';
import { levelLabel } from '../patients/patientHelpers.ts';
import { caseloadKey } from '../patients/patientQueries.ts';
import { phaseColors } from '../patients/phaseColors.ts';
import { addDays } from '../../i18n/format.ts';
import { useToday } from '../patients/useToday.ts';
import { TeamLoad } from './TeamLoad.tsx';
import {
  countPeople,
  daysBetween,
  distinctOptions,
  filterCaseload,
  levelValue,
  sortCaseload,
  type CaseloadFilters,
  type CaseloadSort,
  type CaseloadSortKey,
} from './caseload.ts';
import { caseloadEarlyRead, fetchCaseload, type CaseloadItem } from './caseloadQueries.ts';
import { hasDraft } from '../../components/forms/drafts.ts';
import { CaseloadCard, CaseloadRow, tbodyClass, type RowText } from './CaseloadRows.tsx';
import rowClasses from './CaseloadRows.module.css';
import { LazyReassignCaseloadDialog } from './LazyReassignCaseloadDialog.tsx';
import { reassignDraftForm } from './reassignDraft.ts';

const cardsClass = rowClasses.cards;

const isPhase = (value: string): value is EpisodePhase => episodePhases.some((phase) => phase === value);

// A case manager carries up to ~150 episodes: rendering them all at once is one task of over a
// second on a slow phone, and nothing shows until it ends. The first screenful renders with the
// data; the rest follows in slices the browser can paint and take input between.
const FIRST_ROWS = 20;
const MORE_ROWS = 40;

export function CaseloadPage() {
  const t = useT();
  const { tMaybe } = useTranslator();
  const { locale } = useLocale();
  const format = useFormat();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const caseload = useQuery({ queryKey: caseloadKey, queryFn: () => takeEarlyRead(caseloadEarlyRead, fetchCaseload) });
  const [filters, setFilters] = useState<CaseloadFilters>({ programId: null, phase: null, level: null, endingBy: null });
  const [sort, setSort] = useState<CaseloadSort>({ key: 'name', direction: 'asc' });
  const session = useSession();
  const isSupervisor = hasAnyRole(session, ['supervisor']);
  // Back after the session ended while reassigning: the dialog opens again with what was chosen.
  const [reassigning, setReassigning] = useState(() => isSupervisor && hasDraft(session.user.id, reassignDraftForm(false)));

  const today = useToday();
  const collator = useMemo(() => new Intl.Collator(locale === 'es' ? 'es-US' : 'en-US', { sensitivity: 'base', numeric: true }), [locale]);
  const labels = useMemo(
    () => ({
      phase: (row: CaseloadItem) => (isPhase(row.phase) ? t(`phase.${row.phase}`) : row.phase),
      // Every level running today: an outpatient level and an opioid treatment program side by side.
      level: (row: CaseloadItem) =>
        row.levels.length === 0
          ? t('episode.noPlacement')
          : row.levels.map((level) => levelLabel(tMaybe, level.edition, level.code)).join(' + '),
      name: (row: CaseloadItem) => `${row.legalLastName}, ${row.preferredName ?? row.legalFirstName}`,
    }),
    [t, tMaybe],
  );
  const { phase: phaseLabel, level: levelText } = labels;

  // The rows arrive in one synchronous update (TanStack Query): rendering them deferred lets
  // React do it in slices between which the browser paints and answers taps. Deferred on the
  // first render too (null: not yet), even when the rows were read before the page's code
  // arrived: the heading and its sentence paint first, the filters and rows in the next render.
  const data = useDeferredValue<CaseloadItem[] | null | undefined>(caseload.data, null) ?? undefined;
  const rows = useMemo(() => data ?? [], [data]);
  // Sorted once per change of data, filter or order, not again for each slice of rows rendered.
  const shown = useMemo(() => sortCaseload(filterCaseload(rows, filters), sort, labels, collator), [rows, filters, sort, labels, collator]);
  const rendered = shown.slice(0, useRenderedInSteps(shown.length, FIRST_ROWS, MORE_ROWS));
  // One number format for every row (format.number makes one per call).
  const numberFormat = useMemo(() => new Intl.NumberFormat(intlLocale(locale)), [locale]);
  const programOptions = distinctOptions(
    rows,
    (row) => row.programId,
    (row) => row.programName,
    collator,
  );
  const phaseOptions = episodePhases
    .filter((phase) => rows.some((row) => row.phase === phase))
    .map((phase) => ({ value: phase, label: t(`phase.${phase}`) }));
  const levelOptions = distinctOptions(rows, levelValue, levelText, collator);
  const filtered = filters.programId !== null || filters.phase !== null || filters.level !== null || filters.endingBy != null;

  const columns: { key: CaseloadSortKey | null; label: string }[] = [
    { key: 'name', label: t('caseload.col.name') },
    { key: null, label: t('caseload.col.dateOfBirth') },
    { key: 'program', label: t('caseload.col.program') },
    { key: 'phase', label: t('caseload.col.phase') },
    { key: 'daysInPhase', label: t('caseload.col.daysInPhase') },
    { key: 'level', label: t('caseload.col.level') },
    { key: 'nextPlannedEnd', label: t('caseload.col.nextPlannedEnd') },
    { key: 'lastContact', label: t('caseload.col.lastContact') },
    { key: 'nextDue', label: t('caseload.col.nextDue') },
    { key: 'openedOn', label: t('caseload.col.opened') },
    { key: null, label: t('caseload.col.myRole') },
  ];
  const timeZone = session.organization.timeZone;
  // Everything a row shows beside its record, made once per change of language or day, so the
  // memoized rows render again only when their record, or this, changes.
  const text = useMemo<RowText>(
    () => ({
      phase: phaseLabel,
      phaseColor: (row) => (isPhase(row.phase) ? phaseColors[row.phase] : 'gray'),
      level: levelText,
      daysInPhase: (row) => daysBetween(row.phaseStartedOn, today),
      number: (value) => numberFormat.format(value),
      date: format.date,
      plannedEnd: (row) => (row.nextPlannedEnd === null ? '—' : format.date(row.nextPlannedEnd)),
      lastContact: (row) =>
        row.lastContactAt === null ? t('caseload.never') : format.date(dateInZone(new Date(row.lastContactAt), timeZone)),
      attempts: (row) => (row.unansweredAttempts > 0 ? t('caseload.attempts', { count: row.unansweredAttempts }) : null),
      overdue: (row) => row.nextDueOn !== null && row.nextDueOn < today,
      myRole: (row) => t(`careTeamRole.${row.myRole}`),
      cardWork: (row) =>
        t('caseload.cardWork', {
          days: daysBetween(row.phaseStartedOn, today),
          end: row.nextPlannedEnd === null ? '—' : format.date(row.nextPlannedEnd),
        }),
      cardProgram: (row) => t('caseload.card', { program: row.programName, date: format.dateInSentence(row.openedOn) }),
    }),
    [phaseLabel, levelText, today, numberFormat, format, t, timeZone],
  );

  const sortBy = (key: CaseloadSortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));

  let body;
  if (caseload.isError || data === undefined) {
    body = <QueryStatus isPending={!caseload.isError} error={caseload.error} retry={() => void caseload.refetch()} />;
  } else if (rows.length === 0) {
    body = (
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('caseload.emptyTitle')}</Text>
          <Text size="sm">{t('caseload.emptyHow')}</Text>
          <Stack component="ul" gap={4} m={0} pl="lg">
            <Text component="li" size="sm">
              {t('caseload.emptyOpen')}
            </Text>
            <Text component="li" size="sm">
              {t('caseload.emptyHandoff')}
            </Text>
            <Text component="li" size="sm">
              {t('caseload.emptyTeam')}
            </Text>
          </Stack>
          <Button component={Link} to="/patients" variant="light">
            {t('caseload.goToPatients')}
          </Button>
        </Stack>
      </Paper>
    );
  } else if (shown.length === 0) {
    body = (
      <Paper withBorder p="lg">
        <Text c="dimmed">{t('caseload.noMatches')}</Text>
      </Paper>
    );
  } else if (narrow) {
    body = (
      <ul aria-label={t('caseload.tableLabel')} className={cardsClass}>
        {rendered.map((row) => (
          <CaseloadCard key={row.episodeId} row={row} text={text} />
        ))}
      </ul>
    );
  } else {
    body = (
      <Table.ScrollContainer
        minWidth={1000}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('caseload.tableLabel')}
        mah="calc(100vh - 260px)"
      >
        <Table
          aria-label={t('caseload.tableLabel')}
          striped
          highlightOnHover
          stickyHeader
          verticalSpacing={4}
          horizontalSpacing="sm"
          fz="sm"
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.label}
                  scope="col"
                  aria-sort={
                    column.key === null || sort.key !== column.key ? undefined : sort.direction === 'asc' ? 'ascending' : 'descending'
                  }
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {column.key === null ? (
                    column.label
                  ) : (
                    <UnstyledButton onClick={() => column.key !== null && sortBy(column.key)} fw={700} fz="sm" className="sort-button">
                      {column.label}
                      <span aria-hidden="true">{sort.key === column.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                      <VisuallyHidden>{t('caseload.sortHint')}</VisuallyHidden>
                    </UnstyledButton>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <tbody className={tbodyClass}>
            {rendered.map((row) => (
              <CaseloadRow key={row.episodeId} row={row} text={text} />
            ))}
          </tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Page
      title={t('caseload.title')}
      intro={t('caseload.intro')}
      actions={
        isSupervisor ? (
          <Button variant="default" onClick={() => setReassigning(true)}>
            {t('reassign.open')}
          </Button>
        ) : undefined
      }
    >
      {isSupervisor && <TeamLoad />}
      {rows.length > 0 && (
        <Stack gap="xs">
          <Group gap="sm" align="flex-end" role="search" aria-label={t('caseload.filters')}>
            <FilterSelect
              label={t('caseload.filter.program')}
              all={t('caseload.filter.all')}
              options={programOptions}
              value={filters.programId}
              onChange={(programId) => setFilters({ ...filters, programId })}
              w={{ base: '100%', xs: 220 }}
            />
            <FilterSelect
              label={t('caseload.filter.phase')}
              all={t('caseload.filter.all')}
              options={phaseOptions}
              value={filters.phase}
              onChange={(phase) => setFilters({ ...filters, phase })}
              w={{ base: '100%', xs: 200 }}
            />
            <FilterSelect
              label={t('caseload.filter.level')}
              all={t('caseload.filter.all')}
              options={levelOptions}
              value={filters.level}
              onChange={(level) => setFilters({ ...filters, level })}
              w={{ base: '100%', xs: 300 }}
            />
            <Checkbox
              label={t('caseload.filter.endingSoon')}
              checked={filters.endingBy != null}
              onChange={(event) => setFilters({ ...filters, endingBy: event.currentTarget.checked ? addDays(today, 14) : null })}
              mb={8}
            />
            {narrow && (
              <NativeSelect
                label={t('caseload.sortBy')}
                data={columns.flatMap((column) => (column.key === null ? [] : [{ value: column.key, label: column.label }]))}
                value={sort.key}
                onChange={(event) => {
                  const found = columns.find((column) => column.key === event.currentTarget.value)?.key;
                  if (found !== undefined && found !== null)
                    setSort({ key: found, direction: found === 'openedOn' || found === 'daysInPhase' ? 'desc' : 'asc' });
                }}
                w="100%"
              />
            )}
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite">
            {filtered
              ? t('caseload.countFiltered', { shown: countPeople(shown), total: countPeople(rows) })
              : t('caseload.count', { total: countPeople(rows) })}
          </Text>
        </Stack>
      )}
      {body}
      {isSupervisor && <LazyReassignCaseloadDialog opened={reassigning} onClose={() => setReassigning(false)} />}
    </Page>
  );
}

/**
 * One of the work list's filters: the browser's own list (a phone's native picker), "All" first.
 * Not the UI kit's searchable Select: these lists are short, and each of those keeps a hidden
 * dropdown mounted and positioned, which cost a slow phone about 150 ms on opening the page.
 */
function FilterSelect({
  label,
  all,
  options,
  value,
  onChange,
  w,
}: {
  label: string;
  all: string;
  options: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
  w: NativeSelectProps['w'];
}) {
  return (
    <NativeSelect
      label={label}
      data={[{ value: '', label: all }, ...options]}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      w={w}
    />
  );
}
