// Sorting and filtering My caseload on the client: a case manager carries up to ~150 open
// episodes, all loaded at once. Pure, so node:test covers it.

export interface CaseloadRow {
  episodeId: string;
  patientId: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  programId: string;
  programName: string;
  phase: string;
  levelEdition: string | null;
  levelCode: string | null;
  /** Every level running today, concurrent ones too (the first is levelEdition/levelCode). */
  levels?: readonly { edition: string; code: string }[];
  openedOn: string;
  /** When the current phase began. */
  phaseStartedOn?: string;
  /** The nearest planned end of a level of care running today. */
  nextPlannedEnd?: string | null;
  /** The last successful contact (an instant), and when the next is due (the program's cadence). */
  lastContactAt?: string | null;
  nextDueOn?: string | null;
}

export type CaseloadSortKey =
  'name' | 'program' | 'phase' | 'daysInPhase' | 'level' | 'nextPlannedEnd' | 'openedOn' | 'lastContact' | 'nextDue';
export interface CaseloadSort {
  key: CaseloadSortKey;
  direction: 'asc' | 'desc';
}

export interface CaseloadFilters {
  programId: string | null;
  phase: string | null;
  /** `edition:code`, or `none` for episodes with no current placement. */
  level: string | null;
  /** Only rows whose next planned end is on or before this day (`YYYY-MM-DD`): transitions to plan. */
  endingBy?: string | null;
}

export function levelValue(row: Pick<CaseloadRow, 'levelEdition' | 'levelCode' | 'levels'>): string {
  if (row.levels !== undefined && row.levels.length > 0) return row.levels.map((level) => `${level.edition}:${level.code}`).join('+');
  return row.levelEdition === null || row.levelCode === null ? 'none' : `${row.levelEdition}:${row.levelCode}`;
}

/** How many people the rows are about: one person on two episodes (two programs) is one person. */
export function countPeople(rows: readonly Pick<CaseloadRow, 'patientId'>[]): number {
  return new Set(rows.map((row) => row.patientId)).size;
}

export function filterCaseload<T extends CaseloadRow>(rows: readonly T[], filters: CaseloadFilters): T[] {
  return rows.filter(
    (row) =>
      (filters.programId === null || row.programId === filters.programId) &&
      (filters.phase === null || row.phase === filters.phase) &&
      (filters.level === null || levelValue(row) === filters.level) &&
      (filters.endingBy === undefined ||
        filters.endingBy === null ||
        (row.nextPlannedEnd != null && row.nextPlannedEnd <= filters.endingBy)),
  );
}

/**
 * Sorts by one column; `labels` gives the shown text of coded columns (phase, level) so they
 * sort as the user reads them. Ties fall back to the name, then the episode, so the order is stable.
 */
export function sortCaseload<T extends CaseloadRow>(
  rows: readonly T[],
  sort: CaseloadSort,
  labels: { phase: (row: T) => string; level: (row: T) => string; name: (row: T) => string },
  collator: Intl.Collator,
): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyOf = (row: T): string => {
    switch (sort.key) {
      case 'name':
        return labels.name(row);
      case 'program':
        return row.programName;
      case 'phase':
        return labels.phase(row);
      case 'level':
        return labels.level(row);
      case 'openedOn':
        return row.openedOn;
      // Most days in phase = the earliest start: ascending days is descending dates (sign below).
      case 'daysInPhase':
        return row.phaseStartedOn ?? row.openedOn;
      // Rows with no planned end come last either way round.
      case 'nextPlannedEnd':
        return row.nextPlannedEnd ?? (sort.direction === 'asc' ? '9999-12-31' : '0000-01-01');
      // Never contacted sorts as the longest ago; no cadence (none expected) comes last.
      case 'lastContact':
        return row.lastContactAt ?? '0000-01-01';
      case 'nextDue':
        return row.nextDueOn ?? (sort.direction === 'asc' ? '9999-12-31' : '0000-01-01');
    }
  };
  const direction = sort.key === 'daysInPhase' ? -sign : sign;
  return [...rows].sort(
    (a, b) =>
      direction * collator.compare(keyOf(a), keyOf(b)) ||
      collator.compare(labels.name(a), labels.name(b)) ||
      collator.compare(a.episodeId, b.episodeId),
  );
}

/** The options of a filter: each distinct value once, sorted by its label. */
export function distinctOptions<T>(
  rows: readonly T[],
  value: (row: T) => string,
  label: (row: T) => string,
  collator: Intl.Collator,
): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(value(row))) seen.set(value(row), label(row));
  return [...seen].map(([v, l]) => ({ value: v, label: l })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
