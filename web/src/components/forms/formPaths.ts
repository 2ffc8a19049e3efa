// Where a field error the server sent belongs in a form. The server names a field by a JSON
// pointer into the request body (`/phones/1/number`); the form names it by a dotted path into
// its values (`phones.1.number`), which is where @mantine/form keeps that input's error.
// Pure, so node:test covers it.
import type { FieldProblem, Problem } from '../../api/problem.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The deepest path of the form's values that the pointer reaches, or null. A list of plain
 * values (roles, program ids) takes its items' errors itself; a list of rows goes on into the row.
 */
export function formPathOf(pointer: string, values: unknown): string | null {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const path: string[] = [];
  let current = values;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const item: unknown = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
      if (!isRecord(item)) break;
      current = item;
    } else if (isRecord(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      break;
    }
    path.push(segment);
  }
  return path.length === 0 ? null : path.join('.');
}

export interface PlacedProblem {
  /** Form path → the first error the server gave for it. */
  placed: Record<string, FieldProblem>;
  /** Errors about no field of this form. */
  unplaced: FieldProblem[];
}

export interface PlaceOptions {
  /** Maps a pointer into the request body to one into the form's values (rows the body renumbers). */
  rename?: (pointer: string) => string;
  /** Inputs whose value lives outside the form's values (the page's language, chosen rows). */
  outside?: readonly string[];
}

/** Places each field error of a problem next to its input; the rest belong to no input. */
export function placeProblem(
  problem: Problem,
  values: unknown,
  { rename = (pointer) => pointer, outside = [] }: PlaceOptions = {},
): PlacedProblem {
  const placed: Record<string, FieldProblem> = {};
  const unplaced: FieldProblem[] = [];
  for (const error of problem.errors ?? []) {
    const pointer = rename(error.path);
    const first = pointer.split('/')[1] ?? '';
    const path = formPathOf(pointer, values) ?? (outside.includes(first) ? first : null);
    if (path === null) unplaced.push(error);
    else placed[path] ??= error;
  }
  return { placed, unplaced };
}
