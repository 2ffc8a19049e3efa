import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { Brand } from './Brand.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

/** The frame of the pages used before signing in: setup, sign-in, invitation, MFA enrolment. */
export function PublicLayout({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            {/* With a sign-out button beside the language, a phone has room for the mark only. */}
            <Brand compact={headerEnd !== undefined} />
            <Group gap="xs" wrap="nowrap">
              <LanguagePicker />
              {headerEnd}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={520} py={{ base: 'lg', sm: 48 }} px="md">
        {children}
      </Container>
    </Box>
  );
}
