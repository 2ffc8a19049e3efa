import { Button, Radio, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Locale } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { languageNames } from '../../i18n/messages.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { assessmentKey } from '../instruments/instrumentQueries.ts';
import { patientModeKey } from './patientModeQueries.ts';

/** From an assessment in progress: lock this session to it and show the patient's screen. */
export function HandToPatient({ assessmentId, beforeHandOver }: { assessmentId: string; beforeHandOver: () => Promise<unknown> }) {
  const t = useT();
  const describe = useProblemText();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState<Locale>(locale);
  const start = useMutation({
    mutationFn: async () => {
      await beforeHandOver(); // answers still being saved go first
      return unwrap(api.POST('/api/assessments/{id}/patient-mode', { params: { path: { id: assessmentId } }, body: { locale: language } }));
    },
    onSuccess: (lock) => {
      queryClient.setQueryData(patientModeKey, lock);
      // Handing over changed the assessment (its mode, so its version): the patient's screen reads it afresh.
      queryClient.removeQueries({ queryKey: assessmentKey(assessmentId) });
      void navigate('/patient-mode');
    },
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('patientMode.handOver')}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('patientMode.handOver.title')}>
        <Stack gap="md">
          <Text size="sm">{t('patientMode.handOver.explain')}</Text>
          <Radio.Group label={t('patientMode.language')} value={language} onChange={(value) => setLanguage(value)}>
            <Group mt={6}>
              {(['en', 'es'] as const).map((code) => (
                <Radio key={code} value={code} label={languageNames[code]} lang={code} />
              ))}
            </Group>
          </Radio.Group>
          <ProblemAlert message={start.error ? describe(start.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('patientMode.start')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
