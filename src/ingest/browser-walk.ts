// Main-thread side of browser ingest: turns what the user dropped (DataTransfer items) or picked
// (a folder input with webkitdirectory, or a multi-file input) into FileRefs relative to one set
// root, then lists them with the shared rules (browser-list.ts). Needs the DOM: not for workers.
import type { Side } from '../report/schema.ts';
import { listFileRefs, type FileRef } from './browser-list.js';
import { cannotReadFile, cannotReadFolder, HIDDEN_FOLDER } from './skip-reasons.ts';
import type { ListedSet, SkippedItem } from './types.js';

export { listFileRefs, type FileRef } from './browser-list.js';

/** What one drop or pick gave: a display name for the set, its files and any folder problems. */
export interface CollectedSet {
  name: string;
  files: FileRef[];
  skipped: SkippedItem[];
  /** When the drop or pick that gave the set happened (its event's timeStamp, performance.now()'s
   *  clock): where the page's own listing time starts (listCollected's measure). */
  startedAt?: number;
}

/** Reads every entry of a directory: readEntries returns at most 100 per call, so read until empty. */
export async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject));

const isDir = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;
const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;

/**
 * Collects dropped items. One dropped folder is the set root; several dropped entries (folders or
 * files) become the top level of the set. Hidden folders are not entered (the lister reports them).
 */
export async function collectDataTransfer(items: DataTransferItemList, side: Side): Promise<CollectedSet> {
  // Entries must be taken synchronously, before the drop event's data store is cleared.
  const entries: FileSystemEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const e = items[i].kind === 'file' ? items[i].webkitGetAsEntry() : null;
    if (e) entries.push(e);
  }
  const files: FileRef[] = [];
  const skipped: SkippedItem[] = [];
  const walk = async (entry: FileSystemEntry, rel: string): Promise<void> => {
    if (isFile(entry)) {
      try {
        files.push({ path: rel, file: await fileOf(entry) });
      } catch (err) {
        skipped.push({ path: rel, side, reason: cannotReadFile(err) });
      }
    } else if (isDir(entry)) {
      if (entry.name.startsWith('.') && rel) {
        skipped.push({ path: rel, side, reason: HIDDEN_FOLDER });
        return;
      }
      let children: FileSystemEntry[];
      try {
        children = await readAllEntries(entry);
      } catch (err) {
        skipped.push({ path: rel || entry.name, side, reason: cannotReadFolder(err) });
        return;
      }
      for (const c of children) await walk(c, rel ? `${rel}/${c.name}` : c.name);
    }
  };
  if (entries.length === 1 && isDir(entries[0])) {
    await walk(entries[0], '');
    return { name: entries[0].name, files, skipped };
  }
  for (const e of entries) await walk(e, e.name);
  return { name: entries.length === 1 ? entries[0].name : `${entries.length} items`, files, skipped };
}

/**
 * Collects the files of an <input type=file>: with webkitdirectory each file's webkitRelativePath
 * starts with the chosen folder's name, which is the set root; plain picks are top-level files.
 */
export function collectInputFiles(list: FileList | readonly File[]): CollectedSet {
  const all = Array.from(list);
  const rels = all.map((f) => f.webkitRelativePath || f.name);
  const roots = new Set(rels.map((r) => (r.includes('/') ? r.slice(0, r.indexOf('/')) : '')));
  const oneRoot = roots.size === 1 && !roots.has('') ? [...roots][0] : null;
  const files = all.map((file, i) => ({ path: oneRoot ? rels[i].slice(oneRoot.length + 1) : rels[i], file }));
  return { name: oneRoot ?? (all.length === 1 ? all[0].name : `${all.length} files`), files, skipped: [] };
}

/** The prefix of the page's listing measures: 'synthscore:list real', '… synthetic', '… holdout'. */
export const LIST_MEASURE = 'synthscore:list';

/**
 * Lists a collected set with the shared rules, and records the page's own listing time as the
 * performance measure `synthscore:list <role>`: from the drop or pick (`set.startedAt`) to the set
 * listed, without what it took to hand the files to the page (scripts/bench-browser-rerun.ts reads it).
 */
export async function listCollected(set: CollectedSet, side: Side, opts: { signal?: AbortSignal; role?: string } = {}): Promise<ListedSet> {
  const start = set.startedAt ?? performance.now();
  const listed = await listFileRefs(set.name, set.files, side, { signal: opts.signal, skipped: set.skipped });
  try {
    performance.measure(`${LIST_MEASURE} ${opts.role ?? side}`, { start, end: performance.now() });
  } catch {
    // A timing only: a page whose performance API refuses the measure still gets its listing.
  }
  return listed;
}
