// The pre-run choices for a table run, the app's side of the CLI's --type, --detector,
// --drop-mismatched-columns and --keep-formats: the inferred type of every shared column (with a
// select to override it), the columns a synthetic set lacks or adds (with a choice to drop them
// rather than refuse the run), the detector, and whether synthetic formats are kept as written.
import { useEffect, useState } from 'react';
import { COLUMN_TYPES, type ColumnType } from '../../../core/table/types.ts';
import type { TableInspection } from '../../../pipeline/table/inspect.ts';
import { conflictTexts, inspectionMessage, renameInspection, type TableChoices } from './table-run.ts';
import './table.css';

export type Inspect = () => Promise<TableInspection>;

interface Props {
  /** Reads the sets (in the worker); a new function means the sets changed. */
  inspect: Inspect;
  value: TableChoices;
  onChange: (v: TableChoices) => void;
  /** The sets' current names by the names the inspection gives them (renames need no new read). */
  names?: Record<string, string>;
}

type State = { kind: 'reading' } | { kind: 'ready'; info: TableInspection } | { kind: 'failed'; message: string } | { kind: 'stopped' };

export function TableOptions({ inspect, value, onChange, names }: Props) {
  const [read, setState] = useState<State>({ kind: 'reading' });
  const state: State = read.kind === 'ready' ? { kind: 'ready', info: renameInspection(read.info, names) } : read;
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'reading' });
    inspect().then(
      (info) => {
        if (!live) return;
        setState({ kind: 'ready', info });
        // Overrides of columns the new sets do not share would make the run refuse them.
        const shared = new Set(info.columns.map((c) => c.name));
        const kept = Object.fromEntries(Object.entries(value.types).filter(([c]) => shared.has(c)));
        if (Object.keys(kept).length !== Object.keys(value.types).length) onChange({ ...value, types: kept });
      },
      // AbortError: a cancelled run stopped the worker while it read the tables.
      (e: Error) => { if (live) setState(e.name === 'AbortError' ? { kind: 'stopped' } : { kind: 'failed', message: e.message }); },
    );
    return () => { live = false; };
  }, [inspect, attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<TableChoices>) => onChange({ ...value, ...patch });
  const setType = (column: string, t: ColumnType | '') => {
    const types = { ...value.types };
    if (t === '') delete types[column];
    else types[column] = t;
    set({ types });
  };

  return (
    <section className="table-options" data-testid="table-options" data-state={state.kind}>
      <h3>Table options</h3>
      {state.kind === 'reading' && <p className="about">Reading the tables…</p>}
      {state.kind === 'failed' && <p className="error" role="alert" data-testid="table-options-error">{inspectionMessage(state.message, names)}</p>}
      {state.kind === 'stopped' && <p className="about">Reading the tables was stopped. <button className="link" onClick={() => setAttempt((a) => a + 1)}>Read them again</button></p>}
      {state.kind === 'ready' && <Mismatches info={state.info} drop={value.dropMismatchedColumns} onDrop={(d) => set({ dropMismatchedColumns: d })} />}
      {state.kind === 'ready' && (
        <details open={state.info.columns.length <= 30 || state.info.columns.some((c) => c.conflicts.length > 0)}>
          <summary>Column types ({state.info.columns.length} shared column{state.info.columns.length === 1 ? '' : 's'}{Object.keys(value.types).length ? `, ${Object.keys(value.types).length} overridden` : ''})</summary>
          <table className="rows column-types">
            <thead><tr><th>column</th><th>inferred</th><th>type used</th></tr></thead>
            <tbody>
              {state.info.columns.map((c) => (
                <tr key={c.name} data-testid="column-type" data-column={c.name} data-inferred={c.inferredType ?? ''}>
                  <td>{c.name}</td>
                  <td><span className="type">{c.inferredType ?? 'all missing'}</span> <span className="about">({c.reason})</span>
                    {conflictTexts(state.info, c).map((m) => <p key={m} className="warn">{m} Choose its type to score it.</p>)}
                  </td>
                  <td>
                    <select aria-label={`type of ${c.name}`} value={value.types[c.name] ?? ''}
                      onChange={(e) => setType(c.name, e.target.value as ColumnType | '')}>
                      <option value="">as inferred{c.inferredType ? ` (${c.inferredType})` : ''}</option>
                      {COLUMN_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p className="choices">
        <label>Detector{' '}
          <select data-testid="detector" value={value.detector} onChange={(e) => set({ detector: e.target.value as TableChoices['detector'] })}>
            <option value="trees">gradient-boosted trees (catches interactions)</option>
            <option value="logistic">logistic regression (linear)</option>
          </select>
        </label>
        <label title="By default synthetic numbers and dates are rounded to the real data's precision and format, so formatting alone does not give them away; the difference is reported as a finding either way.">
          <input type="checkbox" data-testid="keep-formats" checked={value.keepFormats} onChange={(e) => set({ keepFormats: e.target.checked })} />
          {' '}keep synthetic formats as written (do not round to the real precision)
        </label>
      </p>
    </section>
  );
}

function Mismatches({ info, drop, onDrop }: { info: TableInspection; drop: boolean; onDrop: (d: boolean) => void }) {
  const off = info.synthetic.filter((s) => s.missing.length || s.extra.length);
  if (!off.length) return null;
  const q = (cols: string[]) => cols.map((c) => `“${c}”`).join(', ');
  return (
    <div className="mismatch" data-testid="column-mismatch">
      <ul>
        {off.map((s) => (
          <li key={s.name} data-testid="mismatch-set" data-set={s.name}>
            <strong>{s.name}</strong> ({s.source})
            {s.missing.length > 0 && <> lacks {q(s.missing)}</>}
            {s.missing.length > 0 && s.extra.length > 0 && ' and'}
            {s.extra.length > 0 && <> has {q(s.extra)}, which the real set lacks</>}
          </li>
        ))}
      </ul>
      <label className={drop ? '' : 'warn'}>
        <input type="checkbox" data-testid="drop-mismatched" checked={drop} onChange={(e) => onDrop(e.target.checked)} />
        {' '}drop these columns and score the {info.columns.length} shared column{info.columns.length === 1 ? '' : 's'}
        {!drop && ' (otherwise the run stops: real and synthetic sets must share their columns)'}
      </label>
    </div>
  );
}
