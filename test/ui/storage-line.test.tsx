// The storage line counts every cached vector the worker reports (images and texts alike) and
// reads the count again when a run ends, whatever its modality.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { StorageLine } from '../../src/ui/components/StorageLine.tsx';
import type { ScoreBridge } from '../../src/ui/worker-bridge.ts';

afterEach(cleanup);

it('shows the cached vectors and reads them again when the run phase changes', async () => {
  let cached = 120; // say, 60 image vectors and 60 text vectors
  const bridge = { cacheSize: async () => cached, clearCache: async () => { cached = 0; } } as unknown as ScoreBridge;
  const { rerender } = render(<StorageLine bridge={bridge} refreshKey="idle" />);
  const line = screen.getByTestId('storage');
  await waitFor(() => expect(line.getAttribute('data-vectors')).toBe('120'));
  expect(line.textContent).toContain('Cache: 120 vectors');
  expect(line.textContent).not.toMatch(/image/i);

  cached = 180; // a text run cached 60 more
  rerender(<StorageLine bridge={bridge} refreshKey="running" />);
  rerender(<StorageLine bridge={bridge} refreshKey="done" />);
  await waitFor(() => expect(line.getAttribute('data-vectors')).toBe('180'));

  screen.getByTestId('clear-cache').click();
  await waitFor(() => expect(line.getAttribute('data-vectors')).toBe('0'));
});
