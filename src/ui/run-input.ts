// What a run sends to the worker: the dropped files under unique keys, and the one request for
// the real set's modality, as the one decision (ingest/modality.ts, the CLI's too) or the user's
// pick in a record file's field picker says. An optional real holdout goes as its own set and as
// `request.holdout` (the panel's DCR share; for tables, the path of its table file).
import type { FileSets } from '../pipeline/browser-env.ts';
import type { RequestOf, RunRequest } from '../pipeline/run-request.ts';
import type { Modality } from '../report/schema.ts';
import type { SetState } from './hooks/useSets.ts';
import { tablePaths, tableRequest, type TableChoices } from './components/table/table-run.ts';
import { setModalityOf, textRequest, type TextChoice } from './components/text/text-run.ts';

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
  real: SetState, synthetic: SetState[], textChoice: TextChoice | null, tableChoices: TableChoices, holdout: SetState | null = null,
): Promise<{ files: FileSets; request: RunRequest }> {
  const keys = uniqueKeys([real.name, ...synthetic.map((s) => s.name)]);
  const files: FileSets = {};
  // Each set's listing goes along, so the run does not sniff every file's head again (issue 17).
  [real, ...synthetic].forEach((s, i) => (files[keys[i]] = { files: s.collected.files, skipped: s.collected.skipped, listed: s.listed ?? undefined }));
  // A set with nothing usable goes as images: the worker's listing then says what is wrong with it.
  const modality = (await setModalityOf(real.collected, real.listed, textChoice)) ?? 'image';
  const requests: { [M in Modality]: () => Promise<RequestOf<M>> | RequestOf<M> } = {
    image: () => ({
      modality: 'image',
      real: keys[0],
      synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
      threshold: { kind: 'manifest' },
      map: {},
    }),
    text: () => textRequest(keys, real, synthetic, textChoice),
    table: () => tableRequest(keys, [real, ...synthetic], tableChoices),
  };
  const request = await requests[modality]();
  if (!holdout) return { files, request };
  const holdoutKey = uniqueKeys([...keys, `${holdout.name} (holdout)`]).at(-1)!;
  files[holdoutKey] = { files: holdout.collected.files, skipped: holdout.collected.skipped, listed: holdout.listed ?? undefined };
  // A table run reads the set's one table file, as for the real set (tablePaths).
  const path = request.modality === 'table' ? tablePaths([holdoutKey], [holdout]).real : holdoutKey;
  return { files, request: { ...request, holdout: path } };
}
