// The text/label field choice for the real set: its record file is inspected when it changes, the
// suggested field is the starting choice, and the picker is shown only when the file offers text.
import { useEffect, useState, type ReactNode } from 'react';
import type { CollectedSet } from '../../../ingest/browser-walk.ts';
import type { RecordFields } from '../../../ingest/text-fields.ts';
import { TextFieldPicker } from './TextFieldPicker.tsx';
import { inspectRecordSet, type TextChoice } from './text-run.ts';

export function useTextChoice(real: CollectedSet | null): { choice: TextChoice | null; picker: ReactNode } {
  const [state, setState] = useState<{ of: CollectedSet; fields: RecordFields; choice: TextChoice } | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    if (real) inspectRecordSet(real).then((fields) => {
      if (live && fields) setState({ of: real, fields, choice: { text: fields.suggested, label: null } });
    }, () => {});
    return () => { live = false; };
  }, [real]);
  if (!state || state.of !== real || state.fields.suggested === null) return { choice: state?.of === real ? state.choice : null, picker: null };
  return {
    choice: state.choice,
    picker: <TextFieldPicker fields={state.fields} value={state.choice} onChange={(choice) => setState({ ...state, choice })} />,
  };
}
