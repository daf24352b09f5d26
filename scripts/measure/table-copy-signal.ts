// The calibration report of the tabular all-columns rule (docs/copy-signal-tables.md) on every
// vega-datasets table the project's reader loads: the relative tolerance calibrated on the table
// (tolerance-calibration.ts: the largest ladder step with ≤ 1% of real rows joined to a distinct real
// row), its null false-pair rate, the catch rate per kind of light edit at that tolerance, and real
// vs real (two disjoint seeded halves, one scored as synthetic) at 1% and at the tolerance calibrated
// on the half that plays the real set, with that half's column types (as the pipeline does).
//   npx tsx scripts/measure/table-copy-signal.ts [--seed 1] [--max-rows 50000] [file …]
// Tables with more rows than --max-rows are cut to a seeded sample of that many rows.
import { readdirSync, readFileSync } from 'node:fs';
import { planColumns } from '../../src/core/table/columns.ts';
import { RELATIVE_TOLERANCE } from '../../src/core/table/near-duplicates.ts';
import { realVsReal } from '../../src/core/table/rule-calibration.ts';
import { TABLE_EDIT_KINDS } from '../../src/core/table/row-edits.ts';
import { calibrateTableTolerance } from '../../src/core/table/tolerance-calibration.ts';
import { createRng, sampleIndices } from '../../src/core/random.ts';
import type { Cell, ColumnType } from '../../src/core/table/types.ts';
import { parseTable } from '../../src/ingest/table/parse.ts';
import { formatTolerance } from '../../src/pipeline/table/table-threshold.ts';

const VEGA = 'node_modules/vega-datasets/data';
const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => { const k = args.indexOf(name); return k >= 0 ? Number(args.splice(k, 2)[1]) : dflt; };
const seed = flag('--seed', 1), maxRows = flag('--max-rows', 50_000);
const files = args.length ? args : readdirSync(VEGA).filter((f) => /\.(csv|tsv|json)$/.test(f)).sort();

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
console.log(`seed ${seed}; light edits |u| ≤ 0.5%; control ±2%; rates are caught / changed copies (changed count in brackets when < sampled)\n`);
console.log('| table | rows | compared (num / exact) | tolerance | false-pair rate at 1% | false-pair rate (rows) | exact-dup rows | jitter-all | jitter-one | round-coarser | ±2% control | real vs real at 1% | tolerance on the half | real vs real | of which exact | s |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');

for (const file of files) {
  let t;
  try {
    t = await parseTable(readFileSync(`${VEGA}/${file}`), file);
  } catch (e) {
    console.error(`${file}: not loaded (${(e as Error).message.split('\n')[0]})`);
    continue;
  }
  if (t.nRows < 20 || t.columns.length < 2) { console.error(`${file}: ${t.nRows} rows × ${t.columns.length} columns, skipped`); continue; }
  let data: Cell[][] = t.data, note = '';
  if (t.nRows > maxRows) {
    const rows = sampleIndices(t.nRows, maxRows, createRng(seed));
    data = t.data.map((col) => Array.from(rows, (r) => col[r]));
    note = ` (sample of ${t.nRows})`;
  }
  const { plan } = planColumns(t.columns, data);
  // Free-text columns are compared exactly by the rule; a second line without them shows how much they carry.
  const textCols = plan.filter((p) => p.type === 'text').map((p) => p.name);
  const variants: [string, Record<string, ColumnType>][] = [['', {}]];
  if (textCols.length) variants.push([` without ${textCols.join(', ')}`, Object.fromEntries(textCols.map((c) => [c, 'ignore' as ColumnType]))]);
  for (const [label, types] of variants) {
    const t0 = Date.now();
    const p = label ? planColumns(t.columns, data, types).plan : plan;
    const tol = calibrateTableTolerance({ plan: p, real: data }, { seed });
    const cal = tol.rule;
    const at1 = realVsReal({ columns: t.columns, data }, { seed, types, tolerance: RELATIVE_TOLERANCE });
    const rvr = realVsReal({ columns: t.columns, data }, { seed, types, tolerance: (half) => calibrateTableTolerance(half, { seed }).tolerance });
    const cmp = p.filter((q) => q.inDuplicates);
    const nNum = cmp.filter((q) => q.type === 'number').length;
    const kind = (k: (typeof TABLE_EDIT_KINDS)[number]) => {
      const o = cal.byKind[k];
      return `${pct(cal.caughtByKind[k])}${o.changed < cal.sampled ? ` (${o.changed})` : ''}`;
    };
    const tolText = `${formatTolerance(tol.tolerance)}${tol.calibrated ? '' : ' (default)'}`;
    console.log(`| ${file}${label}${note} | ${cal.realRows} | ${nNum} / ${cmp.length - nNum} | ${tolText} | ${pct(tol.steps[0]?.falsePairRate ?? NaN)} | ${pct(cal.falsePairRate)} (${cal.nullSummary.falsePairRows}) | ${cal.nullSummary.exactDuplicateRows} | ${TABLE_EDIT_KINDS.map(kind).join(' | ')} | ${pct(at1.joinedShare)} | ${formatTolerance(rvr.tolerance)} | ${pct(rvr.joinedShare)} | ${pct(rvr.exactShare)} | ${((Date.now() - t0) / 1000).toFixed(1)}${cal.capped ? ' capped' : ''} |`);
  }
}
