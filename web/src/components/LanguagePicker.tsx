import { Button } from '@mantine/core';
import { locales } from '../api/codes.ts';
import type { Locale } from '../api/types.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { languageNames } from '../i18n/messages.ts';
import { IconCheck, IconChevronDown, IconLanguage } from './icons.tsx';
import { LazyMenu } from './LazyMenu.tsx';

/**
 * The language menu in the header and on the public pages. `onChoose` lets a signed-in
 * page also save the choice on the user; before sign-in it is kept in this browser.
 */
export function LanguagePicker({ onChoose }: { onChoose?: (locale: Locale) => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const choose = (next: Locale) => {
    setLocale(next);
    onChoose?.(next);
  };
  return (
    <LazyMenu
      position="bottom-end"
      withinPortal
      target={(props) => (
        <Button
          {...props}
          variant="subtle"
          color="gray"
          c="dark"
          px="xs"
          leftSection={<IconLanguage />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('language.menuLabel', { language: languageNames[locale] })}
        >
          {languageNames[locale]}
        </Button>
      )}
      items={(Menu) => (
        <>
          <Menu.Label>{t('language.choose')}</Menu.Label>
          {locales.map((code) => (
            <Menu.Item
              key={code}
              lang={code}
              onClick={() => choose(code)}
              rightSection={code === locale ? <IconCheck size={16} /> : null}
              aria-current={code === locale ? 'true' : undefined}
            >
              {languageNames[code]}
            </Menu.Item>
          ))}
        </>
      )}
    />
  );
}
