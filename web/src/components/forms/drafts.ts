// What a user was typing when their session ended (issue 8, defect 4): kept in this tab's
// sessionStorage, never in the URL, for the same user only, and handed back once after they
// sign in again. Signing out on purpose drops it. Pure apart from the storage, so node:test
// covers it with a stand-in.

const KEY = 'bridgeway.drafts';
/** A draft older than this is not offered again (a sign-in the next morning starts afresh). */
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface Draft<V> {
  userId: string;
  /** Which form, named by its module: `patient:<id>`, `consent:new:<patientId>`, `episode:<id>:placement`, … */
  form: string;
  values: V;
  /** The record as it was when the user started typing, so a save sends only their changes. */
  base: { values: V; version: number } | null;
  savedAt: number;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage refused (private browsing)
  }
}

function read(store: Storage): Draft<unknown>[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Draft<unknown>[]) : [];
  } catch {
    return [];
  }
}

/** Keeps what was typed in `form` by `userId` (replacing an older draft of the same form). */
export function keepDraft<V>(draft: Omit<Draft<V>, 'savedAt'>, now = Date.now(), store: Storage | null = storage()): void {
  if (store === null) return;
  const others = read(store).filter((kept) => !(kept.userId === draft.userId && kept.form === draft.form));
  try {
    store.setItem(KEY, JSON.stringify([...others, { ...draft, savedAt: now }]));
  } catch {
    // Full or refused: nothing to keep.
  }
}

/** The draft of `form` for `userId`, left in place (a render may look; an effect then takes it). */
export function peekDraft<V>(userId: string, form: string, now = Date.now(), store: Storage | null = storage()): Draft<V> | null {
  if (store === null) return null;
  const found = read(store).find((kept) => kept.userId === userId && kept.form === form && now - kept.savedAt < MAX_AGE_MS);
  return (found as Draft<V> | undefined) ?? null;
}

/** Whether there is a draft of `form` for `userId` to offer. */
export function hasDraft(userId: string, form: string, now = Date.now(), store: Storage | null = storage()): boolean {
  return peekDraft(userId, form, now, store) !== null;
}

/**
 * The forms named `<prefix><id>` that `userId` has a draft of, as their ids: a list screen
 * opens the dialog again for the one record whose dialog was open when the session ended.
 */
export function draftIdsOf(userId: string, prefix: string, now = Date.now(), store: Storage | null = storage()): string[] {
  if (store === null) return [];
  return read(store)
    .filter((kept) => kept.userId === userId && kept.form.startsWith(prefix) && now - kept.savedAt < MAX_AGE_MS)
    .map((kept) => kept.form.slice(prefix.length));
}

/** Hands back the draft of `form` for `userId`, once: it is removed as it is taken. */
export function takeDraft<V>(userId: string, form: string, now = Date.now(), store: Storage | null = storage()): Draft<V> | null {
  if (store === null) return null;
  const all = read(store);
  const found = all.find((kept) => kept.userId === userId && kept.form === form && now - kept.savedAt < MAX_AGE_MS);
  const rest = all.filter((kept) => kept !== found && now - kept.savedAt < MAX_AGE_MS);
  try {
    if (rest.length === 0) store.removeItem(KEY);
    else store.setItem(KEY, JSON.stringify(rest));
  } catch {
    // Refused: the draft is still handed back.
  }
  return (found as Draft<V> | undefined) ?? null;
}

/** Keeps what an open form holds, if anything was typed in it. */
type Keeper = () => void;
const openForms = new Set<Keeper>();

/**
 * An open form's way to keep what is typed in it, for as long as it is open: any request that
 * finds the session ended (a read after the laptop wakes, a section loading late) keeps every
 * open form's values before sign-in replaces the screen, not only the form whose save met it.
 * Returns the function that forgets it (the form closed).
 */
export function whileOpen(keep: Keeper): () => void {
  openForms.add(keep);
  return () => openForms.delete(keep);
}

/** The session was found ended: each open form keeps what was typed in it (queryClient.ts). */
export function keepOpenForms(): void {
  for (const keep of openForms) keep();
}

const SIGNED_OUT = 'bridgeway.signed-out';

/**
 * Signing out on purpose in one tab: the drafts of every tab of this browser go (each tab has
 * its own storage, and another tab's open forms would otherwise keep what they hold on their
 * next refused read).
 */
export function dropDraftsInEveryTab(): void {
  dropDrafts();
  try {
    const channel = new BroadcastChannel(SIGNED_OUT);
    channel.postMessage('dropped');
    channel.close();
  } catch {
    // No BroadcastChannel: other tabs keep theirs until their own sign-out.
  }
}

/** This tab drops its drafts when another tab signs out on purpose (app/start.tsx). */
export function dropDraftsWhenSignedOutElsewhere(): void {
  try {
    new BroadcastChannel(SIGNED_OUT).onmessage = () => dropDrafts();
  } catch {
    // No BroadcastChannel: see dropDraftsInEveryTab.
  }
}

/** Signing out on purpose: no draft outlives it (a shared computer). */
export function dropDrafts(store: Storage | null = storage()): void {
  // Nor does a form still open as the screen changes: a read refused meanwhile keeps nothing.
  openForms.clear();
  try {
    store?.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
