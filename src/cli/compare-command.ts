// `synthscore compare A.json B.json …`: the scores of separate runs side by side (e.g. the demo
// scored with MobileNetV2 and with Inception-V3), saying so when the runs used different models.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseReport } from '../core/report-parse.ts';
import { sideBySide, sideBySideLines } from '../report/side-by-side.ts';
import { printable } from './printable.ts';
import { InputError } from '../ingest/types.ts';

export async function runCompare(files: string[]): Promise<string> {
  const runs = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`Cannot read the report ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
    }
    try {
      runs.push({ label: basename(file).replace(/\.json$/i, ''), report: parseReport(text, file) });
    } catch (e) {
      throw new InputError((e as Error).message);
    }
  }
  return sideBySideLines(sideBySide(runs), printable).join('\n') + '\n';
}
