import type { ActiveMatching } from './active-matching';

/** Where the background keeps the compiled matcher of an import between its restarts. */
export interface CompiledMatcherStore {
  get(key: string): Promise<unknown>;
  /** Keeps this one only (an older import's is dropped). */
  put(key: string, value: ActiveMatching): Promise<void>;
}

const DB_NAME = 'cluster-lens';
const STORE = 'compiled-matcher';

/**
 * The database with its store; created when missing, also when another context opened the
 * database without it (an empty database at version 1 would never be upgraded otherwise).
 */
async function open(version?: number): Promise<IDBDatabase> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
  if (db.objectStoreNames.contains(STORE) || version !== undefined) return db;
  const next = db.version + 1;
  db.close();
  return open(next);
}

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('IndexedDB write failed'));
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
    }
  });
}

/**
 * IndexedDB, which stores typed arrays as they are (storage.local would turn them into JSON
 * objects, and its 10 MB quota is the import's own).
 */
export const compiledMatcherStore: CompiledMatcherStore = {
  async get(key) {
    const db = await open();
    try {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      await done(request);
      return request.result as unknown;
    } finally {
      db.close();
    }
  },
  async put(key, value) {
    const db = await open();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.clear();
      store.put(value, key);
      await done(tx);
    } finally {
      db.close();
    }
  },
};
