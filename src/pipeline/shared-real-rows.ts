// The real set's kNN graphs among itself (core/engine.ts SharedRows), kept in this worker or
// process: every experiment of a run and the next run on the same real set skip those tiles
// (issue 17: the prompt loop re-runs one real set against new synthetic sets). Keyed by the real
// rows' own vectors and copy candidates, so another model, decode or file order starts afresh.
import type { SharedRows } from '../core/engine.ts';
import { bytesHash } from './content-hash.ts';

/** The last few real sets (one per modality in a page's loop is the common case). */
const KEPT = 4;
const kept = new Map<string, SharedRows>();

/** The kept graphs of these real rows (empty the first time: the first analysis fills them). */
export async function sharedRealRows(rows: number, ...content: ArrayBufferView[]): Promise<SharedRows> {
  const key = `${rows}:${await bytesHash(...content)}`;
  const entry = kept.get(key) ?? { rows };
  kept.delete(key);
  kept.set(key, entry); // most recently used last
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return entry;
}
