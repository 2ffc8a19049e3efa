import { Badge, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';
import { instrumentsKey, localText, useInstrumentsQuery } from './instrumentQueries.ts';

/** The catalogue of instruments: built in and loaded by the organization. */
export function InstrumentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const instruments = useInstrumentsQuery();
  const [loading, setLoading] = useState(false);
  const isAdmin = hasAnyRole(session, ['admin']);

  return (
    <Page
      title={t('instruments.title')}
      intro={t('instruments.intro')}
      actions={isAdmin ? <Button onClick={() => setLoading(true)}>{t('instruments.load')}</Button> : undefined}
    >
      {instruments.isPending || instruments.isError ? (
        <QueryStatus isPending={instruments.isPending} error={instruments.error} retry={() => void instruments.refetch()} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('instruments.listLabel')}>
          {instruments.data.map((instrument) => {
            const name = localText(instrument.name, locale);
            return (
              <Paper key={instrument.key} component="li" withBorder p={{ base: 'md', sm: 'lg' }}>
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
                    <Title order={2} size="h4">
                      {instrument.abbreviation}{' '}
                      <Text span c="dimmed" fw={400} size="md">
                        — {name}
                      </Text>
                    </Title>
                    <Group gap="xs">
                      <Badge variant="light" tt="none" radius="sm" color={instrument.builtIn ? 'blue' : 'grape'}>
                        {instrument.builtIn ? t('instruments.builtIn') : t('instruments.loaded')}
                      </Badge>
                      <Badge variant="outline" tt="none" radius="sm" color="gray">
                        {t(`instruments.respondent.${instrument.respondent}`)}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        {t('instruments.items', { count: instrument.itemCount })} ·{' '}
                        {t('instruments.version', { version: instrument.version })}
                      </Text>
                    </Group>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {instrument.licence}
                    </Text>
                  </Stack>
                  <Button
                    component={Link}
                    to={`/instruments/${instrument.key}`}
                    variant="default"
                    aria-label={t('instruments.open', { name: instrument.abbreviation })}
                  >
                    {t('instruments.open', { name: instrument.abbreviation })}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {isAdmin && <LoadDialog opened={loading} onClose={() => setLoading(false)} />}
    </Page>
  );
}

/** An admin loads a definition file; every reason it is refused is listed. */
function LoadDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const load = useMutation({
    mutationFn: async (definition: unknown) => unwrap(api.POST('/api/instruments', { body: definition as Record<string, never> })),
    onSuccess: (loaded) => {
      void queryClient.invalidateQueries({ queryKey: instrumentsKey });
      notifications.show({ color: 'green', message: t('instruments.load.done', { name: loaded.abbreviation, version: loaded.version }) });
      close();
    },
  });

  function close() {
    setFile(null);
    setLocalError(null);
    load.reset();
    onClose();
  }

  async function submit() {
    if (!file) return;
    setLocalError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setLocalError(t('instruments.load.notJson', { reason: (error as Error).message }));
      return;
    }
    load.mutate(parsed);
  }

  const reasons = load.error instanceof ApiError ? ((load.error.problem as { reasons?: string[] }).reasons ?? []) : [];
  return (
    <Dialog opened={opened} onClose={close} title={t('instruments.load.title')}>
      <Stack gap="md">
        <Text size="sm">{t('instruments.load.explain')}</Text>
        <FileInput label={t('instruments.load.file')} accept="application/json,.json" value={file} onChange={setFile} clearable />
        <ProblemAlert message={localError ?? (load.error ? describe(load.error) : null)} />
        {reasons.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('instruments.load.reasons')}
            </Text>
            <List size="sm">
              {reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!file} loading={load.isPending}>
            {t('instruments.load.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
