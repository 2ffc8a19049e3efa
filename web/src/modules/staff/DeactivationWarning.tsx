import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ReassignCaseloadDialog } from '../caseload/ReassignCaseloadDialog.tsx';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';

/**
 * Before deactivating someone: the open episodes they are the primary case manager of would
 * be left without a single point of contact. Says how many, and offers the caseload
 * reassignment (a supervisor's; an admin is told who does it).
 */
export function DeactivationWarning({ user }: { user: User }) {
  const t = useT();
  const session = useSession();
  const isSupervisor = hasAnyRole(session, ['supervisor']);
  const [reassigning, setReassigning] = useState(false);
  const counts = useQuery({
    queryKey: ['users', user.id, 'open-episodes'],
    queryFn: () => unwrap(api.GET('/api/users/{id}/open-episodes', { params: { path: { id: user.id } } })),
  });
  if (!counts.isSuccess || counts.data.asPrimary === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('staff.deactivate.openTitle', { count: counts.data.asPrimary })}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('staff.deactivate.openBody', { name: user.displayName })}</Text>
        {isSupervisor ? (
          <Button size="xs" variant="default" onClick={() => setReassigning(true)}>
            {t('staff.deactivate.reassign')}
          </Button>
        ) : (
          <Text size="sm">{t('staff.deactivate.askSupervisor')}</Text>
        )}
      </Stack>
      {isSupervisor && (
        <ReassignCaseloadDialog
          opened={reassigning}
          fromUserId={user.id}
          onClose={() => {
            setReassigning(false);
            void counts.refetch();
          }}
        />
      )}
    </Alert>
  );
}
