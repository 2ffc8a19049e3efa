import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { showNotification } from '../../components/notify.ts';
import type { Locale, Session } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { sessionKey } from '../session/sessionQueries.ts';

/** Saves the chosen language on the signed-in user (PATCH /api/me), so it follows them to any device. */
export function useSaveLanguage() {
  const t = useT();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (locale: Locale) => unwrap(api.PATCH('/api/me', { body: { locale } })),
    onSuccess: (user) => {
      queryClient.setQueryData<Session | null>(sessionKey, (session) => (session ? { ...session, user } : session));
    },
    onError: () => {
      showNotification({ color: 'red', title: t('language.saveFailedTitle'), message: t('language.saveFailed') });
    },
  });
  return mutation;
}
