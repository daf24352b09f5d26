// Reopening a report: a valid SynthScore JSON is handed on; anything else gets a clear message.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { OpenReport } from '../../src/ui/components/export/OpenReport.tsx';
import { fakeReport } from '../core/report-fixture.ts';

afterEach(cleanup);

const pick = (text: string, name = 'r.json') =>
  fireEvent.change(screen.getByTestId('open-report-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

it('opens a SynthScore report', async () => {
  const opened: Report[] = [];
  render(<OpenReport onOpen={(r) => opened.push(r)} />);
  pick(JSON.stringify(fakeReport()));
  await waitFor(() => expect(opened.length).toBe(1));
  expect(opened[0].experiments.map((e) => e.name)).toEqual(['fresh', 'copies']);
  expect(screen.queryByTestId('open-report-error')).toBeNull();
});

it('refuses another tool’s JSON and a newer version, saying why', async () => {
  const opened: Report[] = [];
  render(<OpenReport onOpen={(r) => opened.push(r)} />);
  pick(JSON.stringify({ tool: 'cleanlab', version: 1 }), 'other.json');
  await waitFor(() => expect(screen.getByTestId('open-report-error').textContent).toMatch(/"other\.json" is not a SynthScore report/));
  pick(JSON.stringify({ ...fakeReport(), version: 7 }));
  await waitFor(() => expect(screen.getByTestId('open-report-error').textContent).toMatch(/newer SynthScore \(report version 7\)/));
  expect(opened).toEqual([]);
});
