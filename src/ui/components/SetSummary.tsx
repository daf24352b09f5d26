import type { ListedSet } from '../../ingest/types.ts';
import { TableSetSummary } from './table/TableSetSummary.tsx';

/** What a set holds before a run: usable items, counts by kind, classes, and every skipped file. */
export function SetSummary({ name, listed, testId }: { name: string; listed: ListedSet | null; testId: string }) {
  if (!listed) return <p className="summary" data-testid={testId}>Reading “{name}”…</p>;
  const kinds = Object.entries(listed.countsByKind).map(([k, n]) => `${n} ${k}`).join(', ');
  const classes = listed.classes ? Object.keys(listed.classes) : null;
  return (
    <div className="summary" data-testid={testId} data-items={listed.items.length} data-skipped={listed.skipped.length}>
      <p>
        <strong>{name}</strong>: {listed.items.length} usable {listed.modality ?? 'item'}
        {listed.items.length === 1 ? '' : 's'}{kinds ? ` (found ${kinds})` : ''}
        {classes ? ` in ${classes.length} class folder${classes.length === 1 ? '' : 's'}: ${classes.slice(0, 12).join(', ')}${classes.length > 12 ? '…' : ''}` : ''}
      </p>
      {listed.modality === 'table' && <TableSetSummary listed={listed} />}
      {listed.skipped.length > 0 && (
        <details>
          <summary>{listed.skipped.length} file{listed.skipped.length === 1 ? '' : 's'} will be skipped</summary>
          <ul className="skipped">
            {listed.skipped.slice(0, 200).map((s) => <li key={s.path}><code>{s.path}</code>: {s.reason}</li>)}
            {listed.skipped.length > 200 && <li>…and {listed.skipped.length - 200} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
