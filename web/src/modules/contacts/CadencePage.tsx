import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { draftIdsOf } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { cadenceKey, useCadenceQuery, type Cadence } from './contactQueries.ts';

const PHASES = [
  ['outreach', 'outreach'],
  ['intake', 'intake'],
  ['primaryTreatment', 'primary-treatment'],
  ['continuingCare', 'continuing-care'],
] as const;
type Field = (typeof PHASES)[number][0];
type Values = Record<Field, string>;

/** Kept drafts (components/forms/drafts.ts) of a program's cadence are named this and its id. */
const cadenceDraftPrefix = 'cadence:';

/** A program's expected days between contacts, per phase: for admins and supervisors of the program. */
export function CadencePage() {
  const t = useT();
  const programs = useProgramsQuery();
  const session = useSession();
  // Back after the session ended while editing one program's cadence: that program, with what was typed.
  const [programId, setProgramId] = useState<string | null>(() => draftIdsOf(session.user.id, cadenceDraftPrefix)[0] ?? null);
  const chosen = programs.data?.find((program) => program.id === programId)?.id ?? programs.data?.[0]?.id ?? null;
  return (
    <Page title={t('cadence.title')} intro={t('cadence.intro')}>
      <QueryStatus error={programs.error} isPending={programs.isPending} />
      {programs.data && (
        <Select
          label={t('episode.program')}
          data={programs.data.map((program) => ({ value: program.id, label: program.name }))}
          value={chosen}
          onChange={setProgramId}
          allowDeselect={false}
          maw={420}
        />
      )}
      {chosen && <CadenceForm programId={chosen} key={chosen} />}
    </Page>
  );
}

function CadenceForm({ programId }: { programId: string }) {
  const t = useT();
  const query = useCadenceQuery(programId);
  const queryClient = useQueryClient();
  const draft = useKeptDraft<Values>(useSession().user.id, `${cadenceDraftPrefix}${programId}`, (): Kept<Values> | null => {
    const version = keptVersion ?? query.data?.version;
    return values === null || version === undefined ? null : keptAt(values, version);
  });
  const [values, setValues] = useState<Values | null>(draft.restored?.values ?? null);
  // A restored cadence saves against the version first read (a change made meanwhile is a 409);
  // once saved, against the version saved.
  const [keptVersion, setKeptVersion] = useState(draft.restored?.base?.version ?? null);
  useEffect(() => {
    if (query.data && values === null) setValues(Object.fromEntries(PHASES.map(([field]) => [field, String(query.data[field])])) as Values);
  }, [query.data, values]);
  const save = useMutation({
    mutationFn: (current: Cadence) =>
      unwrap(
        api.PUT('/api/programs/{id}/contact-cadence', {
          params: { path: { id: programId } },
          body: {
            version: keptVersion ?? current.version,
            ...(Object.fromEntries(PHASES.map(([field]) => [field, Number(values?.[field])])) as Record<Field, number>),
          },
        }),
      ),
    onSuccess: (saved) => {
      setKeptVersion(null);
      draft.settled();
      queryClient.setQueryData(cadenceKey(programId), saved);
    },
    onError: (error, current) => {
      if (values !== null) draft.keepIfSignedOut(error, values, { values, version: keptVersion ?? current.version });
    },
  });
  const errors = useServerErrors(
    save.error,
    PHASES.map(([field]) => field),
  );
  if (!query.data || values === null) return <QueryStatus error={query.error} isPending={query.isPending} />;
  const current = query.data;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={640}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(current);
        }}
      >
        <Stack gap="md">
          {draft.restored !== null && keptVersion !== null && <RestoredDraftNotice />}
          {current.version === 0 && <Text c="dimmed">{t('cadence.defaults')}</Text>}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {PHASES.map(([field, phase]) => (
              <TextInput
                key={field}
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                label={t('cadence.days', { phase: t(`phase.${phase}`) })}
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
                error={errors.fieldErrors[field]}
                required
              />
            ))}
          </SimpleGrid>
          <ProblemAlert message={errors.alert} />
          {save.isSuccess && (
            <Text role="status" fw={600}>
              {t('cadence.saved')}
            </Text>
          )}
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('cadence.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
