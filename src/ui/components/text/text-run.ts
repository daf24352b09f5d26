// Decides whether a run is a text run (as the CLI's `--modality auto` does) and builds its request:
// the real set is a folder whose usable files are text (.txt/.md), or one .jsonl/.json file whose
// first records have a "text" field.
import type { CollectedSet } from '../../../ingest/browser-walk.ts';
import { recordFileOf } from '../../../ingest/browser-text.ts';
import type { ListedSet } from '../../../ingest/types.ts';
import type { TextScoreRequest } from '../../../pipeline/text/score-text.ts';

const JSON_EXT = /\.(jsonl|ndjson|json)$/i;

export async function isTextSet(collected: CollectedSet, listed: ListedSet | null): Promise<boolean> {
  const record = recordFileOf(collected.files);
  if (record) {
    if (!JSON_EXT.test(record.path)) return false;
    const head = await record.file.slice(0, 64 * 1024).text();
    return /"text"\s*:\s*"/.test(head);
  }
  return listed?.modality === 'text';
}

/** The text request for a run whose sets go to the worker under `keys` (real first), or null. */
export async function textRequestOf(
  keys: string[], real: { collected: CollectedSet; listed: ListedSet | null }, synthetic: { name: string }[],
): Promise<TextScoreRequest | null> {
  if (!(await isTextSet(real.collected, real.listed))) return null;
  return {
    real: keys[0],
    synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
    threshold: { kind: 'manifest' },
    map: {},
  };
}
