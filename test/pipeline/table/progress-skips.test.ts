// Issue 16 items 6 and 13: every stage of a table run reports progress (a 200 MB CSV once went
// silent for 20 minutes after the detector), and skipped rows reach the run's onSkipped (the CLI
// prints them on stderr) instead of only the JSON report.
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/core/progress.ts';
import { formatTable } from '../../../src/cli/table.ts';
import { comparisonWindow } from '../../../src/core/table/near-duplicates.ts';
import { boundedResamples } from '../../../src/pipeline/table/experiment-table.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import type { SkippedItem } from '../../../src/report/schema.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const io = (files: Record<string, string>) => ({ readFile: async (p: string) => enc(files[p]) });
const base = { folds: 3, seed: 0, bootstrap: 50 };
const real = 'a,b,c\n' + rows(40, (i) => `${i % 7},x${i % 3},${i * 1.5}`) + '\n';

describe('a table run', () => {
  it('names every stage it goes through in its progress, each with a start and an end', async () => {
    const events: ProgressEvent[] = [];
    const labelled = (n: number, k: number) => 'a,b,c,label\n' + rows(40, (i) => `${i % n},x${i % 3},${i * k},${i % 2 ? 'p' : 'q'}`) + '\n';
    await scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.csv' }], labelColumn: 'label', ...base },
      io({ 'r.csv': labelled(7, 1.5), 's.csv': labelled(5, 1) }), { onProgress: (e) => events.push(e) });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['read', 'calibrate', 's: encode rows', 's: detector', 's: bootstrap', 's: nearDuplicates', 's: closestReal', 's: columns', 's: pairTrends', 's: quality', 's: classes', 'reference', 'reference: encode rows', 'reference: detector', 'reference: bootstrap', 'reference: nearDuplicates', 'reference: closestReal', 'reference: columns', 'reference: pairTrends', 'reference: quality', 'reference: classes']);
    for (const s of stages) {
      expect(events.find((e) => e.stage === s)?.status, s).toBe('initiate');
      expect(events.filter((e) => e.stage === s).at(-1)?.status, s).toBe('done');
    }
  });

  it('reports ragged rows and bad JSON Lines lines through onSkipped, and the summary counts rows', async () => {
    const skipped: SkippedItem[] = [];
    const synthCsv = 'a,b,c\n' + rows(40, (i) => (i === 4 ? '1,x1,2,extra' : `${i % 5},x${i % 3},${i}`)) + '\n';
    const synthJsonl = rows(40, (i) => (i === 2 ? 'not json' : JSON.stringify({ a: i % 5, b: `x${i % 3}`, c: i }))) + '\n';
    const report = await scoreTable(
      { real: 'r.csv', synthetic: [{ name: 'csv', path: 'dir/s.csv' }, { name: 'jsonl', path: 's.jsonl' }], ...base },
      io({ 'r.csv': real, 'dir/s.csv': synthCsv, 's.jsonl': synthJsonl }), { onSkipped: (s) => skipped.push(s) });
    expect(skipped).toEqual([
      { path: 's.csv#row 5', side: 'synthetic', reason: "4 fields, more than the header's 3" },
      { path: 's.jsonl#row 3', side: 'synthetic', reason: 'not valid JSON' },
    ]);
    expect(report.experiments.map((e) => e.skipped)).toEqual([[skipped[0]], [skipped[1]]]);
    expect(formatTable(report)).toContain('Skipped 2 row(s)');
  });

  it('a JSON Lines table with one 20,000-deep field is scored, that row skipped and named', async () => {
    const skipped: SkippedItem[] = [];
    const d = 20_000;
    const synth = rows(40, (i) => (i === 2 ? `{"a":1,"b":"x1","c":${'['.repeat(d)}${']'.repeat(d)}}` : JSON.stringify({ a: i % 5, b: `x${i % 3}`, c: i }))) + '\n';
    const report = await scoreTable({ real: 'r.csv', synthetic: [{ name: 's', path: 's.jsonl' }], ...base }, io({ 'r.csv': real, 's.jsonl': synth }), { onSkipped: (s) => skipped.push(s) });
    expect(report.experiments[0].counts.synthetic).toBe(39);
    expect(skipped).toEqual([{ path: 's.jsonl#row 3', side: 'synthetic', reason: expect.stringMatching(/^nested deeper than \d+ levels$/) }]);
  });
});

describe('bounds on a very large table', () => {
  it('the bootstrap draws fewer resamples only when resamples × rows is over its budget', () => {
    expect(boundedResamples(1000, 100_000)).toBe(1000);
    expect(boundedResamples(1000, 6_580_000)).toBe(200);
    expect(boundedResamples(1000, 1_000_000)).toBe(200);
    expect(boundedResamples(50, 6_580_000)).toBe(50);
  });
  it('the near-duplicate search compares fewer neighbours per row on millions of rows', () => {
    expect(comparisonWindow(50_000)).toBe(2000);
    expect(comparisonWindow(6_580_000)).toBeLessThan(100);
  });
});
