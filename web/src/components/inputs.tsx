import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { locales } from '../api/codes.ts';
import type { Locale } from '../api/types.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { languageNames } from '../i18n/messages.ts';
import { timeZoneGroups, timeZoneLabel } from '../i18n/timeZones.ts';

type Common = Pick<SelectProps, 'label' | 'description' | 'error' | 'required' | 'disabled' | 'name' | 'maw' | 'w'>;

/** A searchable list of IANA time zones, US zones first, labelled in the user's language. */
export function TimeZoneSelect({ value, onChange, ...props }: Common & { value: string; onChange: (zone: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const data = useMemo(
    () =>
      timeZoneGroups(value).map(({ group, zones }) => ({
        group: group === 'us' ? t('timeZone.groupUs') : t('timeZone.groupAll'),
        items: zones.map((zone) => ({ value: zone, label: timeZoneLabel(zone, locale) })),
      })),
    // The list only depends on the language and a value outside the known zones.
    [t, locale, value],
  );
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(zone) => {
        if (zone !== null) onChange(zone);
      }}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('timeZone.nothingFound')}
      maxDropdownHeight={280}
      autoComplete="off"
    />
  );
}

/** English or Spanish, each named in its own language. */
export function LocaleSelect({ value, onChange, ...props }: Common & { value: Locale; onChange: (locale: Locale) => void }) {
  return (
    <Select<Locale>
      {...props}
      data={locales.map((code) => ({ value: code, label: languageNames[code] }))}
      value={value}
      onChange={(next) => {
        if (next !== null) onChange(next);
      }}
      allowDeselect={false}
    />
  );
}
