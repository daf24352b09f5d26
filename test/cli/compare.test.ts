// `synthscore compare`: kept reports side by side, as a user compares a run under MobileNetV2 with
// the same data under Inception-V3; the table says so when the models differ, and a file that is
// not a report is an input problem (exit 2) that names it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeExperiment, fakeReport } from '../core/report-fixture.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'synthscore-compare-'));
function keep(name: string, modelId: string, unrealistic: number): string {
  const r = fakeReport(['fresh']);
  r.model = { ...r.model, id: modelId };
  r.reference = fakeExperiment('real vs real');
  r.experiments[0].scores.unrealistic = { ...r.experiments[0].scores.unrealistic, value: unrealistic };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(r));
  return file;
}

describe('synthscore compare', () => {
  it('prints both runs with their models and a caution that the models differ', async () => {
    const a = keep('mobilenet-run', 'mobilenet-v2-1.4-nsfwjs', 0.612);
    const b = keep('inception-run', 'inception-v3-nsfwjs', 0.734);
    const r = await runCli(['compare', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Note: These runs were scored with different models/);
    const rows = r.stdout.split('\n').filter((l) => l.includes(' fresh '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/mobilenet-run\s+mobilenet-v2-1\.4-nsfwjs@1\s+fresh\s+\S+ \S+ \S+\s+0\.612/);
    expect(rows[1]).toMatch(/inception-run\s+inception-v3-nsfwjs@1\s+fresh/);
    expect(r.stdout).toContain('real vs real (reference)');
  });

  it('no caution for runs of one model; a file that is not a report exits 2 naming it', async () => {
    const a = keep('one', 'm', 0.6);
    const b = keep('two', 'm', 0.7);
    expect((await runCli(['compare', a, b])).stdout).not.toMatch(/Note:/);
    const bad = join(dir, 'notes.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = await runCli(['compare', a, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.json');
    expect(r.stderr).toMatch(/not a SynthScore report/);
    expect((await runCli(['compare', a])).code).toBe(1);
  });
});
