// Past runs: the kept reports are listed when the section is opened; two ticked show side by side,
// with a caution when they were scored with different models; Open shows one; Delete removes it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import type { ReportRecord } from '../../src/storage/idb-cache.ts';
import { fakeReport } from '../core/report-fixture.ts';

const stored: ReportRecord[] = [];
vi.mock('../../src/storage/idb-cache.ts', () => ({
  listReports: async () => stored.map((r) => structuredClone(r)),
  deleteReport: async (id: number) => { stored.splice(stored.findIndex((r) => r.id === id), 1); },
}));
const { PastRuns } = await import('../../src/ui/components/history/PastRuns.tsx');

function keep(id: number, modelId: string, names: string[]): void {
  const report = fakeReport(names);
  report.model = { ...report.model, id: modelId };
  stored.push({ id, createdAt: `2026-03-0${id}T10:00:00.000Z`, title: 'digits', report });
}

afterEach(() => { cleanup(); stored.length = 0; });

async function openSection() {
  const details = screen.getByTestId('past-runs') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  await waitFor(() => expect(screen.getAllByTestId('past-run').length).toBe(stored.length));
}

describe('PastRuns', () => {
  it('shows two runs side by side and warns that their models differ', async () => {
    keep(1, 'mobilenet-v2-1.4-nsfwjs', ['fresh']);
    keep(2, 'inception-v3-nsfwjs', ['fresh']);
    render(<PastRuns refreshKey={0} onOpen={() => {}} />);
    await openSection();
    expect(screen.queryByTestId('side-by-side')).toBeNull();
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    const table = await screen.findByTestId('side-by-side');
    expect(table.querySelectorAll('tbody tr').length).toBe(2);
    expect(screen.getByTestId('side-by-side-caution').textContent).toMatch(/different models.*inception-v3-nsfwjs/);
  });

  it('no caution for two runs of one model; Open hands the report over; Delete removes a run', async () => {
    keep(1, 'm', ['a']);
    keep(2, 'm', ['b']);
    const opened: Report[] = [];
    render(<PastRuns refreshKey={0} onOpen={(r) => opened.push(r)} />);
    await openSection();
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    await screen.findByTestId('side-by-side');
    expect(screen.queryByTestId('side-by-side-caution')).toBeNull();
    fireEvent.click(screen.getAllByText('Open')[1]);
    expect(opened[0].experiments[0].name).toBe('b');
    fireEvent.click(screen.getAllByText('Delete')[0]);
    await waitFor(() => expect(screen.getAllByTestId('past-run').length).toBe(1));
  });
});
