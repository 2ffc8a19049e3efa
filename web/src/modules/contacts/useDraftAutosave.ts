import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { markSessionEnded, sessionKey } from '../session/sessionQueries.ts';
import type { Note } from './contactQueries.ts';
import { deleteDraft, getDraft, putDraft } from './draftStore.ts';

export type SaveState = 'saved' | 'saving' | 'unsent' | 'conflict';
type Sections = Record<string, string>;

const AUTOSAVE_MS = 800;
const RETRY_MS = 5000;

/**
 * A draft that saves itself while typed: each change goes to the device first (IndexedDB), then
 * to the server with If-Match. No connection: it stays on the device ("not yet sent") and goes
 * when the connection returns. A stale save (409) brings the server's text: both are shown,
 * and the writer chooses; neither is dropped.
 */
export function useDraftAutosave(note: Note, userId: string, onSaved: (note: Note) => void) {
  const [text, setText] = useState<Sections>(note.sections);
  const [state, setState] = useState<SaveState>('saved');
  const [theirs, setTheirs] = useState<Note | null>(null);
  const base = useRef(note.version);
  const latest = useRef(text);
  /** The text the server has: what is typed after it is unsent. */
  const onServer = useRef(text);
  const sending = useRef(false);
  const editable = note.status === 'draft' && note.author.id === userId;
  const queryClient = useQueryClient();

  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    setState('saving');
    const sent = latest.current;
    try {
      const result = await api.PATCH('/api/notes/{id}', {
        params: { path: { id: note.id } },
        body: { sections: sent },
        headers: { 'If-Match': `"${base.current}"` },
      });
      if (result.data) {
        base.current = result.data.version;
        onServer.current = sent;
        if (latest.current === sent) {
          await deleteDraft(userId, note.id).catch(ignore);
          setState('saved');
        } else setState('unsent');
        onSaved(result.data);
      } else if (result.response.status === 409 && isStale(result.error)) {
        setTheirs(result.error.current);
        setState('conflict');
      } else {
        setState('unsent');
        if (result.response.status === 401) {
          // The session ended (idle timeout, or ended elsewhere): the text stays on this device and
          // sign-in shows; signed in again, this screen opens and the text above is sent (issue 8).
          markSessionEnded();
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        }
      }
    } catch {
      setState('unsent'); // no connection: the text is on the device; the retry sends it
    } finally {
      sending.current = false;
    }
  }, [note.id, userId, onSaved, queryClient]);

  // A draft left on this device by an earlier visit (typed offline) comes back first.
  useEffect(() => {
    if (!editable) return;
    void getDraft(userId, note.id)
      .catch(ignore)
      .then((stored) => {
        if (!stored) return;
        base.current = stored.baseVersion;
        latest.current = stored.sections;
        setText(stored.sections);
        setState('unsent');
        void send();
      });
  }, [editable, note.id, userId, send]);

  // Typing: keep on the device at once, send after a pause.
  const change = useCallback(
    (section: string, value: string) => {
      const next = { ...latest.current, [section]: value };
      latest.current = next;
      setText(next);
      setState((current) => (current === 'conflict' ? current : 'unsent'));
      // No IndexedDB (a private window): the server save still goes; only the offline copy is missing.
      void putDraft({ noteId: note.id, userId, baseVersion: base.current, sections: next, savedAt: new Date().toISOString() }).catch(
        ignore,
      );
    },
    [note.id, userId],
  );

  useEffect(() => {
    if (state !== 'unsent') return;
    const timer = setTimeout(() => void send(), AUTOSAVE_MS);
    const retry = setInterval(() => void send(), RETRY_MS);
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      clearTimeout(timer);
      clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [state, text, send]);

  /** Conflict: keep my text over theirs (saved on top of their version). */
  const keepMine = useCallback(() => {
    if (theirs) base.current = theirs.version;
    setTheirs(null);
    setState('unsent');
  }, [theirs]);

  /** Conflict: take the saved text; mine is dropped from the device. */
  const takeTheirs = useCallback(() => {
    if (!theirs) return;
    base.current = theirs.version;
    latest.current = theirs.sections;
    setText(theirs.sections);
    setTheirs(null);
    onServer.current = theirs.sections;
    setState('saved');
    void deleteDraft(userId, note.id).catch(ignore);
    onSaved(theirs);
  }, [theirs, userId, note.id, onSaved]);

  /** Before signing: wait for the text to be on the server; answers the version to sign, or null if it is not there. */
  const flush = useCallback(async (): Promise<number | null> => {
    if (state === 'conflict') return null;
    while (sending.current) await new Promise((resolve) => setTimeout(resolve, 100));
    if (latest.current !== onServer.current) await send();
    return latest.current === onServer.current ? base.current : null;
  }, [state, send]);

  /** Marks the draft sensitive or not (docs/restrictions.md): saved with the text as it is, on the version the hook holds. */
  const markSensitive = useCallback(
    async (sensitive: boolean): Promise<boolean> => {
      const version = await flush();
      if (version === null) return false;
      const result = await api.PATCH('/api/notes/{id}', {
        params: { path: { id: note.id } },
        body: { sections: latest.current, sensitive },
        headers: { 'If-Match': `"${base.current}"` },
      });
      if (!result.data) return false;
      base.current = result.data.version;
      onSaved(result.data);
      return true;
    },
    [flush, note.id, onSaved],
  );

  return { text, state, theirs, editable, change, keepMine, takeTheirs, flush, markSensitive };
}

const ignore = () => undefined;

function isStale(error: unknown): error is { code: string; current: Note } {
  return typeof error === 'object' && error !== null && 'current' in error && (error as { code?: string }).code === 'stale-version';
}
