// Content sniffing: what a file is, from its first bytes (magic numbers) and, for text-like
// content, its extension. Content wins over the extension. Pure: runs in Node and the browser.
import type { ItemKind } from './types.js';

export interface Sniffed {
  kind: ItemKind;
  /** Short format id: jpeg png gif webp bmp | parquet csv tsv json jsonl | txt md text | tiff heif avif pdf zip gzip svg binary … */
  format: string;
  /** Human label for messages: 'JPEG image', 'CSV table', 'PDF document', 'binary data', … */
  label: string;
}

/** How many leading bytes sniffKind wants (magic needs 32; the text heuristic uses up to this). */
export const SNIFF_BYTES = 512;

const TABLE_EXT: Record<string, string> = { csv: 'CSV', tsv: 'TSV', jsonl: 'JSON Lines', ndjson: 'JSON Lines', json: 'JSON' };
const TEXT_EXT: Record<string, string> = { txt: 'text', md: 'Markdown text', markdown: 'Markdown text' };

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(b: Uint8Array, at: number, len: number): string {
  let s = '';
  for (let i = at; i < at + len && i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function u32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** True when the bytes look like text: no NUL, few C0 control characters (UTF-8 or Latin-1 both pass). */
export function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control / b.length < 0.05;
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/**
 * Sniff a file's kind from its first bytes (pass at least 32, ideally SNIFF_BYTES) and its name.
 * Images: JPEG, PNG, GIF, WebP, BMP (by magic only). Tables: Parquet (PAR1 magic), and textual
 * .csv/.tsv/.json/.jsonl. Text: textual .txt/.md or any other textual content. Recognised but
 * unsupported (kind 'unknown'): TIFF, HEIF/AVIF, SVG, PDF, ZIP, GZIP; everything else is 'binary'.
 */
export function sniffKind(bytes: Uint8Array, name: string): Sniffed {
  const b = bytes;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg', label: 'JPEG image' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png', label: 'PNG image' };
  const head6 = ascii(b, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return { kind: 'image', format: 'gif', label: 'GIF image' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return { kind: 'image', format: 'webp', label: 'WebP image' };
  // 'BM' alone is weak (a text file may start with it): also require a known DIB header size.
  if (b.length >= 18 && b[0] === 0x42 && b[1] === 0x4d && BMP_HEADER_SIZES.has(u32le(b, 14))) {
    return { kind: 'image', format: 'bmp', label: 'BMP image' };
  }
  if (ascii(b, 0, 4) === 'PAR1') return { kind: 'table', format: 'parquet', label: 'Parquet table' };

  // Recognised, not supported.
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'unknown', format: 'tiff', label: 'TIFF image (unsupported format)' };
  }
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return { kind: 'unknown', format: 'avif', label: 'AVIF image (unsupported format)' };
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      return { kind: 'unknown', format: 'heif', label: 'HEIF image (unsupported format)' };
    }
    return { kind: 'unknown', format: 'mp4', label: 'video or ISO media file' };
  }
  if (ascii(b, 0, 5) === '%PDF-') return { kind: 'unknown', format: 'pdf', label: 'PDF document' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'unknown', format: 'zip', label: 'ZIP archive' };
  if (startsWith(b, [0x1f, 0x8b])) return { kind: 'unknown', format: 'gzip', label: 'gzip archive' };

  const ext = extensionOf(name);
  if (looksLikeText(b)) {
    const lead = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
    if (ext === 'svg' || lead.startsWith('<svg') || (lead.startsWith('<?xml') && lead.includes('<svg'))) {
      return { kind: 'unknown', format: 'svg', label: 'SVG image (unsupported format)' };
    }
    if (ext in TABLE_EXT) return { kind: 'table', format: ext === 'ndjson' ? 'jsonl' : ext, label: `${TABLE_EXT[ext]} table` };
    if (ext in TEXT_EXT) return { kind: 'text', format: ext === 'markdown' ? 'md' : ext, label: TEXT_EXT[ext] };
    return { kind: 'text', format: 'text', label: 'text' };
  }
  return { kind: 'unknown', format: 'binary', label: ext ? `binary data (.${ext})` : 'binary data' };
}
