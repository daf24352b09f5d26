// Why a file is left out of a set, in the words users see (the skipped-files list of the app, the
// CLI's "skipped" lines), spelled once for the Node and browser readers and both image decoders.
// Pure: runs in Node, a window and a worker.
import type { Modality } from '../report/schema.ts';

export const HIDDEN_FILE = 'hidden file';
export const HIDDEN_FOLDER = 'hidden folder, not scanned';
export const EMPTY_FILE = 'empty file (0 bytes)';
export const NOT_REGULAR_FILE = 'not a regular file';
export const BROKEN_LINK = 'broken symbolic link';
export const LINK_LOOP = 'folder already scanned (symbolic link loop)';
export const BINARY_NOT_TEXT = 'binary data, not text';

const OS_WORDS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder', ELOOP: 'too many symbolic links', EIO: 'input/output error',
  EMFILE: 'too many open files', ENAMETOOLONG: 'name too long', EISDIR: 'is a folder',
};

/**
 * A short reason from a thrown value: 'permission denied (EACCES)' from a Node fs error (its
 * string `code`), an Error's or DOMException's message (its name when the message is empty).
 */
export function errorReason(err: unknown): string {
  const e = err as { code?: unknown; message?: string; name?: string } | null;
  if (e && typeof e.code === 'string') return `${OS_WORDS[e.code] ?? e.message} (${e.code})`;
  if (e && typeof e === 'object' && e.name) return e.message || e.name;
  return String(err);
}

/** An entry that could not even be looked at (file or folder unknown). */
export const cannotRead = (err: unknown): string => `cannot read: ${errorReason(err)}`;
export const cannotReadFile = (err: unknown): string => `cannot read file: ${errorReason(err)}`;
export const cannotReadFolder = (err: unknown): string => `cannot read folder: ${errorReason(err)}`;

const ARTICLE: Record<Modality, string> = { image: 'an image', table: 'a table', text: 'text' };

/** A file of another kind than the set's (or than a decoder wants): 'not an image (looks like text)'. */
export const notOfKind = (kind: Modality, looksLike: string): string => `not ${ARTICLE[kind]} (looks like ${looksLike})`;

/** A file in a set where no file is usable. */
export const unrecognisedType = (looksLike: string): string => `unrecognised file type (looks like ${looksLike})`;

/** A file in a folder of text files that is not a .txt/.md file; a record file gets a hint. */
export const notTextFile = (isRecordFile: boolean): string =>
  `not a .txt or .md file${isRecordFile ? ' (give a record file as the set on its own)' : ''}`;

/** An image whose bytes the decoder refused. */
export const corruptImage = (format: string, why: string): string => `truncated or corrupt ${format}: ${why}`;

/** An image whose header gives a zero or negative width or height. */
export const badImageSize = (format: string, width: number, height: number): string =>
  `corrupt ${format}: the header gives an impossible size ${width}×${height}`;

/** A file that ends before the pixel data its header describes. */
export const truncatedImage = (format: string, width: number, height: number, length: number): string =>
  `truncated ${format}: the header says ${width}×${height} but the file ends at byte ${length}`;

/** Megapixels, cut (never rounded up) to as many decimals as it takes to exceed `limit`: 40.2 over 40, not 40. */
function megapixels(n: number, limit: number): string {
  let digits = 0;
  while (digits < 6 && Math.floor(n / 10 ** (6 - digits)) <= limit / 10 ** (6 - digits)) digits++;
  return (Math.floor(n / 10 ** (6 - digits)) / 10 ** digits).toFixed(digits);
}

/** An image file refused from its size alone, before it is read: no image within the pixel limit
 *  needs that many bytes (see maxImageFileBytes). */
export const tooLargeImageFile = (bytes: number, maxBytes: number, raise?: string): string =>
  `too large: a ${(bytes / 1e6).toFixed(0)} MB file, more than an image within the pixel limit can take (${(maxBytes / 1e6).toFixed(0)} MB)${raise ? ` (${raise})` : ''}`;

/** An image refused from its header: decoding it would take more memory than a run allows. */
export const tooLargeImage = (width: number, height: number, maxPixels: number, raise?: string): string =>
  `too large: ${width}×${height} = ${megapixels(width * height, maxPixels)} Mpx, over the ${maxPixels / 1e6} Mpx limit${raise ? ` (${raise})` : ''}`;
