import type { Locale } from '../api/types.ts';

/**
 * The update notice's words, English and Spanish side by side. Kept here, beside the notice,
 * until the app's per-module messages can take them (the keys are `pwa.*` there).
 */
const en = {
  updateReady: 'A new version of Bridgeway is ready',
  reload: 'Reload',
};

export const pwaMessages: Readonly<Record<Locale, Readonly<Record<keyof typeof en, string>>>> = {
  en,
  es: {
    updateReady: 'Hay una nueva versión de Bridgeway',
    reload: 'Recargar',
  },
};
