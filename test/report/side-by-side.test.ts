// Runs side by side: every run's rows with its reference first, and a caution whenever the runs
// were not scored in the same space (another model, another real set, another kind of data).
import { describe, expect, it } from 'vitest';
import { sideBySide, sideBySideLines } from '../../src/report/side-by-side.ts';
import { fakeExperiment, fakeReport } from '../core/report-fixture.ts';

const withModel = (id: string, sha256?: string) => {
  const r = fakeReport(['fresh', 'copies']);
  r.reference = fakeExperiment('real vs real');
  r.model = { ...r.model, id, ...(sha256 ? { sha256 } : {}) };
  return r;
};

describe('sideBySide', () => {
  it('lists each run\'s reference then its experiments, and no caution for one model', () => {
    const s = sideBySide([{ label: 'a', report: withModel('m') }, { label: 'b', report: withModel('m') }]);
    expect(s.rows.map((r) => `${r.run}/${r.experiment}`)).toEqual([
      'a/real vs real (reference)', 'a/fresh', 'a/copies', 'b/real vs real (reference)', 'b/fresh', 'b/copies',
    ]);
    expect(s.cautions).toEqual([]);
  });

  it('says so when the runs used different models, naming them (a user model by its hash)', () => {
    const s = sideBySide([{ label: 'mobilenet', report: withModel('mobilenet-v2-1.4-nsfwjs') }, { label: 'mine', report: withModel('my-clip', 'ab'.repeat(32)) }]);
    expect(s.cautions).toHaveLength(1);
    expect(s.cautions[0]).toMatch(/different models/);
    expect(s.cautions[0]).toContain('mobilenet-v2-1.4-nsfwjs');
    expect(s.cautions[0]).toContain('sha256 abababababab');
    const text = sideBySideLines(s).join('\n');
    expect(text.indexOf('Note: These runs were scored with different models')).toBe(0);
  });

  it('says so when the real sets differ', () => {
    const b = withModel('m');
    b.real = { ...b.real, path: 'other-real', count: 99 };
    expect(sideBySide([{ label: 'a', report: withModel('m') }, { label: 'b', report: b }]).cautions.join(' ')).toMatch(/different real sets/);
  });
});
