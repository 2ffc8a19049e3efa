import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { dropDraftsInEveryTab } from '../../components/forms/drafts.ts';
import { IconLogout } from '../../components/icons.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { storeSession } from './sessionQueries.ts';

/** Ends the session (DELETE /api/session) and forgets everything loaded for it. */
export function useSignOut() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/session')),
    // Even if the server could not be reached, this browser forgets the session.
    onSettled: async () => {
      storeSession(queryClient, null);
      dropDraftsInEveryTab(); // a shared computer: nothing typed outlives signing out on purpose
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'setup' });
      await navigate('/sign-in', { replace: true, state: { notice: 'signedOut' } });
    },
  });
}

export function SignOutButton() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <Button
      variant="subtle"
      color="gray"
      c="dark"
      px="xs"
      leftSection={<IconLogout />}
      onClick={() => signOut.mutate()}
      loading={signOut.isPending}
    >
      {t('userMenu.signOut')}
    </Button>
  );
}
