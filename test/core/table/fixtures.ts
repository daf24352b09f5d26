// Real tables nobody here wrote (vega-datasets), and constructed synthetic sets with known effects.
import { readFileSync } from 'node:fs';
import type { Cell } from '../../../src/core/table/types.ts';
import { createRng, shuffle } from '../../../src/core/random.ts';
import { parseTable } from '../../../src/ingest/table/parse.ts';

export const VEGA = 'node_modules/vega-datasets/data';

export interface Split { columns: string[]; real: Cell[][]; holdout: Cell[][] }

export async function loadVega(file: string): Promise<{ columns: string[]; data: Cell[][]; n: number }> {
  const t = await parseTable(readFileSync(`${VEGA}/${file}`), file);
  return { columns: t.columns, data: t.data, n: t.nRows };
}

/** Rows shuffled with a seed, then cut in two: a real set and a held-out set of fresh real rows. */
export async function splitVega(file: string, seed = 1, fraction = 0.5): Promise<Split> {
  const t = await loadVega(file);
  const order = shuffle(Array.from({ length: t.n }, (_, i) => i), createRng(seed));
  const cut = Math.round(fraction * t.n);
  const take = (rows: number[]) => t.data.map((col) => rows.map((r) => col[r]));
  return { columns: t.columns, real: take(order.slice(0, cut)), holdout: take(order.slice(cut)) };
}

/** Each column permuted independently: right marginals, broken dependencies. */
export function independentColumns(data: Cell[][], seed = 2): Cell[][] {
  const rng = createRng(seed);
  return data.map((col) => shuffle([...col], rng));
}

export function rowsOf(data: Cell[][], rows: number[]): Cell[][] {
  return data.map((col) => rows.map((r) => col[r]));
}

export function concatRows(a: Cell[][], b: Cell[][]): Cell[][] {
  return a.map((col, c) => [...col, ...b[c]]);
}
