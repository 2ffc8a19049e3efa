import { useEffect, useState } from 'react';
import { ApiError } from '../../api/problem.ts';
import { keepDraft, peekDraft, takeDraft, type Draft } from './drafts.ts';

/**
 * A form that outlives its session (issue 8, defect 4; drafts.ts). `restored` is what the user
 * typed before their session ended, handed back once: it is taken from storage as the form
 * mounts, so a save or a cancel afterwards leaves nothing behind. `keepIfSignedOut` keeps the
 * values when a save is refused because the session ended, with `base` (the record as first
 * read) so the save after sign-in still goes against that version and a change made meanwhile
 * is a 409, never overwritten.
 */
export function useKeptDraft<V>(userId: string, form: string) {
  const [restored] = useState(() => peekDraft<V>(userId, form));
  useEffect(() => {
    if (restored !== null) takeDraft(userId, form);
  }, [restored, userId, form]);
  const keepIfSignedOut = (error: unknown, values: V, base: Draft<V>['base'] = null): boolean => {
    if (!(error instanceof ApiError) || error.problemType !== 'unauthenticated') return false;
    // Never in the URL: this tab's storage only (drafts.ts).
    keepDraft({ userId, form, values, base });
    return true;
  };
  return { restored, keepIfSignedOut };
}
