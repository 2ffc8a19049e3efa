import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { navigationFor } from '../../app/registry.ts';
import { IconArrowRight } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { SecurityNotice } from '../account/SecurityNotice.tsx';
import { programNames, useProgramsQuery } from '../programs/programQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { GettingStarted } from './GettingStarted.tsx';

/** Who you are here (roles, programs, organization) and what you can do now. */
export function HomePage() {
  const t = useT();
  const { user, organization } = useSession();
  const programs = useProgramsQuery();
  const names = programNames(user.programIds, programs.data);
  const links = navigationFor(user.roles).filter((item) => item.onHome);

  return (
    <Page title={t('home.title', { name: user.displayName })} intro={t('home.intro', { organization: organization.name })}>
      <SecurityNotice />
      {user.roles.includes('admin') && <GettingStarted />}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('home.aboutYou')}
          </Title>
          <dl className="details-list">
            <dt>{t('home.organization')}</dt>
            <dd>{organization.name}</dd>
            <dt>{t('home.roles')}</dt>
            <dd>
              {user.roles.length === 0 ? (
                t('home.noRoles')
              ) : (
                <Group gap={6}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light" radius="sm" tt="none">
                      {t(`role.${role}`)}
                    </Badge>
                  ))}
                </Group>
              )}
            </dd>
            <dt>{t('home.programs')}</dt>
            <dd>
              {programs.isPending || programs.isError ? (
                <QueryStatus isPending={programs.isPending} error={programs.error} />
              ) : names.length === 0 ? (
                t('home.noPrograms')
              ) : (
                names.join(', ')
              )}
            </dd>
            <dt>{t('home.email')}</dt>
            <dd>{user.email}</dd>
          </dl>
        </Stack>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('home.whatYouCanDo')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {links.map((item) => (
            <Card key={item.path} withBorder padding="lg" component="section" aria-labelledby={`home-${item.path.slice(1)}`}>
              <Stack gap="xs" h="100%" justify="space-between">
                <Stack gap={4}>
                  <Title order={3} size="h4" id={`home-${item.path.slice(1)}`}>
                    {t(item.label)}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t(item.description)}
                  </Text>
                </Stack>
                <Anchor component={Link} to={item.path} fw={600} size="sm">
                  <Group gap={4} component="span" wrap="nowrap">
                    {t('home.open', { region: t(item.label) })}
                    <IconArrowRight size={16} />
                  </Group>
                </Anchor>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        {!user.mfaEnabled && (
          <Text size="sm">
            {t('home.mfaHint')}{' '}
            <Anchor component={Link} to="/account/second-factor">
              {t('home.mfaHintLink')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Page>
  );
}
