// The ingest interface, shared by the browser and Node walkers. Pure types, error classes and the CLASS RULE.
import { errorClass } from '../core/errors.ts';
import type { Modality, SkippedItem } from '../report/schema.ts';

export type { SkippedItem };

export type ItemKind = Modality | 'unknown';

/** How a text set's file is read: one text per file, or one per record. */
export type TextFormat = 'text' | 'jsonl' | 'json' | 'csv' | 'tsv';

export interface IngestItem {
  /** Relative to the set root, '/'-separated, no leading slash. */
  path: string;
  /** First path segment when the set has classes (see CLASS RULE below), else null. */
  className: string | null;
  /** File size in bytes. */
  size: number;
  kind: ItemKind;
  /** Format found by content sniffing: 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'csv' | 'parquet' | … */
  format: string;
}

/**
 * One folder (a real set or one synthetic set) after walking and sniffing.
 *
 * CLASS RULE: a set has classes when every usable item sits in a sub-folder of the root (depth ≥ 1);
 * then className = the first path segment and `classes` counts items per class (a single sub-folder
 * still gives one class; consumers decide what to do with fewer than two). If any usable item sits
 * directly in the root (root-level files mixed with sub-folders), there are no classes: every
 * className is null and `classes` is null. Skipped files do not count for the rule.
 *
 * MODALITY: the set's modality is the most common usable kind among its files (ties: image, then
 * table, then text). Only items of that kind are in `items`; every other file is in `skipped` with
 * a reason that names what it looks like. Nothing is dropped silently: hidden files and folders,
 * empty and unreadable files, unreadable folders all appear in `skipped`.
 */
export interface ListedSet {
  /** The set's root folder (resolved to an absolute path on Node). */
  root: string;
  /** Usable items, depth-first in code-point order of names: deterministic across runs and OSes. */
  items: IngestItem[];
  /** Paths relative to the root, like items. */
  skipped: SkippedItem[];
  classes: Record<string, number> | null;
  /** Readable, non-empty files by sniffed kind, including those skipped for the wrong kind. */
  countsByKind: Record<string, number>;
  /** Kind of `items`, or null when no usable file was found. */
  modality: Modality | null;
}

/** The user's input is unusable as a whole (missing root, not a folder). Test `err.name`. */
export const InputError = errorClass('InputError');

/** One file could not be decoded; `message` is a short human reason. Test `err.name`. */
export const DecodeError = errorClass('DecodeError');

/** Apply the CLASS RULE to paths relative to the root. */
export function classesOf(paths: readonly string[]): { classNames: (string | null)[]; classes: Record<string, number> | null } {
  const nested = paths.length > 0 && paths.every((p) => p.includes('/'));
  if (!nested) return { classNames: paths.map(() => null), classes: null };
  const classes: Record<string, number> = {};
  const classNames = paths.map((p) => {
    const c = p.slice(0, p.indexOf('/'));
    classes[c] = (classes[c] ?? 0) + 1;
    return c;
  });
  return { classNames, classes };
}
