// The pre-run line of a table set: "table, N bytes, format", and which file will be read.
import type { ListedSet } from '../../../ingest/types.ts';

export function TableSetSummary({ listed }: { listed: ListedSet }) {
  const f = listed.items[0];
  if (!f) return null;
  return (
    <p className="table-summary" data-testid="table-summary" data-bytes={f.size} data-format={f.format}>
      table, {f.size.toLocaleString('en-US')} bytes, {f.format}: <code>{f.path}</code>
      {listed.items.length > 1 && <span className="warn"> (only this file is scored; {listed.items.length - 1} other table file{listed.items.length === 2 ? ' is' : 's are'} ignored)</span>}
    </p>
  );
}
