import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { displayName } from './patientHelpers.ts';
import { usePatient } from './patientQueries.ts';

/** On a record that was merged away: where its person's record is now. */
export function MergedBanner({ survivorId }: { survivorId: string }) {
  const t = useT();
  const survivor = usePatient(survivorId);
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      title={
        <>
          {t('merge.mergedInto')}{' '}
          <Anchor component={Link} to={`/patients/${survivorId}`} fw={700} inherit>
            {survivor.data === undefined ? t('merge.survivorFallback') : displayName(survivor.data)}
          </Anchor>
        </>
      }
    >
      <Text size="sm">{t('merge.mergedExplain')}</Text>
    </Alert>
  );
}
