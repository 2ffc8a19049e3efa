import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/problem.ts';
import { keepDraft, peekDraft, takeDraft, whileOpen, type Draft } from './drafts.ts';

/** What a form holds now, as its save would keep it: the values and the record as first read. */
export type Kept<V> = { values: V; base: Draft<V>['base'] };

/**
 * A form that outlives its session (issue 8, defect 4; drafts.ts). `restored` is what the user
 * typed before their session ended, handed back once: it is taken from storage as the form
 * mounts, so a save or a cancel afterwards leaves nothing behind. `keepIfSignedOut` keeps the
 * values when a save is refused because the session ended, with `base` (the record as first
 * read) so the save after sign-in still goes against that version and a change made meanwhile
 * is a 409, never overwritten. `current`, when given, is what the form holds now: it is kept
 * too when any other request finds the session ended while the form is open
 * (useKeepWhileOpen).
 */
export function useKeptDraft<V>(userId: string, form: string, current?: () => Kept<V> | null) {
  const [restored] = useState(() => peekDraft<V>(userId, form));
  useEffect(() => {
    if (restored !== null) takeDraft(userId, form);
  }, [restored, userId, form]);
  const { settled } = useKeepWhileOpen(userId, form, current ?? null, restored !== null);
  const keepIfSignedOut = (error: unknown, values: V, base: Draft<V>['base'] = null): boolean => {
    if (!(error instanceof ApiError) || error.problemType !== 'unauthenticated') return false;
    // Never in the URL: this tab's storage only (drafts.ts).
    keepDraft({ userId, form, values, base });
    return true;
  };
  return { restored, keepIfSignedOut, settled };
}

/**
 * While the form is open, the session found ended by any request keeps what it holds — when
 * something was typed: the values as they were when it opened are not a draft (an empty dialog
 * offered back as "what you typed" would mislead), unless they are themselves a restored draft.
 * `current` answers null while the form is closed (a dialog that stays mounted) or has nothing
 * left to keep (its action done). A form that stays open after saving calls `settled()` on
 * success: what it then holds is saved, no longer typed work.
 */
export function useKeepWhileOpen<V>(userId: string, form: string, current: (() => Kept<V> | null) | null, restored: boolean) {
  const latest = useRef(current);
  latest.current = current;
  /** The values when the form opened (or last saved), or null until the next render takes them. */
  const opened = useRef<string | null>(null);
  const fromDraft = useRef(restored);
  // Before the browser paints, so nothing can have been typed yet.
  useLayoutEffect(() => {
    const now = latest.current?.() ?? null;
    if (now === null) opened.current = null;
    else opened.current ??= JSON.stringify(now.values);
  });
  useEffect(
    () =>
      whileOpen(() => {
        const now = latest.current?.() ?? null;
        if (now === null || (!fromDraft.current && JSON.stringify(now.values) === opened.current)) return;
        keepDraft({ userId, form, values: now.values, base: now.base });
      }),
    [userId, form],
  );
  const settled = () => {
    fromDraft.current = false;
    opened.current = null;
  };
  return { settled };
}

/** A form whose save goes against `version` of the record, kept with its values as the base. */
export function keptAt<V>(values: V, version: number): Kept<V> {
  return { values, base: { values, version } };
}
