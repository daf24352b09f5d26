// The browser's vector cache and report store, in IndexedDB through `idb`.
// One typed schema, one DB_VERSION, `if (oldVersion < N)` upgrade steps. Vectors are keyed by
// `${modelKey}:${fileHash}` (modelKey = model id @ version), so a renamed file is still a hit and a
// new model version never reads old vectors. No awaits on other work inside a transaction.
// Eviction: when more than `maxVectors` are stored, the least recently written go first.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Report } from '../report/schema.ts';
import { assertContentHash, type CachedVector, type VectorCache } from './vector-cache.ts';

export const DB_NAME = 'synthscore';
export const DB_VERSION = 3;
/** About 1.4 GB of 1792-d vectors. */
export const DEFAULT_MAX_VECTORS = 200_000;
/** Small JPEGs (a few kB each): about 100 MB at most. Oldest written go first. */
export const MAX_THUMBNAILS = 30_000;

export interface VectorRecord {
  key: string;
  modelKey: string;
  vector: Float32Array;
  pixelHash: string;
  /** Write time (ms since epoch): the eviction order. */
  at: number;
}

export interface ReportRecord {
  id?: number;
  createdAt: string;
  /** What the user called the run (the real set's name). */
  title: string;
  report: Report;
}

/** A small JPEG of one item, keyed by its content hash, so galleries show images after a reload. */
export interface ThumbnailRecord {
  hash: string;
  blob: Blob;
  at: number;
}

export interface SynthScoreDB extends DBSchema {
  vectors: { key: string; value: VectorRecord; indexes: { 'by-at': number; 'by-model': string } };
  reports: { key: number; value: ReportRecord; indexes: { 'by-created': string; 'by-fingerprint': string } };
  thumbnails: { key: string; value: ThumbnailRecord; indexes: { 'by-at': number } };
}

export function openSynthScoreDB(name = DB_NAME): Promise<IDBPDatabase<SynthScoreDB>> {
  return openDB<SynthScoreDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const vectors = db.createObjectStore('vectors', { keyPath: 'key' });
        vectors.createIndex('by-at', 'at');
        vectors.createIndex('by-model', 'modelKey');
        const reports = db.createObjectStore('reports', { keyPath: 'id', autoIncrement: true });
        reports.createIndex('by-created', 'createdAt');
      }
      if (oldVersion < 2) {
        const thumbnails = db.createObjectStore('thumbnails', { keyPath: 'hash' });
        thumbnails.createIndex('by-at', 'at');
      }
      // An unchanged re-run finds its stored report without reading every kept report.
      if (oldVersion < 3) tx.objectStore('reports').createIndex('by-fingerprint', 'report.inputs.fingerprint');
    },
    blocked() {
      // Another tab holds an older version open; it will be asked to close (see `blocking`).
    },
    blocking() {
      // A newer version of the app wants to upgrade: let it.
    },
  });
}

export interface IdbVectorCache extends VectorCache {
  /** Deletes every cached vector (all models). */
  clear(): Promise<void>;
}

/** A VectorCache for one model over the shared database. */
export async function openIdbCache(
  modelKey: string,
  opts: { dbName?: string; maxVectors?: number } = {},
): Promise<IdbVectorCache> {
  const db = await openSynthScoreDB(opts.dbName);
  const maxVectors = opts.maxVectors ?? DEFAULT_MAX_VECTORS;
  let size = await db.countFromIndex('vectors', 'by-model', modelKey);
  const key = (fileHash: string) => `${modelKey}:${fileHash}`;

  const evict = async () => {
    const total = await db.count('vectors');
    let excess = total - maxVectors;
    if (excess <= 0) return;
    const tx = db.transaction('vectors', 'readwrite');
    let cursor = await tx.store.index('by-at').openCursor();
    while (cursor && excess > 0) {
      if (cursor.value.modelKey === modelKey) size--;
      await cursor.delete();
      excess--;
      cursor = await cursor.continue();
    }
    await tx.done;
  };

  return {
    async get(fileHash) {
      assertContentHash(fileHash);
      const r = await db.get('vectors', key(fileHash));
      return r ? { vector: r.vector, pixelHash: r.pixelHash } : undefined;
    },
    async getMany(fileHashes) {
      fileHashes.forEach(assertContentHash);
      if (fileHashes.length === 0) return [];
      // One readonly transaction for the batch: a transaction per key cost more than the read.
      const tx = db.transaction('vectors', 'readonly');
      const [records] = await Promise.all([Promise.all(fileHashes.map((h) => tx.store.get(key(h)))), tx.done]);
      return records.map((r) => (r ? { vector: r.vector, pixelHash: r.pixelHash } : undefined));
    },
    async putMany(entries: { fileHash: string; value: CachedVector }[]) {
      if (entries.length === 0) return;
      entries.forEach((e) => assertContentHash(e.fileHash));
      const at = Date.now();
      const tx = db.transaction('vectors', 'readwrite', { durability: 'strict' });
      const fresh = await Promise.all(entries.map((e) => tx.store.getKey(key(e.fileHash))));
      await Promise.all(entries.map((e) =>
        tx.store.put({ key: key(e.fileHash), modelKey, vector: e.value.vector, pixelHash: e.value.pixelHash, at })));
      await tx.done;
      size += fresh.filter((k) => k === undefined).length;
      if (size > maxVectors) await evict();
    },
    get size() {
      return size;
    },
    async clear() {
      await db.clear('vectors');
      size = 0;
    },
    async close() {
      db.close();
    },
  };
}

