// The real set's kNN graphs among itself (core/engine.ts SharedRows), kept in this worker or
// process: every experiment of a run and the next run on the same real set skip those tiles
// (issue 17: the prompt loop re-runs one real set against new synthetic sets). Keyed by the real
// rows' own vectors and copy candidates, so another model, decode or file order starts afresh.
import type { SharedRows } from '../core/engine.ts';
import { recentlyUsed } from '../core/memoise.ts';
import { bytesHash } from './content-hash.ts';

/** The last few real sets (one per modality in a page's loop is the common case). */
const kept = recentlyUsed<SharedRows>(4);

/** The kept graphs of these real rows (empty the first time: the first analysis fills them). */
export async function keptRealGraphs(rows: number, ...content: ArrayBufferView[]): Promise<SharedRows> {
  const key = `${rows}:${await bytesHash(...content)}`;
  const entry = kept.get(key) ?? { rows };
  kept.set(key, entry);
  return entry;
}
