// The text/label field choice for the real set: its record file is inspected when it changes, the
// suggested field is the starting choice, and the picker is shown when the file offers text. A
// record file judged a table (no field suggested) still offers "score as text" when every set is
// one CSV/TSV/JSON(L) file: the picker lists its string columns and starts on "score as a table"
// (the app's side of the CLI's --text-column / --text-field, which force text).
import { useEffect, useState, type ReactNode } from 'react';
import { recordFileOf } from '../../../ingest/browser-text.ts';
import type { CollectedSet } from '../../../ingest/browser-walk.ts';
import type { RecordFields } from '../../../ingest/text-fields.ts';
import { textFormatOf } from '../../../ingest/text-parse.ts';
import { TextFieldPicker } from './TextFieldPicker.tsx';
import { inspectRecordSet, type TextChoice } from './text-run.ts';

/** One .csv/.tsv/.json/.jsonl file (not a folder of texts). */
const isRecordSet = (c: CollectedSet) => { const r = recordFileOf(c.files); return !!r && textFormatOf(r.path) !== 'text'; };

/** The columns a table-judged file could be scored as text by: those whose first value is not a number. */
function stringFields(fields: RecordFields): RecordFields {
  return { ...fields, fields: fields.fields.filter((f) => f.sample !== '' && !Number.isFinite(Number(f.sample))) };
}

export function useTextChoice(real: CollectedSet | null, synthetic: readonly CollectedSet[] = []): { choice: TextChoice | null; picker: ReactNode } {
  const [state, setState] = useState<{ of: CollectedSet; fields: RecordFields; choice: TextChoice } | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    if (real) inspectRecordSet(real).then((fields) => {
      if (live && fields) setState({ of: real, fields, choice: { text: fields.suggested, label: null } });
    }, () => {});
    return () => { live = false; };
  }, [real]);
  const current = state && state.of === real ? state : null;
  if (!current) return { choice: null, picker: null };
  const onChange = (choice: TextChoice) => setState({ ...current, choice });
  if (current.fields.suggested !== null) {
    return { choice: current.choice, picker: <TextFieldPicker fields={current.fields} value={current.choice} onChange={onChange} /> };
  }
  // Judged a table: "score as text" only when every dropped set is one record file, and there is a string column.
  const offered = stringFields(current.fields);
  if (!synthetic.every(isRecordSet) || offered.fields.length === 0) return { choice: { text: null, label: null }, picker: null };
  return { choice: current.choice, picker: <TextFieldPicker fields={offered} value={current.choice} onChange={onChange} /> };
}
