import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { cadenceKey, useCadenceQuery, type Cadence } from './contactQueries.ts';

const PHASES = [
  ['outreach', 'outreach'],
  ['intake', 'intake'],
  ['primaryTreatment', 'primary-treatment'],
  ['continuingCare', 'continuing-care'],
] as const;
type Field = (typeof PHASES)[number][0];

/** A program's expected days between contacts, per phase: for admins and supervisors of the program. */
export function CadencePage() {
  const t = useT();
  const programs = useProgramsQuery();
  const [programId, setProgramId] = useState<string | null>(null);
  const chosen = programId ?? programs.data?.[0]?.id ?? null;
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
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  useEffect(() => {
    if (query.data && values === null)
      setValues(Object.fromEntries(PHASES.map(([field]) => [field, String(query.data[field])])) as Record<Field, string>);
  }, [query.data, values]);
  const save = useMutation({
    mutationFn: (current: Cadence) =>
      unwrap(
        api.PUT('/api/programs/{id}/contact-cadence', {
          params: { path: { id: programId } },
          body: {
            version: current.version,
            ...(Object.fromEntries(PHASES.map(([field]) => [field, Number(values?.[field])])) as Record<Field, number>),
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(cadenceKey(programId), saved),
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
