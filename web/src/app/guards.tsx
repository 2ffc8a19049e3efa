import { Alert, Anchor, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role, Session } from '../api/types.ts';
import { Page } from '../components/Page.tsx';
import { useProblemText } from '../components/problems.tsx';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { holdBootShell } from './bootShell.ts';
import { SessionContext, hasAnyRole, useSession } from '../modules/session/SessionContext.tsx';
import { useSessionQuery, useSetupQuery } from '../modules/session/sessionQueries.ts';

export function FullPageLoader() {
  const t = useT();
  // Opened on My caseload: index.html's copy of its heading stays rather than this (app/bootShell.ts).
  useLayoutEffect(() => holdBootShell(), []);
  return (
    <Center mih="100vh" role="status">
      <Loader />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

function ServerUnreachable({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const describe = useProblemText();
  return (
    <Center mih="100vh" p="md">
      <Alert color="red" title={t('app.unavailableTitle')} role="alert" maw={480}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{describe(error)}</Text>
          <Button variant="default" size="xs" onClick={retry}>
            {t('common.tryAgain')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

/** Applies the signed-in user's language and the organization's time zone. */
function SessionPreferences({ session }: { session: Session }) {
  const { setLocale, setTimeZone } = useLocale();
  const userLocale = session.user.locale;
  const timeZone = session.organization.timeZone;
  useEffect(() => {
    setLocale(userLocale);
  }, [userLocale, setLocale]);
  useEffect(() => {
    setTimeZone(timeZone);
    return () => setTimeZone(undefined);
  }, [timeZone, setTimeZone]);
  return null;
}

/**
 * The auth guard: first-run setup if the organization does not exist yet, else sign-in
 * without a session, else MFA enrolment for a session limited to it (docs/api.md "Session stage").
 */
export function RequireSession({ stage, children }: { stage: Session['stage']; children: ReactNode }) {
  const location = useLocation();
  const session = useSessionQuery();
  // With a session the organization exists: setup is asked about only without one.
  const setup = useSetupQuery(session.data === null);

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ServerUnreachable error={session.error} retry={() => void session.refetch()} />;
  if (session.data === null) {
    if (setup.isPending) return <FullPageLoader />;
    if (setup.isError) return <ServerUnreachable error={setup.error} retry={() => void setup.refetch()} />;
    if (setup.data.setupRequired) return <Navigate to="/setup" replace />;
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (session.data.stage !== stage) {
    return <Navigate to={session.data.stage === 'mfa-enrolment' ? '/mfa-enrolment' : '/'} replace />;
  }
  return (
    <SessionContext value={session.data}>
      <SessionPreferences session={session.data} />
      {children}
    </SessionContext>
  );
}

/** Shows a page only to the roles that may open it; others get a plain explanation. */
export function RequireRole({ anyOf, children }: { anyOf: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const session = useSession();
  if (hasAnyRole(session, anyOf)) return children;
  return (
    <Page title={t('forbidden.title')} intro={t('forbidden.body')}>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Page>
  );
}