/** Vectors stored for every model (image and text): what "Cache: N vectors" counts. */
export async function countVectors(dbName?: string): Promise<number> {
  const db = await openSynthScoreDB(dbName);
  try {
    return await db.count('vectors');
  } finally {
    db.close();
  }
}

/** Past reports, newest first: the comparison table survives a reload. */
export async function saveReport(report: Report, title: string, dbName?: string): Promise<number> {
  const db = await openSynthScoreDB(dbName);
  try {
    return await db.add('reports', { createdAt: report.createdAt, title, report });
  } finally {
    db.close();
  }
}

export async function listReports(dbName?: string): Promise<ReportRecord[]> {
  const db = await openSynthScoreDB(dbName);
  try {
    return (await db.getAllFromIndex('reports', 'by-created')).reverse();
  } finally {
    db.close();
  }
}

/** The newest kept report of a run with this input fingerprint (Report.inputs), if any. */
export async function findReportByFingerprint(fingerprint: string, dbName?: string): Promise<ReportRecord | undefined> {
  const db = await openSynthScoreDB(dbName);
  try {
    return (await db.getAllFromIndex('reports', 'by-fingerprint', fingerprint)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  } finally {
    db.close();
  }
}

export async function deleteReport(id: number, dbName?: string): Promise<void> {
  const db = await openSynthScoreDB(dbName);
  try {
    await db.delete('reports', id);
  } finally {
    db.close();
  }
}

/** The content hashes that have a stored thumbnail. */
export async function storedThumbnailHashes(dbName?: string): Promise<Set<string>> {
  const db = await openSynthScoreDB(dbName);
  try {
    return new Set(await db.getAllKeys('thumbnails'));
  } finally {
    db.close();
  }
}

/** Deletes every stored thumbnail (they are pictures of the user's data: Clear cache removes them too). */
export async function clearThumbnails(dbName?: string): Promise<void> {
  const db = await openSynthScoreDB(dbName);
  try {
    await db.clear('thumbnails');
  } finally {
    db.close();
  }
}

export async function getThumbnail(hash: string, dbName?: string): Promise<Blob | undefined> {
  const db = await openSynthScoreDB(dbName);
  try {
    return (await db.get('thumbnails', hash))?.blob;
  } finally {
    db.close();
  }
}

/** Stores thumbnails; beyond `max`, the oldest written are deleted. */
export async function putThumbnails(entries: { hash: string; blob: Blob }[], opts: { dbName?: string; max?: number } = {}): Promise<void> {
  if (entries.length === 0) return;
  const db = await openSynthScoreDB(opts.dbName);
  try {
    const at = Date.now();
    const tx = db.transaction('thumbnails', 'readwrite');
    await Promise.all(entries.map((e) => tx.store.put({ hash: e.hash, blob: e.blob, at })));
    await tx.done;
    let excess = (await db.count('thumbnails')) - (opts.max ?? MAX_THUMBNAILS);
    if (excess <= 0) return;
    const ev = db.transaction('thumbnails', 'readwrite');
    let cursor = await ev.store.index('by-at').openCursor();
    while (cursor && excess-- > 0) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await ev.done;
  } finally {
    db.close();
  }
}
