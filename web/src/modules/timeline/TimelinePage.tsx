import { Anchor, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { displayName, levelLabel } from '../patients/patientHelpers.ts';
import { patientsKey, type Patient } from '../patients/patientQueries.ts';
import { timelineKey } from '../tasks/taskQueries.ts';
import { entryLink, instrumentLabel, isDated, type TimelineEntry } from './entries.ts';
import type { LevelEdition } from '../../api/codes.ts';
import { useState } from 'react';

/** Everything that happened to a patient, newest first; filtered by kind; older pages by cursor. */
export function TimelinePage() {
  const t = useT();
  const { id = '' } = useParams();
  // The name from the overview the user came from, if it is loaded: the timeline reads the
  // patient once (its own audited read), not the overview again.
  const patient = useQueryClient().getQueryData<Patient>([...patientsKey, 'one', id]);
  // null: every kind (the server's own list, so kinds added later show without a change here).
  const [kinds, setKinds] = useState<string[] | null>(null);
  const timeline = useInfiniteQuery({
    queryKey: [...timelineKey, id, kinds?.join(',') ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/patients/{id}/timeline', {
          params: {
            path: { id },
            query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}), ...(kinds ? { kinds: kinds.join(',') } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const allKinds = timeline.data?.pages[0]?.kinds ?? [];
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = kinds ?? allKinds;
  const { tMaybe } = useTranslator();
  const toggle = (kind: string, on: boolean) => {
    const next = on ? [...chosen, kind] : chosen.filter((k) => k !== kind);
    setKinds(next.length === allKinds.length ? null : next);
  };
  const name = patient ? displayName(patient) : '';

  return (
    <Page title={name ? t('timeline.titleOf', { name }) : t('timeline.title')} intro={t('timeline.intro')}>
      <Anchor component={Link} to={`/patients/${id}`} size="sm" style={{ alignSelf: 'flex-start' }}>
        {t('timeline.back')}
      </Anchor>
      {allKinds.length > 1 && (
        <Checkbox.Group label={t('timeline.filter')} value={chosen}>
          <Group gap="md" mt={4}>
            {allKinds.map((kind) => (
              <Checkbox
                key={kind}
                value={kind}
                label={tMaybe(`timeline.kind.${kind}`) ?? kind}
                // One kind at least: an empty filter would be the whole timeline again.
                disabled={chosen.length === 1 && chosen.includes(kind)}
                onChange={(event) => toggle(kind, event.currentTarget.checked)}
              />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <QueryStatus error={timeline.error} isPending={timeline.isPending} retry={() => void timeline.refetch()} />
      {timeline.data && entries.length === 0 && <Text>{t('timeline.none')}</Text>}
      {entries.length > 0 && (
        <Paper withBorder p="md">
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('timeline.title')}>
            {entries.map((entry) => (
              <EntryRow key={entry.key} entry={entry} patientId={id} />
            ))}
          </Stack>
        </Paper>
      )}
      {timeline.hasNextPage ? (
        <Group>
          <Button variant="default" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('timeline.loadOlder')}
          </Button>
        </Group>
      ) : (
        entries.length > 0 && (
          <Text size="sm" c="dark.6">
            {t('timeline.end')}
          </Text>
        )
      )}
    </Page>
  );
}

function EntryRow({ entry, patientId }: { entry: TimelineEntry; patientId: string }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const text = useEntryText()(entry);
  const link = entryLink(entry, patientId);
  const when = isDated(entry) ? format.date(entry.at.slice(0, 10)) : format.dateTime(entry.at);
  return (
    <Group component="li" gap="md" wrap="nowrap" align="flex-start" data-kind={entry.kind}>
      <Text size="sm" c="dark.6" w={170} style={{ flexShrink: 0 }}>
        {when}
      </Text>
      <Stack gap={0}>
        {link ? (
          <Anchor component={Link} to={link} size="sm">
            {text}
          </Anchor>
        ) : (
          <Text size="sm">{text}</Text>
        )}
        <Text size="xs" c="dark.6">
          {tMaybe(`timeline.kind.${entry.kind}`) ?? entry.kind}
          {entry.actorName ? ` · ${t(entry.kind === 'consent' ? 'timeline.recordedBy' : 'timeline.by', { name: entry.actorName })}` : ''}
        </Text>
      </Stack>
    </Group>
  );
}

/** An entry's words: its code's message with its coded params translated; a generic line for a code the app does not know. */
function useEntryText() {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  return (entry: TimelineEntry): string => {
    const p = entry.summary.params;
    const text = (value: string | number | boolean | null | undefined) => (value === null || value === undefined ? '' : String(value));
    const coded = (prefix: string, value: string | number | boolean | null | undefined) =>
      tMaybe(`${prefix}.${text(value)}`) ?? text(value);
    const params: Record<string, string | number> = Object.fromEntries(Object.entries(p).map(([key, value]) => [key, text(value)]));
    let code = entry.summary.code;
    if (code === 'task-reassigned' && p.toPatient === true) code = 'task-to-patient';
    if (typeof p.dueOn === 'string') params.dueOn = format.date(p.dueOn);
    if (typeof p.endedOn === 'string') params.endedOn = format.dateInSentence(p.endedOn);
    if (p.consentKind !== undefined) params.consentKind = coded('timeline.consentKind', p.consentKind);
    if (p.phase !== undefined) params.phase = coded('phase', p.phase);
    if (p.role !== undefined) params.role = coded('careTeamRole', p.role);
    if (p.closureReason !== undefined) params.reason = coded('closureReason', p.closureReason);
    if (p.edition !== undefined) params.level = levelLabel(tMaybe, p.edition as LevelEdition, text(p.code));
    if (p.instrument !== undefined) params.instrument = instrumentLabel(p.instrument);
    if (p.mode !== undefined) params.mode = coded('contactMode', p.mode);
    if (p.domain !== undefined) params.domain = coded('domain', p.domain);
    if (code.startsWith('asam-review') && p.differs === true) code = `${code}-differs`;
    if (code === 'contact-logged' && p.enteredInError === true) code = 'contact-logged-in-error';
    return tMaybe(`timeline.entry.${code}`, params) ?? t('timeline.entry.unknown', { kind: entry.kind });
  };
}
