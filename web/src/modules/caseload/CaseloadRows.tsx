// My caseload's rows (a table on a wide screen, cards on a phone), drawn with plain elements
// carrying the UI kit's classes: a case manager's hundred-odd rows as Mantine components were
// over a thousand components to resolve (props, theme, styles) on every render, most of the
// page's first render on a slow phone. Same markup and styles as Table.Tr/Td, Paper, Text and
// Anchor give (their `classes`), a fraction of the work; each row is memoized, so a slice of
// rows added later, or a filter, does not render the rows already there again.
import { Anchor, Paper, Table, Text } from '@mantine/core';
import { memo, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { CaseloadItem } from './caseloadQueries.ts';
import classes from './CaseloadRows.module.css';

/** What a row shows beside the record itself, the same for every row (made once per render of the page). */
export interface RowText {
  phase: (row: CaseloadItem) => string;
  phaseColor: (row: CaseloadItem) => string;
  level: (row: CaseloadItem) => string;
  daysInPhase: (row: CaseloadItem) => number;
  number: (value: number) => string;
  date: (date: string) => string;
  plannedEnd: (row: CaseloadItem) => string;
  lastContact: (row: CaseloadItem) => string;
  attempts: (row: CaseloadItem) => string | null;
  overdue: (row: CaseloadItem) => boolean;
  myRole: (row: CaseloadItem) => string;
  cardWork: (row: CaseloadItem) => string;
  cardProgram: (row: CaseloadItem) => string;
}

const textClass = `mantine-focus-auto ${Text.classes.root} mantine-Text-root`;
const sm = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)' } as CSSProperties;
const xs = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)' } as CSSProperties;
const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

function NameLink({ row }: { row: CaseloadItem }) {
  return (
    <Link
      to={`/patients/${row.patientId}`}
      className={`${textClass} ${Anchor.classes.root} mantine-Anchor-root`}
      data-size="sm"
      data-underline="hover"
      style={{ ...sm, fontWeight: 600 }}
    >
      {`${row.legalLastName}, ${row.preferredName ?? row.legalFirstName}`}
    </Link>
  );
}

/** One person on a phone: name and phase, level, time in phase, program. */
export const CaseloadCard = memo(function CaseloadCard({ row, text }: { row: CaseloadItem; text: RowText }) {
  return (
    <li className={`${Paper.classes.root} mantine-Paper-root ${classes.card}`} data-with-border="true">
      <div className={classes.cardHead}>
        <NameLink row={row} />
        <StatusBadge color={text.phaseColor(row)}>{text.phase(row)}</StatusBadge>
      </div>
      <p className={textClass} data-size="sm" style={sm}>
        {text.level(row)}
      </p>
      <p className={textClass} data-size="sm" style={sm}>
        {text.cardWork(row)}
      </p>
      <p className={textClass} data-size="sm" style={{ ...sm, color: 'var(--mantine-color-dark-6)' }}>
        {text.cardProgram(row)}
      </p>
    </li>
  );
});

const trClass = `${Table.classes.tr} mantine-Table-tr`;
const tdClass = `${Table.classes.td} mantine-Table-td`;
const thClass = `${Table.classes.th} mantine-Table-th`;
/** The body of the table, as Table.Tbody draws it. */
export const tbodyClass = `${Table.classes.tbody} mantine-Table-tbody`;

/** One row of the table (Table.Tr of a striped table that highlights on hover). */
export const CaseloadRow = memo(function CaseloadRow({ row, text }: { row: CaseloadItem; text: RowText }) {
  const attempts = text.attempts(row);
  return (
    <tr className={trClass} data-with-row-border="true" data-striped="odd" data-hover="true">
      <th className={thClass} scope="row" style={{ fontWeight: 'normal', whiteSpace: 'nowrap' }}>
        <NameLink row={row} />
      </th>
      <td className={tdClass} style={nowrap}>
        {text.date(row.dateOfBirth)}
      </td>
      <td className={tdClass}>{row.programName}</td>
      <td className={tdClass}>
        <StatusBadge color={text.phaseColor(row)}>{text.phase(row)}</StatusBadge>
      </td>
      <td className={tdClass} style={{ textAlign: 'end' }}>
        {text.number(text.daysInPhase(row))}
      </td>
      <td className={tdClass}>{text.level(row)}</td>
      <td className={tdClass} style={nowrap}>
        {text.plannedEnd(row)}
      </td>
      <td className={tdClass} style={nowrap}>
        {text.lastContact(row)}
        {attempts !== null && (
          <span className={textClass} data-size="xs" style={{ ...xs, color: 'var(--mantine-color-orange-9)', display: 'block' }}>
            {attempts}
          </span>
        )}
      </td>
      <td className={tdClass} style={nowrap}>
        {row.nextDueOn === null ? (
          '—'
        ) : text.overdue(row) ? (
          <StatusBadge color="red">{text.date(row.nextDueOn)}</StatusBadge>
        ) : (
          text.date(row.nextDueOn)
        )}
      </td>
      <td className={tdClass} style={nowrap}>
        {text.date(row.openedOn)}
      </td>
      <td className={tdClass}>{text.myRole(row)}</td>
    </tr>
  );
});
