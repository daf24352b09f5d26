// The runs this browser kept, to reopen one or to put several side by side: the prompt loop's
// history (one run per prompt, or the same data under another model).
import { useState } from 'react';
import type { Report } from '../../../report/schema.ts';
import { modelLabel } from '../../../report/side-by-side.ts';
import { usePastRuns } from '../../hooks/usePastRuns.ts';
import { SideBySideTable } from './SideBySideTable.tsx';

const when = (iso: string) => new Date(iso).toLocaleString();

export function PastRuns({ onOpen, refreshKey }: { onOpen(report: Report): void; refreshKey: unknown }) {
  const past = usePastRuns();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [lastKey, setLastKey] = useState(refreshKey);
  // A finished run adds a kept report: read the list again if it is open.
  if (open && refreshKey !== lastKey) {
    setLastKey(refreshKey);
    past.load();
  }
  const toggle = (id: number) => setChosen((c) => {
    const n = new Set(c);
    if (n.has(id)) n.delete(id); else n.add(id);
    return n;
  });
  const records = past.records ?? [];
  const picked = records.filter((r) => r.id !== undefined && chosen.has(r.id));
  return (
    <details className="past-runs" data-testid="past-runs" onToggle={(e) => {
      const isOpen = (e.currentTarget as HTMLDetailsElement).open;
      setOpen(isOpen);
      if (isOpen) past.load();
    }}>
      <summary>Past runs{past.records ? ` (${records.length})` : ''}: reopen one, or tick two or more to see them side by side</summary>
      {past.error && <p className="error" role="alert">{past.error}</p>}
      {past.records && records.length === 0 && <p>No kept runs yet: each run you make is kept in this browser.</p>}
      <ul>
        {records.map((r) => r.id !== undefined && (
          <li key={r.id} data-testid="past-run">
            <label>
              <input type="checkbox" checked={chosen.has(r.id)} onChange={() => toggle(r.id!)} />{' '}
              {r.title} · {when(r.createdAt)} · {r.report.modality} · model {modelLabel(r.report)} · {r.report.experiments.map((e) => e.name).join(', ')}
            </label>{' '}
            <button onClick={() => onOpen(r.report)}>Open</button>{' '}
            <button onClick={() => { past.remove(r.id!); setChosen((c) => { const n = new Set(c); n.delete(r.id!); return n; }); }}>Delete</button>
          </li>
        ))}
      </ul>
      {picked.length >= 2 && (
        <SideBySideTable runs={picked.map((r) => ({ label: `${r.title} · ${when(r.createdAt)}`, report: r.report }))} />
      )}
    </details>
  );
}
