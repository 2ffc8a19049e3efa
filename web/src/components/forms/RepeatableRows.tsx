import { Button, CloseButton, Group, Stack, Text, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

interface RepeatableRowsProps<Row extends { key: number }> {
  rows: readonly Row[];
  /** The inputs of one row, side by side. */
  fields: (row: Row, index: number) => ReactNode;
  /** More of the row, under its inputs (a phone's texting and voicemail switches). */
  below?: (row: Row, index: number) => ReactNode;
  /** Said when there is no row yet. */
  empty?: string;
  addLabel: string;
  onAdd: () => void;
  /** The remove button's name, with the row's number: "Remove phone 2". */
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  /** Under the rows, above the add button: an error about the list as a whole. */
  footer?: ReactNode;
  gap?: MantineSpacing;
}

/** A list of rows the user adds to and removes from: phones, ID numbers, coverages. */
export function RepeatableRows<Row extends { key: number }>(props: RepeatableRowsProps<Row>) {
  const { rows, fields, below, empty, addLabel, onAdd, removeLabel, onRemove, footer, gap = 'md' } = props;
  return (
    <Stack gap={gap}>
      {rows.length === 0 && empty !== undefined && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {rows.map((row, index) => (
        <Stack key={row.key} gap="xs">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>{fields(row, index)}</div>
            <CloseButton size="lg" mt={26} onClick={() => onRemove(index)} aria-label={removeLabel(index)} />
          </Group>
          {below?.(row, index)}
        </Stack>
      ))}
      {footer}
      <Group>
        <Button variant="default" size="xs" onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
