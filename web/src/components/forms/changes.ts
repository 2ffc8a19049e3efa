// What the user changed in a form, and how their changes meet someone else's saved version.
// Pure, so node:test covers it.

/** Equal as data: key order does not matter, nor the `key` each form row carries for React. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_name, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => key !== 'key')
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}

/** The fields of `body` that differ from `base`: what an edit sends (PATCH carries only changes). */
export function changedFields<T extends Record<string, unknown>>(body: T, base: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(body) as (keyof T)[]) {
    if (!sameValue(body[key], base[key])) changed[key] = body[key];
  }
  return changed;
}

export interface Rebased<V> {
  /** The user's changes on top of the version saved meanwhile. */
  values: V;
  /** Fields both changed, to different values: the user compares and chooses. */
  conflicts: (keyof V & string)[];
  /** Fields only the other person changed: the form now shows their value. */
  taken: (keyof V & string)[];
}

/**
 * Someone saved `theirs` while the user edited `original` into `mine`: keep every field the
 * user changed, take theirs for the rest, and name the fields where the two disagree.
 */
export function rebase<V extends object>(mine: V, original: V, theirs: V): Rebased<V> {
  const values = { ...theirs };
  const conflicts: (keyof V & string)[] = [];
  const taken: (keyof V & string)[] = [];
  for (const key of Object.keys(theirs) as (keyof V & string)[]) {
    const userChanged = !sameValue(mine[key], original[key]);
    const theyChanged = !sameValue(theirs[key], original[key]);
    if (userChanged) {
      values[key] = mine[key];
      if (theyChanged && !sameValue(mine[key], theirs[key])) conflicts.push(key);
    } else if (theyChanged) {
      taken.push(key);
    }
  }
  return { values, conflicts, taken };
}
