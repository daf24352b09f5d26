// What a run sends to the worker: the dropped files under unique keys, and the one request for
// their modality (text when the real set is text, table when it is a table, else images).
import type { FileSets } from '../pipeline/browser-env.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import type { SetState } from './hooks/useSets.ts';
import { tableRequest, type TableChoices } from './components/table/table-run.ts';
import { textRequestOf, type TextChoice } from './components/text/text-run.ts';

/** Unique keys for the worker (two folders may share a name). */
function uniqueKeys(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const c = (seen.get(n) ?? 0) + 1;
    seen.set(n, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

export async function runInputOf(
  real: SetState, synthetic: SetState[], textChoice: TextChoice | null, tableChoices: TableChoices,
): Promise<{ files: FileSets; request: RunRequest }> {
  const keys = uniqueKeys([real.name, ...synthetic.map((s) => s.name)]);
  const files: FileSets = {};
  [real, ...synthetic].forEach((s, i) => (files[keys[i]] = { files: s.collected.files, skipped: s.collected.skipped }));
  const text = await textRequestOf(keys, real, synthetic, textChoice);
  if (text) return { files, request: text };
  if (real.listed?.modality === 'table') return { files, request: tableRequest(keys, [real, ...synthetic], tableChoices) };
  const image: RunRequest = {
    modality: 'image',
    real: keys[0],
    synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
    threshold: { kind: 'manifest' },
    map: {},
  };
  return { files, request: image };
}
