// `--modality auto` from the command line: the real path as a ModalitySource for the one decision
// (ingest/modality.ts, the app's too), with the choice and its reason printed on stderr.
import { open, stat } from 'node:fs/promises';
import type { Modality } from '../report/schema.ts';
import { decideModality, type ModalityHints, type ModalitySource } from '../ingest/modality.ts';
import { listSet } from '../ingest/node-walk.ts';
import { InputError } from '../ingest/types.ts';
import { printable } from './printable.ts';

/** A path as the decision sees it: a listed folder, or a file whose head can be read. */
export async function nodeModalitySource(path: string): Promise<ModalitySource> {
  const info = await stat(path).catch(() => {
    throw new InputError(`The real path does not exist: ${path}`);
  });
  if (info.isDirectory()) return { kind: 'folder', path, listed: (await listSet(path, 'real')).modality };
  return { kind: 'file', path, size: info.size, head: (bytes) => readHead(path, bytes) };
}

export async function detectModality(path: string, hints: ModalityHints & { quiet?: boolean }): Promise<Modality> {
  const src = await nodeModalitySource(path);
  const { modality, reason, fields } = await decideModality(src, hints);
  if (fields && !hints.quiet) process.stderr.write(`modality: ${modality} (${printable(path)}: ${printable(reason)}; --modality sets it)\n`);
  return modality;
}

async function readHead(path: string, max: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min((await handle.stat()).size, max));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
