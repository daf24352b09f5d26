// Tables instead of galleries: rows ranked by p (the detector's out-of-fold P(synthetic)) and
// near-duplicate pairs with the matching cells highlighted. Cells come from the report's bounded
// sample (Experiment.table.rowCells); rows outside it show their path only.
import type { Experiment, TableRowCells } from '../../../report/schema.ts';
import { duplicatePairs, leastRepresented, mostUnrealistic } from '../../../report/rankings.ts';
import { fmt } from '../../../report/meaning.ts';
import { cellsMatch, cellText, isBlank } from '../../../report/cells.ts';

type CellValue = TableRowCells['rows'][number]['cells'][number];
const missing = isBlank; // one cell rule for the app and the HTML report (src/report/cells.ts)

export function cellsByRow(rc: TableRowCells | undefined): Map<number, CellValue[]> {
  return new Map((rc?.rows ?? []).map((r) => [r.index, r.cells]));
}

interface RankedProps {
  ex: Experiment;
  side: 'synthetic' | 'real';
  title: string;
  about: string;
  testId: string;
  /** Rows shown before "show all". */
  shown?: number;
}

/** Rows of one side ranked by p: synthetic highest first (most unrealistic), real lowest first (least represented). */
export function RankedRows({ ex, side, title, about, testId, shown = 25 }: RankedProps) {
  const rc = ex.table?.rowCells;
  const cells = cellsByRow(rc);
  const order = side === 'synthetic' ? mostUnrealistic(ex.rows) : leastRepresented(ex.rows);
  const ranked = order.slice(0, rc?.limit ?? 200).map((i) => ({ r: ex.rows[i], i }));
  const head = ranked.slice(0, shown), rest = ranked.slice(shown);
  const body = (list: typeof ranked, offset: number) => list.map(({ r, i }, k) => (
    <tr key={i} data-testid="ranked-row" data-p={r.p}>
      <td className="num">{offset + k + 1}</td>
      <td className="num">{fmt(r.p, 3)}</td>
      <td className="path">{r.path}</td>
      {rc ? (cells.get(i) ?? rc.columns.map(() => null)).map((v, c) => <td key={c} className={missing(v) ? 'missing' : ''}>{cellText(v)}</td>) : null}
    </tr>
  ));
  const table = (list: typeof ranked, offset: number) => (
    <div className="row-scroll">
      <table className="rows">
        <thead><tr><th>#</th><th>p</th><th>row</th>{rc?.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>{body(list, offset)}</tbody>
      </table>
    </div>
  );
  return (
    <section className="ranked-rows" data-testid={testId} data-count={ranked.length}>
      <h4>{title}</h4>
      <p className="about">{about}{!rc && ' This report has no row cells (an older report): only row numbers are shown.'}</p>
      {ranked.length === 0 ? <p>No rows.</p> : table(head, 0)}
      {rest.length > 0 && (
        <details>
          <summary>{rest.length} more</summary>
          {table(rest, shown)}
        </details>
      )}
    </section>
  );
}

export function DuplicatePairs({ ex, max = 50 }: { ex: Experiment; max?: number }) {
  const rc = ex.table?.rowCells;
  const cells = cellsByRow(rc);
  const pairs = duplicatePairs(ex);
  return (
    <section className="duplicate-pairs" data-testid="duplicate-pairs" data-count={pairs.length}>
      <h4>Near-duplicate pairs ({pairs.length})</h4>
      <p className="about">Rule: {ex.table?.duplicateRule ?? ex.threshold.note}. Matching cells are highlighted.
        {ex.table?.duplicateSearchCapped && ' The search was capped by a very large block of identical values.'}</p>
      {pairs.length === 0 && <p>No near-duplicate rows.</p>}
      {pairs.slice(0, max).map(({ kind, exact, a, b }) => {
        const ca = cells.get(a), cb = cells.get(b);
        return (
          <div key={`${a}-${b}`} className="pair" data-testid="duplicate-pair" data-kind={kind}>
            <p className="pair-head">{kind}{exact ? ' · exact copy' : ''}</p>
            <div className="row-scroll">
              <table className="rows">
                {rc && <thead><tr><th>row</th>{rc.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>}
                <tbody>
                  {[a, b].map((i) => (
                    <tr key={i} className={ex.rows[i].side}>
                      <td className="path">{ex.rows[i].side}: {ex.rows[i].path}</td>
                      {rc && (cells.get(i) ?? rc.columns.map(() => null)).map((v, c) => (
                        <td key={c} className={ca && cb && cellsMatch(ca[c], cb[c]) ? 'match' : 'differs'}>{cellText(v)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      {pairs.length > max && <p className="about">…and {pairs.length - max} more pairs (see the JSON report).</p>}
    </section>
  );
}
