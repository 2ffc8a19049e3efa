import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.body')}>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Page>
  );
}
