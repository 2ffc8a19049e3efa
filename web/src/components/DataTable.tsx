import { Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Keeps short values (dates, statuses) on one line in the table. */
  nowrap?: boolean;
}

interface DataTableProps<T> {
  /** Names the table (or card list) for screen readers. */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Buttons for one row, shown in the last column (or at the foot of a card). */
  actions?: (row: T) => ReactNode;
  /** What an empty list means, in plain words. */
  empty: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}

/**
 * A table on wide screens; on a phone each row becomes a card with the first column as its
 * title and the others as a list of label and value (community health workers use phones).
 */
export function DataTable<T>({ label, columns, rows, rowKey, actions, empty, minWidth = 720 }: DataTableProps<T>) {
  const t = useT();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  if (rows.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed">{empty}</Text>
      </Paper>
    );
  }

  if (narrow) {
    const [first, ...rest] = columns;
    return (
      <Stack component="ul" aria-label={label} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="md">
            <Stack gap="sm">
              {first !== undefined && (
                <Text fw={600} component="div">
                  {first.cell(row)}
                </Text>
              )}
              <dl className="details-list">
                {rest.map((column) => (
                  <div key={column.id} style={{ display: 'contents' }}>
                    <dt>{column.header}</dt>
                    <dd>{column.cell(row)}</dd>
                  </div>
                ))}
              </dl>
              {actions !== undefined && <div>{actions(row)}</div>}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    // Focusable so keyboard users can scroll a wide table sideways.
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="sm" stickyHeader={false}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.id} scope="col">
                {column.header}
              </Table.Th>
            ))}
            {actions !== undefined && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const style = column.nowrap === true ? { whiteSpace: 'nowrap' as const } : undefined;
                // The first column names the row (screen readers announce it with each cell).
                return index === 0 ? (
                  <Table.Th key={column.id} scope="row" fw="normal" style={style}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.id} style={style}>
                    {column.cell(row)}
                  </Table.Td>
                );
              })}
              {actions !== undefined && <Table.Td>{actions(row)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
