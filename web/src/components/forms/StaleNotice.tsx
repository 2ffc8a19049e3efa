import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { StaleRecord } from './useStaleRecord.ts';

export type FieldLabels<V> = Partial<Record<keyof V & string, string>>;
export type FieldDisplays<V> = { [K in keyof V]?: (value: V[K]) => string };

interface StaleNoticeProps<V extends object> {
  stale: StaleRecord<V>;
  /** Each field's label, as the form shows it. */
  labels: FieldLabels<V>;
  /** How to show a field's value when plain text would not do (codes, rows). */
  display?: FieldDisplays<V>;
}

/**
 * Someone else saved the record while the user edited it (issue 8: a conflict must not throw
 * away what was typed). Placed at the foot of the form, where the user just pressed Save, and
 * scrolled into view: says that their changes are kept, lists the fields both changed with both
 * values, and lets them take the saved value, field by field or all at once, before saving again.
 */
export function StaleNotice<V extends object>({ stale, labels, display = {} }: StaleNoticeProps<V>) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const { conflict } = stale;
  useEffect(() => {
    if (conflict !== null) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);
  if (conflict === null) return null;

  const label = (field: keyof V & string) => labels[field] ?? field;
  const show = <K extends keyof V & string>(field: K, value: V[K]): string => {
    const custom = display[field];
    if (custom !== undefined) return custom(value) || '—';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map(String).join(', ') || '—';
    if (value === null || value === undefined || String(value).trim() === '') return '—';
    return String(value);
  };

  return (
    <Alert ref={ref} color="orange" variant="light" title={t('stale.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('stale.kept')}</Text>
        {conflict.conflicts.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('stale.conflicts')}
            </Text>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('stale.conflicts')}>
              {conflict.conflicts.map((field) => (
                <Paper component="li" key={field} withBorder p="xs">
                  <Stack gap={6}>
                    <Text size="sm" fw={600}>
                      {label(field)}
                    </Text>
                    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                      <Text size="sm">
                        <Text span inherit c="dimmed">
                          {t('stale.yours')}:
                        </Text>{' '}
                        {show(field, stale.form.getValues()[field])}
                      </Text>
                      <Text size="sm">
                        <Text span inherit c="dimmed">
                          {t('stale.saved')}:
                        </Text>{' '}
                        {show(field, conflict.theirs[field])}
                      </Text>
                    </SimpleGrid>
                    <Group>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => stale.takeSaved(field)}
                        aria-label={t('stale.useSavedNamed', { field: label(field) })}
                      >
                        {t('stale.useSaved')}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
            {conflict.conflicts.length > 1 && (
              <Group>
                <Button size="xs" variant="default" onClick={() => stale.takeSaved()}>
                  {t('stale.useSavedAll')}
                </Button>
              </Group>
            )}
          </>
        )}
        {conflict.taken.length > 0 && <Text size="sm">{t('stale.taken', { fields: conflict.taken.map(label).join(', ') })}</Text>}
      </Stack>
    </Alert>
  );
}
