import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { searchQuery, type PatientSearch, type SearchKind } from './patientHelpers.ts';
import { peekDraft, takeDraft } from '../../components/forms/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';
import { PatientFormDialog, type PatientDialog } from './PatientFormDialog.tsx';
import { patientDraftForm } from './draftForms.ts';
import type { PatientFormValues } from './patientFormValues.ts';
import { patientsKey, type PatientSummary } from './patientQueries.ts';

const kinds: readonly SearchKind[] = ['name', 'identifier', 'phone'];

function searchFromParams(params: URLSearchParams): PatientSearch {
  const kind = params.get('by');
  return {
    kind: kinds.find((known) => known === kind) ?? 'name',
    text: params.get('text') ?? '',
    dateOfBirth: params.get('dob') ?? '',
  };
}

/** Find a patient (by name, ID or phone, with or without a birth date), or register a new one. */
export function PatientsPage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  // The search lives in the address, so Back from a patient returns to the same results.
  const [params, setParams] = useSearchParams();
  const submitted = searchFromParams(params);
  const query = searchQuery(submitted);
  const [draft, setDraft] = useState<PatientSearch>(submitted);
  const [tooShort, setTooShort] = useState(false);
  const session = useSession();
  // Back after the session ended while registering someone: the form opens again as typed.
  const [dialog, setDialog] = useState<PatientDialog>(() => {
    const draft = peekDraft<PatientFormValues>(session.user.id, patientDraftForm(null));
    return draft === null ? null : { mode: 'create', draft };
  });
  useEffect(() => {
    if (dialog?.draft) takeDraft(session.user.id, patientDraftForm(null));
  }, [dialog, session.user.id]);

  const results = useQuery({
    queryKey: [...patientsKey, 'search', query],
    queryFn: () => unwrap(api.GET('/api/patients', { params: { query: { ...query, limit: 50 } } })),
    enabled: query !== null,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (searchQuery(draft) === null) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    const next = new URLSearchParams();
    next.set('by', draft.kind);
    if (draft.text.trim() !== '') next.set('text', draft.text.trim());
    if (draft.dateOfBirth !== '') next.set('dob', draft.dateOfBirth);
    setParams(next);
  };

  const columns: Column<PatientSummary>[] = [
    {
      id: 'name',
      header: t('patients.col.name'),
      cell: (patient) => (
        <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
          {`${patient.legalLastName}, ${patient.legalFirstName}`}
        </Anchor>
      ),
    },
    {
      id: 'preferred',
      header: t('patients.col.preferredName'),
      cell: (patient) =>
        patient.preferredName ?? (
          <Text span c="dimmed" size="sm">
            {t('common.none')}
          </Text>
        ),
    },
    { id: 'dob', header: t('patients.col.dateOfBirth'), nowrap: true, cell: (patient) => format.date(patient.dateOfBirth) },
  ];

  const textLabel = t(`patients.search.${draft.kind}`);
  return (
    <Page
      title={t('patients.title')}
      intro={t('patients.intro')}
      actions={<Button onClick={() => setDialog({ mode: 'create' })}>{t('patients.register')}</Button>}
    >
      <Paper withBorder p="md" component="form" role="search" aria-label={t('patients.searchLabel')} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="search-by-label">
              {t('patients.searchBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="search-by-label"
              data={kinds.map((kind) => ({ value: kind, label: t(`patients.searchBy.${kind}`) }))}
              value={draft.kind}
              onChange={(value) => setDraft({ ...draft, kind: kinds.find((kind) => kind === value) ?? 'name' })}
              w={{ base: '100%', xs: 'auto' }}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <Group gap="sm" align="flex-end">
            <TextInput
              label={textLabel}
              description={t(`patients.search.${draft.kind}.description`)}
              value={draft.text}
              onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
              type="search"
              inputMode={draft.kind === 'phone' ? 'tel' : undefined}
              autoComplete="off"
              w={{ base: '100%', xs: 320 }}
            />
            <TextInput
              label={t('patients.search.dateOfBirth')}
              description={t('patients.search.dateOfBirth.description')}
              type="date"
              value={draft.dateOfBirth}
              onChange={(event) => setDraft({ ...draft, dateOfBirth: event.currentTarget.value })}
              w={{ base: '100%', xs: 200 }}
            />
            <Button type="submit" w={{ base: '100%', xs: 'auto' }}>
              {t('patients.search.submit')}
            </Button>
          </Group>
          {tooShort && (
            <Text size="sm" c="red.8" role="alert">
              {t('patients.search.tooShort')}
            </Text>
          )}
        </Stack>
      </Paper>

      {query === null ? (
        <Text c="dimmed">{t('patients.searchFirst')}</Text>
      ) : results.isPending || results.isError ? (
        <QueryStatus isPending={results.isPending} error={results.error} retry={() => void results.refetch()} />
      ) : (
        <Stack gap="xs">
          {results.data.tooManyMatches ? (
            // The list is the best of the first matches found, not of all: ask for more, do not pretend.
            <Alert color="yellow" role="status" aria-live="polite">
              {t('patients.tooManyMatches', { count: results.data.matchCap })}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed" aria-live="polite">
              {results.data.items.length === 0 ? t('patients.noMatchesCount') : t('patients.matches', { count: results.data.items.length })}
            </Text>
          )}
          <DataTable
            label={t('patients.tableLabel')}
            columns={columns}
            rows={results.data.items}
            rowKey={(patient) => patient.id}
            minWidth={520}
            empty={t('patients.noMatches')}
          />
          {results.data.items.length === 0 && (
            // Search shows only the people one serves; in an emergency the way in is break-the-glass.
            <Text size="sm">
              {t('patients.noMatches.emergency')}{' '}
              <Anchor component={Link} to="/emergency-access">
                {t('patients.noMatches.emergencyLink')}
              </Anchor>
            </Text>
          )}
        </Stack>
      )}

      <PatientFormDialog
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={(patient) => {
          setDialog(null);
          void navigate(`/patients/${patient.id}`);
        }}
      />
    </Page>
  );
}
