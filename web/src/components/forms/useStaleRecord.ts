import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/problem.ts';
import { rebase } from './changes.ts';

/** The record as saved now: its values in the form's shape, and its version. */
export interface SavedRecord<V> {
  values: V;
  version: number;
}

export interface StaleConflict<V> {
  /** Fields both changed, to different values, still to compare. */
  conflicts: (keyof V & string)[];
  /** Fields only the other person changed: the form took their values. */
  taken: (keyof V & string)[];
  /** Their values, to compare with and to take. */
  theirs: V;
}

/**
 * Editing a versioned record that someone else may save meanwhile. A 409 `stale-version` keeps
 * what the user typed: their changes go on top of the version saved now (fields they did not
 * touch take the new values), the next save sends the new version, and the fields both changed
 * are listed for the user to compare (StaleNotice). `base` is what the user's changes are
 * measured against, so an edit sends only them.
 */
export function useStaleRecord<V extends object>(form: UseFormReturnType<V>, saved: SavedRecord<V>) {
  const [base, setBase] = useState<SavedRecord<V>>(saved);
  const [conflict, setConflict] = useState<StaleConflict<V> | null>(null);

  /** True when the error was a stale version and the form now holds the merged values. */
  const recover = async (error: unknown, load: () => Promise<SavedRecord<V>>): Promise<boolean> => {
    if (!(error instanceof ApiError) || error.problemType !== 'stale-version') return false;
    const latest = await load();
    const merged = rebase(form.getValues(), base.values, latest.values);
    form.setValues(merged.values);
    setBase(latest);
    setConflict({ conflicts: merged.conflicts, taken: merged.taken, theirs: latest.values });
    return true;
  };

  /** Take the saved value of one field (or of every field still in conflict). */
  const takeSaved = (field?: keyof V & string) => {
    if (conflict === null) return;
    const fields = field === undefined ? conflict.conflicts : [field];
    for (const name of fields) form.setFieldValue(name, conflict.theirs[name] as never);
    setConflict({ ...conflict, conflicts: conflict.conflicts.filter((name) => !fields.includes(name)) });
  };

  /** After a save: what was saved is the new base (a form that stays open edits on from it). */
  const accept = (saved: SavedRecord<V>) => {
    setBase(saved);
    setConflict(null);
  };

  return {
    form,
    accept,
    /** The values and version the user's changes are measured against and sent with. */
    base,
    conflict,
    recover,
    takeSaved,
    dismiss: () => setConflict(null),
  };
}

export type StaleRecord<V extends object> = ReturnType<typeof useStaleRecord<V>>;
