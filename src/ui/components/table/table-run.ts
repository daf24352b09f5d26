// The tabular run request the app sends: the first table file of each set (paths are
// "<set key>/<path in the set>", see src/pipeline/table/browser-table-io.ts).
import type { ListedSet } from '../../../ingest/types.ts';
import { tablePath } from '../../../pipeline/table/browser-table-io.ts';
import type { ScoreTableRequest } from '../../../pipeline/table/score-table.ts';

export function tableRequest(keys: string[], sets: { name: string; listed: ListedSet | null }[]): { table: ScoreTableRequest } {
  const path = (i: number) => tablePath(keys[i], sets[i].listed?.modality === 'table' ? sets[i].listed!.items[0]?.path ?? '' : '');
  return {
    table: {
      real: path(0),
      synthetic: sets.slice(1).map((s, i) => ({ name: s.name, path: path(i + 1) })),
    },
  };
}
