import { useMemo } from 'react';
import { useLocale, useTranslator } from '../../../i18n/I18nProvider.tsx';
import { intlLocale } from '../../../i18n/format.ts';
import { browserLanguageNamer, languageName } from '../patientHelpers.ts';
import { commonLanguages } from '../patientFormValues.ts';

/** Language codes named in the user's language (the browser's names, ours where it has none), the current one included. */
export function useLanguageOptions(current: string) {
  const { locale } = useLocale();
  const { tMaybe } = useTranslator();
  return useMemo(() => {
    const namer = browserLanguageNamer(intlLocale(locale));
    const codes = commonLanguages.includes(current) ? commonLanguages : [...commonLanguages, current];
    return codes.map((code) => ({ value: code, label: languageName(code, namer, tMaybe) }));
  }, [locale, current, tMaybe]);
}
