// Scores first, panel after (issue 14): the four scores show as soon as the run's headline comes,
// while the run goes on; the panel fills in when the run ends; Cancel during the panel keeps the scores.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Estimate, Report } from '../../src/report/schema.ts';
import { fakeReport } from '../core/report-fixture.ts';

vi.mock('../../src/storage/idb-cache.ts', () => ({
  listReports: async () => [],
  findReportByFingerprint: async () => undefined,
  saveReport: async () => 1,
  countVectors: async () => 0,
  storedThumbnailHashes: async () => new Set<string>(),
  getThumbnail: async () => undefined,
  putThumbnails: async () => {},
  clearThumbnails: async () => {},
}));
vi.mock('../../src/ui/demo.ts', async (original) => ({ ...(await original<object>()), loadDemoReport: async () => null }));

const est = (value: number): Estimate => ({ value, lo: value - 0.05, hi: value + 0.05, n: 60, method: 'wilson' });

/** The final report: the headline's scores with each experiment's panel added. */
const headline = (): Report => fakeReport(['gan']);
const final = (): Report => {
  const r = headline();
  return { ...r, experiments: r.experiments.map((e) => ({ ...e, panel: { precision: est(0.612), recall: est(0.455), k: 5 } })) };
};

/** A bridge whose run sends the headline, then ends only when the test says (or is cancelled). */
let finish: (r: Report) => void = () => {};
let abort: (e: Error) => void = () => {};
const bridge = {
  capabilities: () => new Promise(() => {}),
  cacheSize: async () => 0,
  clearCache: async () => {},
  inspectTables: async () => ({}),
  cancel: vi.fn(() => {
    const e = new Error('The run was cancelled.');
    e.name = 'AbortError';
    abort(e);
  }),
  dispose: () => {},
  run: vi.fn((_sets: unknown, _req: unknown, _onProgress: unknown, _onSkipped: unknown, onHeadline?: (r: Report) => void) =>
    new Promise<Report>((resolve, reject) => {
      finish = resolve;
      abort = reject;
      setTimeout(() => onHeadline?.(headline()), 0);
    })),
};
vi.mock('../../src/ui/hooks/useBridge.ts', () => ({ useBridge: () => bridge, MODEL_ID: 'm' }));
vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ version: 'build-1', files: [] }), { status: 200 }));

const { App } = await import('../../src/ui/App.tsx');

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
function folder(root: string, names: string[]): File[] {
  return names.map((n) => {
    const f = new File([PNG], n, { type: 'image/png', lastModified: 1_700_000_000_000 });
    Object.defineProperty(f, 'webkitRelativePath', { value: `${root}/${n}` });
    return f;
  });
}
const pick = (side: 'real' | 'synthetic', files: File[]) => fireEvent.change(screen.getByTestId(`${side}-folder`), { target: { files } });
const phase = () => screen.getByTestId('phase').getAttribute('data-phase');

/** Starts a run and waits until its headline is on screen. */
async function runUntilHeadline() {
  render(<App />);
  pick('real', folder('real', ['a.png', 'b.png', 'c.png']));
  pick('synthetic', folder('gan', ['x.png', 'y.png']));
  await waitFor(() => expect((screen.getByTestId('run') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('run'));
  await screen.findByTestId('score-unrealistic');
}

beforeEach(() => { bridge.run.mockClear(); bridge.cancel.mockClear(); });
afterEach(cleanup);

describe('scores first, panel after', () => {
  it('shows the four scores while the run goes on, then the panel when it ends', async () => {
    await runUntilHeadline();
    expect(phase()).toBe('running');
    for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) {
      expect(screen.getByTestId(`score-${k}`).getAttribute('data-value')).toBe(String(headline().experiments[0].scores[k as 'unvaried'].value));
    }
    expect(screen.getByTestId('panel-pending').textContent).toBe('The panel fills in after the scores…');
    expect(screen.queryByTestId('panel')).toBeNull();

    finish(final());
    await waitFor(() => expect(phase()).toBe('done'));
    expect(await screen.findByTestId('panel-precision-value')).toHaveProperty('textContent', '0.612');
    expect(screen.queryByTestId('panel-pending')).toBeNull();
    expect(screen.getByTestId('score-unrealistic')).toBeTruthy();
  });

  it('Cancel during the panel keeps the scores and stops waiting for the panel', async () => {
    await runUntilHeadline();
    fireEvent.click(screen.getByTestId('cancel'));
    await waitFor(() => expect(phase()).toBe('cancelled'));
    expect(bridge.cancel).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('score-unrealistic').getAttribute('data-value')).toBe('0.7');
    expect(screen.queryByTestId('panel-pending')).toBeNull();
    expect(screen.queryByTestId('panel')).toBeNull();
    expect(screen.queryByTestId('error')).toBeNull();
  });
});
