// The language chosen on this device. Apart from I18nProvider.tsx so that the app's first
// script (main.tsx) can choose the language to download without React.
import { isLocale } from '../api/codes.ts';
import type { Locale } from '../api/types.ts';

const storageKey = 'bridgeway.locale';

/** The language to start in: the one chosen on this device, else the browser's. */
export function browserLocale(): Locale {
  const stored = readStoredLocale();
  if (stored !== null) return stored;
  const preferred = navigator.languages.find((tag) => /^(en|es)\b/i.test(tag)) ?? '';
  return preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function readStoredLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice still holds for this page.
  }
}
