import { Alert } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Says that what the user typed before their session ended is back in the form, not yet saved. */
export function RestoredDraftNotice() {
  const t = useT();
  return (
    <Alert color="blue" variant="light" title={t('draft.restoredTitle')}>
      {t('draft.restored')}
    </Alert>
  );
}
