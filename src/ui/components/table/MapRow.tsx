// The table row behind a clicked point of the 2-D map: its side, p and path, and its cells (the
// report keeps the cells of every mapped row, see pipeline/table/row-cells.ts).
import type { Experiment } from '../../../report/schema.ts';
import { cellText, isBlank } from '../../../report/cells.ts';
import { fmt } from '../../../report/meaning.ts';

export function MapRow({ ex, row }: { ex: Experiment; row: number }) {
  const r = ex.rows[row];
  const rc = ex.table?.rowCells;
  const cells = rc?.rows.find((x) => x.index === row)?.cells;
  return (
    <figure className="map-item map-row" data-testid="map-item" data-row={row}>
      <figcaption>
        <b className={r.side}>{r.side}</b> · P(synthetic) = {fmt(r.p, 3)}<br />
        <code>{r.path}</code>{r.nearDuplicateSet >= 0 ? ` · near-duplicate set ${r.nearDuplicateSet}` : ''}
      </figcaption>
      {rc && cells ? (
        <table className="rows">
          <tbody>{rc.columns.map((c, k) => (
            <tr key={c}><th>{c}</th><td className={isBlank(cells[k]) ? 'missing' : ''}>{cellText(cells[k])}</td></tr>
          ))}</tbody>
        </table>
      ) : <p className="about">The report holds no cells for this row.</p>}
    </figure>
  );
}
