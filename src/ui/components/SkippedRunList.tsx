import { useSyncExternalStore } from 'react';
import type { SkippedStore } from '../hooks/skipped-store.ts';

/** Shown in full up to this many; the rest are counted (the JSON report lists every one). */
const SHOWN = 200;

/** The files the run skipped and why, collapsed under their count. The line is there from the
 *  start of a run ("no file was skipped"), so the first skipped file does not move the page. */
export function SkippedRunList({ skipped }: { skipped: SkippedStore }) {
  const items = useSyncExternalStore(skipped.subscribe, skipped.get);
  return (
    <details className="skipped-run" data-testid="skipped" data-count={items.length}>
      <summary>{items.length === 0 ? 'No file was skipped' : `${items.length} file${items.length === 1 ? ' was' : 's were'} skipped`}</summary>
      <ul>
        {items.slice(0, SHOWN).map((s) => <li key={`${s.side}:${s.path}`}>{s.side}: <code>{s.path}</code>: {s.reason}</li>)}
        {items.length > SHOWN && <li>…and {items.length - SHOWN} more (listed in the JSON report)</li>}
      </ul>
    </details>
  );
}
