import { Anchor, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { clinicalRoles } from '../../api/codes.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { useSession } from '../session/SessionContext.tsx';

/**
 * The first administrator's next steps: a program, then its staff, then their roles and
 * programs (docs and README "First steps"). Shown until there is someone who can see patients.
 */
export function GettingStarted() {
  const t = useT();
  const session = useSession();
  const programs = useProgramsQuery();
  const staff = useQuery({
    queryKey: ['users', 'getting-started'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })),
  });
  if (!programs.isSuccess || !staff.isSuccess) return null;
  const others = staff.data.items.filter((user) => user.id !== session.user.id && user.status !== 'deactivated');
  const steps = [
    { key: 'program', done: programs.data.length > 0, to: '/programs' },
    { key: 'staff', done: others.length > 0, to: '/staff' },
    {
      key: 'roles',
      done: others.some((user) => user.programIds.length > 0 && user.roles.some((role) => clinicalRoles.includes(role))),
      to: '/staff',
    },
  ] as const;
  if (steps.every((step) => step.done)) return null;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="getting-started">
      <Stack gap="sm">
        <Title order={2} size="h3" id="getting-started">
          {t('home.start.title')}
        </Title>
        <Text size="sm">{t('home.start.intro')}</Text>
        <List type="ordered" spacing="sm" listStyleType="none" pl={0}>
          {steps.map((step, index) => (
            <List.Item key={step.key}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={24} radius="xl" color={step.done ? 'green.8' : 'gray.7'} variant={step.done ? 'filled' : 'outline'}>
                  <Text span size="xs" fw={700} aria-hidden="true">
                    {step.done ? '✓' : index + 1}
                  </Text>
                </ThemeIcon>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t(`home.start.${step.key}`)}
                    {step.done && <Text span size="sm" c="green.9">{` — ${t('home.start.done')}`}</Text>}
                  </Text>
                  <Text size="sm" c="dark.6">
                    {t(`home.start.${step.key}.how`)}
                  </Text>
                  {!step.done && (
                    <Anchor component={Link} to={step.to} size="sm" fw={600}>
                      {t(`home.start.${step.key}.go`)}
                    </Anchor>
                  )}
                </Stack>
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dark.6">
          {t('home.start.adminsSeeNoPatients')}
        </Text>
      </Stack>
    </Paper>
  );
}
