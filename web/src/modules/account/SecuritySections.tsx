import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { RecoveryCodes } from '../session/RecoveryCodes.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { sessionKey } from '../session/sessionQueries.ts';
import { describeUserAgent } from './userAgent.ts';

type SecurityEvent = OkBody<'/api/me/security-events', 'get'>['items'][number];
export const securityEventsKey = ['security-events'] as const;

/** How many recovery codes are left, and ten new ones (the old stop working) for the current password. */
export function RecoveryCodesPart() {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { user, security } = useSession();
  const [asking, setAsking] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const regenerate = useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/me/mfa/recovery-codes', { body: { currentPassword: password } })),
    onSuccess: () => {
      setCurrentPassword('');
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      void queryClient.invalidateQueries({ queryKey: securityEventsKey });
    },
  });
  const server = useServerErrors(regenerate.error, ['currentPassword'] as const);

  if (!user.mfaEnabled) return null;
  if (regenerate.data !== undefined)
    return (
      <RecoveryCodes
        codes={regenerate.data.recoveryCodes}
        titleOrder={3}
        doneLabel={t('account.recovery.done')}
        onDone={() => {
          regenerate.reset();
          setAsking(false);
        }}
      />
    );

  const left = security.recoveryCodesLeft;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (currentPassword === '') {
      setMissing(t('account.password.currentRequired'));
      return;
    }
    regenerate.mutate(currentPassword);
  };

  return (
    <Stack gap="xs">
      <Text fw={600}>{t('account.recovery.title')}</Text>
      <Text size="sm" data-testid="recovery-codes-left">
        {left === 1 ? t('account.recovery.leftOne') : t('account.recovery.left', { count: format.number(left) })}
      </Text>
      {left <= 3 && (
        <Alert color="orange" variant="light" p="xs">
          {t('account.recovery.low')}
        </Alert>
      )}
      {asking ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={380}>
            <Text size="sm" c="dimmed">
              {t('account.recovery.intro')}
            </Text>
            <ProblemAlert message={server.alert} />
            <input type="email" name="username" autoComplete="username" value={user.email ?? ''} readOnly hidden />
            <PasswordField
              label={t('account.password.current')}
              value={currentPassword}
              onChange={(event) => {
                setCurrentPassword(event.currentTarget.value);
                setMissing(undefined);
              }}
              error={missing ?? server.fieldErrors.currentPassword}
              autoComplete="current-password"
              required
            />
            <Group gap="sm">
              <Button type="submit" loading={regenerate.isPending}>
                {t('account.recovery.submit')}
              </Button>
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group>
          <Button variant="default" onClick={() => setAsking(true)}>
            {t('account.recovery.new')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Changes to how I sign in, newest first: so that a change I did not make does not go unseen. */
export function SecurityEventsList() {
  const t = useT();
  const format = useFormat();
  const { security } = useSession();
  const events = useQuery({ queryKey: securityEventsKey, queryFn: () => unwrap(api.GET('/api/me/security-events')) });

  const who = (event: SecurityEvent): string =>
    event.byMe ? t('account.events.byMe') : event.byDisplayName !== null ? event.byDisplayName : t('account.events.byServer');
  const device = (event: SecurityEvent): string | null => {
    const { browser, system } = describeUserAgent(event.userAgent);
    if (browser !== null && system !== null) return t('account.sessions.browserOn', { browser, system });
    return browser ?? system;
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('account.events.intro')}
      </Text>
      {security.eventsSincePreviousSignIn > 0 && (
        <Alert color="yellow" variant="light" title={t('account.events.sinceTitle')}>
          {security.eventsSincePreviousSignIn === 1
            ? t('account.events.sinceOne')
            : t('account.events.since', { count: format.number(security.eventsSincePreviousSignIn) })}
        </Alert>
      )}
      {events.data === undefined ? (
        <QueryStatus isPending={events.isPending} error={events.error} retry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <Text size="sm">{t('account.events.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('account.events.title')}>
          {events.data.items.map((event) => (
            <Paper component="li" key={event.id} withBorder p="sm">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
                  <Text fw={600} size="sm">
                    {t(`account.events.type.${event.type}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {[format.dateTime(event.occurredAt), device(event), event.ip].filter((part) => part !== null).join(' · ')}
                  </Text>
                </Stack>
                <Badge variant="light" color={event.byMe ? 'gray' : 'orange'} tt="none">
                  {who(event)}
                </Badge>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Text size="sm" c="dimmed">
        {t('account.events.notMe')}
      </Text>
    </Stack>
  );
}
