import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';

/** On the home page: changes to how this person signs in since their last visit, and running out of recovery codes. */
export function SecurityNotice() {
  const t = useT();
  const format = useFormat();
  const { user, security } = useSession();
  const changes = security.eventsSincePreviousSignIn;
  const lowCodes = user.mfaEnabled && security.recoveryCodesLeft <= 3;
  if (changes === 0 && !lowCodes) return null;
  return (
    <Alert color="yellow" variant="light" title={changes > 0 ? t('account.events.sinceTitle') : t('account.recovery.title')}>
      <Stack gap={4} align="flex-start">
        {changes > 0 && (
          <Text size="sm">
            {changes === 1 ? t('account.events.sinceOne') : t('account.events.since', { count: format.number(changes) })}
          </Text>
        )}
        {lowCodes && <Text size="sm">{t('account.recovery.low')}</Text>}
        <Anchor component={Link} to="/account" size="sm" fw={600}>
          {t('account.events.review')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
