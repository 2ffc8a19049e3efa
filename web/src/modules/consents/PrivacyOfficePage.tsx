import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

/** The privacy officer's landing page: what waits for them, with a way into each list. */
export function PrivacyOfficePage() {
  const t = useT();
  const format = useFormat();
  const summary = useQuery({
    queryKey: ['privacy-summary'],
    queryFn: () => unwrap(api.GET('/api/privacy-office/summary')),
  });
  // Break-the-glass has its own module and count (src/modules/emergency-access).
  const breakGlass = useQuery({
    queryKey: ['emergency-access-summary'],
    queryFn: () => unwrap(api.GET('/api/emergency-access/summary')),
  });
  const cards =
    summary.data && breakGlass.data
      ? [
          {
            key: 'emergency',
            count: summary.data.emergencyAwaitingReview,
            label: t('privacy.count.emergency'),
            to: '/emergency-disclosures',
            open: t('privacy.open.emergency'),
          },
          {
            key: 'breakGlass',
            count: breakGlass.data.awaitingReview,
            label: t('privacy.count.breakGlass'),
            to: '/emergency-access/reviews',
            open: t('privacy.open.breakGlass'),
          },
          {
            key: 'expiring',
            count: summary.data.consentsExpiringSoon,
            label: t('privacy.count.expiring'),
            to: '/consents/expiring',
            open: t('privacy.open.expiring'),
          },
          {
            key: 'month',
            count: summary.data.disclosuresThisMonth,
            label: t('privacy.count.thisMonth'),
            to: '/disclosures',
            open: t('privacy.open.log'),
          },
        ]
      : [];
  return (
    <Page title={t('privacy.title')} intro={t('privacy.intro')}>
      {summary.isPending || summary.isError || breakGlass.isPending || breakGlass.isError ? (
        <QueryStatus
          isPending={summary.isPending || breakGlass.isPending}
          error={summary.error ?? breakGlass.error}
          retry={() => void Promise.all([summary.refetch(), breakGlass.refetch()])}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {cards.map((card) => (
            <Paper key={card.key} withBorder p="md" component="section" aria-labelledby={`privacy-${card.key}`}>
              <Stack gap="xs" h="100%" justify="space-between">
                <div>
                  <Text fz={36} fw={700} lh={1.1}>
                    {format.number(card.count)}
                  </Text>
                  <Title order={2} fz="md" fw={600} id={`privacy-${card.key}`}>
                    {card.label}
                  </Title>
                </div>
                <Button
                  component={Link}
                  to={card.to}
                  variant={(card.key === 'emergency' || card.key === 'breakGlass') && card.count > 0 ? 'filled' : 'default'}
                  h="auto"
                  py={8}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.35 } }}
                >
                  {card.open}
                </Button>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Stack gap={6} component="nav" aria-label={t('privacy.more')}>
        <Title order={2} fz="md">
          {t('privacy.more')}
        </Title>
        <Anchor component={Link} to="/audit">
          {t('privacy.link.audit')}
        </Anchor>
        <Anchor component={Link} to="/emergency-access/reviews">
          {t('privacy.link.breakGlass')}
        </Anchor>
        <Anchor component={Link} to="/restricted-records">
          {t('privacy.link.restricted')}
        </Anchor>
      </Stack>
    </Page>
  );
}
