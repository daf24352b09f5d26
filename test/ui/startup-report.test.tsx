// What the page opens on: the user's newest past report when there is one, else the demo's
// build-time report with its images; the demo never replaces a report the user has.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_VERSION, type Report } from '../../src/report/schema.ts';
import type { FileSets } from '../../src/pipeline/browser-env.ts';

const past: { report: Report }[] = [];
let idbFails = false;
vi.mock('../../src/storage/idb-cache.ts', () => ({
  listReports: async () => { if (idbFails) throw new Error('no IndexedDB'); return past; },
}));
const demoFiles: FileSets = { real: { files: [] } };
vi.mock('../../src/ui/demo.ts', () => ({
  loadDemoReport: async () => ({ report: reportNamed('demo'), files: demoFiles, effects: {} }),
}));

const { useStartupReport } = await import('../../src/ui/hooks/useStartupReport.ts');

function reportNamed(name: string): Report {
  return { version: REPORT_VERSION, tool: 'synthscore', createdAt: '2026-01-01T00:00:00Z', modality: 'image', model: { id: 'm', version: '1', dimension: 4 },
    settings: { folds: 5, k: 10, seed: 0, bootstrap: 10 }, real: { path: name, count: 0, classes: null }, experiments: [], skipped: [],
    embedding: { embedded: 0, fromCache: 0 } };
}

const shown: { path: string; files: FileSets | null }[] = [];
function Page() {
  const demo = useStartupReport((r, files) => shown.push({ path: r.real.path, files }));
  return <p data-testid="demo">{demo ? demo.report.real.path : 'none'}</p>;
}

beforeEach(() => { past.length = 0; shown.length = 0; idbFails = false; });
afterEach(cleanup);

describe('useStartupReport', () => {
  it('opens on the newest past report and never loads the demo', async () => {
    past.push({ report: reportNamed('mine') }, { report: reportNamed('older') });
    render(<Page />);
    await waitFor(() => expect(shown).toEqual([{ path: 'mine', files: null }]));
    await new Promise((r) => setTimeout(r, 20));
    expect(shown.length).toBe(1);
    expect(screen.getByTestId('demo').textContent).toBe('none');
  });

  it('opens on the demo report, with its images, when the user has no report', async () => {
    render(<Page />);
    await waitFor(() => expect(shown).toEqual([{ path: 'demo', files: demoFiles }]));
    expect(screen.getByTestId('demo').textContent).toBe('demo');
  });

  it('still shows the demo when IndexedDB cannot be opened', async () => {
    idbFails = true;
    render(<Page />);
    await waitFor(() => expect(shown.map((s) => s.path)).toEqual(['demo']));
  });
});
