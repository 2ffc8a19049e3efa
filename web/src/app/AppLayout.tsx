import { Burger, Button, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Brand } from '../components/Brand.tsx';
import { IconChevronDown, IconLogout, IconUser } from '../components/icons.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { LazyMenu } from '../components/LazyMenu.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useSaveLanguage } from '../modules/account/useSaveLanguage.ts';
import { useSession } from '../modules/session/SessionContext.tsx';
import { PatientModeRedirect } from '../modules/patient-mode/PatientModeRedirect.tsx';
import { useSignOut } from '../modules/session/SignOutButton.tsx';
import { currentNavPath, navigationFor } from './registry.ts';

/**
 * The frame of every signed-in page: header, navigation (a drawer on phones) and main content.
 * Its layout is app/frame.css rather than the kit's AppShell, which would bring a resizable
 * navbar, its drag handling and a scroll lock (7 KB compressed) into every first page.
 */
export function AppLayout() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const saveLanguage = useSaveLanguage();

  const visible = navigationFor(session.user.roles);
  const current = currentNavPath(location.pathname, visible);

  // Close the phone menu after following a link in it.
  const closeNav = nav.close;
  useEffect(() => {
    closeNav();
  }, [location.pathname, closeNav]);

  // Opening the phone menu moves focus into it; Escape closes it and returns to the burger.
  const burger = useRef<HTMLButtonElement>(null);
  const navbar = useRef<HTMLElement>(null);
  useEffect(() => {
    if (phone && navOpened) navbar.current?.querySelector<HTMLElement>('a')?.focus();
  }, [phone, navOpened]);
  const onNavKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && phone && navOpened) {
      closeNav();
      burger.current?.focus();
    }
  };

  return (
    <div className="frame">
      <PatientModeRedirect />
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      {/* The kit's dialogs lock the page's scroll; this class keeps a fixed header from shifting meanwhile. */}
      <header className="frame-header right-scroll-bar-position">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              ref={burger}
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.close') : t('nav.open')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/">
              <Brand organizationName={session.organization.name} compact />
            </UnstyledButton>
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguagePicker onChoose={(locale) => saveLanguage.mutate(locale)} />
            <UserMenu />
          </Group>
        </Group>
      </header>

      <nav
        id="main-navigation"
        className="frame-navbar"
        data-opened={navOpened || undefined}
        aria-label={t('nav.label')}
        inert={phone && !navOpened}
        ref={navbar}
        onKeyDown={onNavKeyDown}
      >
        <div className="frame-navbar-links">
          {visible.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.label)}
              active={current === item.path}
              aria-current={current === item.path ? 'page' : undefined}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              fw={500}
            />
          ))}
        </div>
        <div>
          <Text size="xs" c="dimmed" px="sm" pt="sm">
            {session.organization.name}
          </Text>
        </div>
      </nav>

      <main id="main" className="frame-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function UserMenu() {
  const t = useT();
  const session = useSession();
  const signOut = useSignOut();

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
          leftSection={<IconUser />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('userMenu.label', { name: session.user.displayName })}
        >
          <Text span inherit visibleFrom="sm" maw={180} truncate>
            {session.user.displayName}
          </Text>
        </Button>
      )}
      items={(Menu) => (
        <>
          <Menu.Label>{session.user.email}</Menu.Label>
          <Menu.Item component={Link} to="/account" leftSection={<IconUser size={16} />}>
            {t('nav.account')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t('userMenu.signOut')}
          </Menu.Item>
        </>
      )}
    />
  );
}
