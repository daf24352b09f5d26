// Writes a report's text as it is made, piece by piece, to a file or to stdout: a report of
// millions of rows never becomes one string (V8 refuses strings over ~512 MB), and a slow disk or
// pipe holds the writer back instead of the whole text piling up in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export async function writePieces(target: string, pieces: Iterable<string>): Promise<void> {
  const out: Writable = target === '-' ? process.stdout : createWriteStream(target);
  const failed = target === '-' ? null : new Promise<never>((_, reject) => out.once('error', reject));
  failed?.catch(() => {});
  const write = async (piece: string) => {
    if (!out.write(piece)) await Promise.race([once(out, 'drain'), ...(failed ? [failed] : [])]);
  };
  for (const piece of pieces) await write(piece);
  if (target === '-') return;
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
