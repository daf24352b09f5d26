// The user's own image models (issue 15), kept in this browser's IndexedDB through `idb`: the page
// stores one when its form has checked it, the scoring worker reads it back by the SHA-256 of its
// .onnx file (getUserModel). A database of its own ('synthscore-models'), not a store in the vector
// cache's database, so neither schema's version waits on the other.
//
// How big a model fits: the .onnx protobuf format itself stops at 2 GiB (MAX_USER_MODEL_BYTES);
// below that the browser's per-origin quota decides (Chromium lets an origin use up to ~60% of the
// disk, Firefox ~10% of it, Safari about 1 GB before it asks), and the worker needs the whole file
// in memory (ONNX Runtime Web's WASM heap is 4 GB), so models of a few hundred MB are comfortable.
// Past the quota the write fails with QuotaExceededError: the transaction is aborted, so the model
// is not kept and nothing already stored (other models, cached vectors, reports) is lost; the
// caller gets a UserModelStorageError that says so.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { UserModel } from '../models/model-choice.ts';
import { isQuotaError } from './quota-guard.ts';

export const USER_MODELS_DB = 'synthscore-models';
const DB_VERSION = 1;
/** protobuf's limit on one message, so on one .onnx file without external data. */
export const MAX_USER_MODEL_BYTES = 2 ** 31 - 1;

/** What the chooser lists: a user model without its bytes (listing does not read every file). */
export type UserModelInfo = Omit<UserModel, 'bytes'> & { size: number };

interface UserModelsDB extends DBSchema {
  /** The listing: name, manifest, size. */
  models: { key: string; value: UserModelInfo };
  /** The .onnx bytes, apart, by the same key. */
  files: { key: string; value: Uint8Array };
}

let dbOnce: Promise<IDBPDatabase<UserModelsDB>> | null = null;

function db(): Promise<IDBPDatabase<UserModelsDB>> {
  dbOnce ??= openDB<UserModelsDB>(USER_MODELS_DB, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('models', { keyPath: 'sha256' });
        d.createObjectStore('files');
      }
    },
  }).catch((e: unknown) => {
    dbOnce = null; // a later call may try again (e.g. after the user frees space)
    throw e;
  });
  return dbOnce;
}

export class UserModelStorageError extends Error {
  override name = 'UserModelStorageError';
}

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/** Keeps a model (replacing one with the same file hash); a full disk is a UserModelStorageError. */
export async function putUserModel(m: UserModel): Promise<void> {
  if (m.bytes.byteLength > MAX_USER_MODEL_BYTES) {
    throw new UserModelStorageError(`"${m.fileName}" is ${mb(m.bytes.byteLength)}: a single .onnx file cannot exceed 2 GiB, so it was not kept.`);
  }
  const info: UserModelInfo = { sha256: m.sha256, fileName: m.fileName, manifest: m.manifest, addedAt: m.addedAt, size: m.bytes.byteLength };
  try {
    const d = await db();
    const tx = d.transaction(['models', 'files'], 'readwrite');
    await Promise.all([tx.objectStore('files').put(m.bytes, m.sha256), tx.objectStore('models').put(info), tx.done]);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    throw new UserModelStorageError(
      `"${m.fileName}" (${mb(m.bytes.byteLength)}) does not fit in the storage this browser gives the page, so it was not kept; ` +
      'nothing already stored was lost. Free space with "Clear cache", remove one of your models, or free disk space.',
    );
  }
}

/** A kept model with its bytes (the worker loads it from here), or undefined. */
export async function getUserModel(sha256: string): Promise<UserModel | undefined> {
  const d = await db();
  const tx = d.transaction(['models', 'files']);
  const [info, bytes] = await Promise.all([tx.objectStore('models').get(sha256), tx.objectStore('files').get(sha256), tx.done]);
  if (!info || !bytes) return undefined;
  const { size: _size, ...rest } = info;
  return { ...rest, bytes };
}

/** Every kept model, oldest first, without the bytes. */
export async function listUserModels(): Promise<UserModelInfo[]> {
  const all = await (await db()).getAll('models');
  return all.sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
}

export async function deleteUserModel(sha256: string): Promise<void> {
  const tx = (await db()).transaction(['models', 'files'], 'readwrite');
  await Promise.all([tx.objectStore('models').delete(sha256), tx.objectStore('files').delete(sha256), tx.done]);
}

/** Hex SHA-256 of a model file (WebCrypto): its name in this store and in the vector cache. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
