// Unsent note drafts, kept on this device (IndexedDB) while the connection is down, and only
// until they reach the server: never in Cache Storage, localStorage or the URL. Keyed by the
// signed-in user and the note, so a shared phone never offers one person's draft to another.

export interface StoredDraft {
  key: string;
  noteId: string;
  userId: string;
  /** The version the text was typed over: sent as If-Match, so a stale one still shows both texts. */
  baseVersion: number;
  sections: Record<string, string>;
  savedAt: string;
}

const DB_NAME = 'bridgeway-drafts';
const STORE = 'notes';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB open failed'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

const draftKey = (userId: string, noteId: string) => `${userId}:${noteId}`;

export async function putDraft(draft: Omit<StoredDraft, 'key'>): Promise<void> {
  await run('readwrite', (store) => store.put({ ...draft, key: draftKey(draft.userId, draft.noteId) }));
}

export async function getDraft(userId: string, noteId: string): Promise<StoredDraft | undefined> {
  return run<StoredDraft | undefined>('readonly', (store) => store.get(draftKey(userId, noteId)) as IDBRequest<StoredDraft | undefined>);
}

export async function deleteDraft(userId: string, noteId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(draftKey(userId, noteId)));
}
