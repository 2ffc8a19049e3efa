import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { showNotification } from '../../components/notify.ts';
import { emergencyAccessKey } from './emergencyQueries.ts';

/** The reader's own grant in force, as the overview and the episode screen both answer it. */
type ActiveGrant = NonNullable<PatientView['emergencyAccess']>;

/**
 * On the chart while the reader holds emergency access to it: until when (with the time zone),
 * that every read is recorded, and a way to end it now. Nothing when the chart is open to them
 * the ordinary way.
 */
function Banner({ grant }: { grant: ActiveGrant | null | undefined }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/emergency-access/{id}/end', { params: { path: { id } } })),
    onSuccess: async () => {
      showNotification({ color: 'green', message: t('emergencyAccess.ended') });
      // Neither the chart nor its episodes may be shown again from the cache once the access ends.
      queryClient.removeQueries({ queryKey: ['patients'] });
      queryClient.removeQueries({ queryKey: ['episodes'] });
      await queryClient.invalidateQueries({ queryKey: emergencyAccessKey });
      await navigate('/emergency-access');
    },
  });
  if (grant === null || grant === undefined) return null;
  return (
    <Alert color="red" variant="light" title={t('emergencyAccess.banner.title')} role="status" aria-live="polite">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('emergencyAccess.banner.text', { time: format.dateTimeWithZone(grant.expiresAt) })}</Text>
        <Button color="red" variant="filled" size="sm" loading={end.isPending} onClick={() => end.mutate(grant.id)}>
          {t('emergencyAccess.banner.end')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The banner on the patient overview. */
export function EmergencyBanner({ patient }: { patient: PatientView }) {
  return <Banner grant={patient.emergencyAccess} />;
}

/** The same banner on each of the patient's episodes: the access is to the whole chart, and so is the warning. */
export function EpisodeEmergencyBanner({ episode }: { episode: EpisodeView }) {
  return <Banner grant={episode.emergencyAccess} />;
}
