import { Button, Group, Text } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';

type QueryValue = string | number | undefined | null;

/** `/api/x?a=1&b=2`, leaving out what is not set. */
export function exportUrl(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * A CSV download of what the screen lists, with the same filters: a plain link (the session
 * cookie goes with it; the server names the file, audits the export and forbids caching).
 */
export function DownloadCsv({ href }: { href: string }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Button component="a" href={href} download variant="default" style={{ flexShrink: 0 }}>
        {t('export.csv')}
      </Button>
      <Text size="xs" c="dimmed" maw={260}>
        {t('export.note')}
      </Text>
    </Group>
  );
}
