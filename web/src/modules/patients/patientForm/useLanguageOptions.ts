import { useMemo } from 'react';
import { useLocale } from '../../../i18n/I18nProvider.tsx';
import { commonLanguages } from '../patientFormValues.ts';

/** Language codes named by the browser in the user's language, the current one included. */
export function useLanguageOptions(current: string) {
  const { locale } = useLocale();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale === 'es' ? 'es-US' : 'en-US'], { type: 'language' });
    } catch {
      names = null;
    }
    const codes = commonLanguages.includes(current) ? commonLanguages : [...commonLanguages, current];
    return codes.map((code) => ({ value: code, label: names?.of(code) ?? code }));
  }, [locale, current]);
}
