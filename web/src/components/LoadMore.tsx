import { Button, Group, Text } from '@mantine/core';
import { useFormat, useT } from '../i18n/I18nProvider.tsx';

interface LoadMoreProps {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Cursor pagination: how many rows are shown and a button for the next page. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const t = useT();
  const format = useFormat();
  if (shown === 0) return null;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasMore ? t('list.shownMore', { count: format.number(shown) }) : t('list.shownAll', { count: format.number(shown) })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          {t('list.loadMore')}
        </Button>
      )}
    </Group>
  );
}
