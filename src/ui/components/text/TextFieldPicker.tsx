// Before a text run on a record file (JSON, JSONL, CSV, TSV): its fields with a sample value each,
// and two choices — which field holds the text, which (optional) holds a class label. The same
// choices as the CLI's --text-field / --text-column and --label-column.
import type { RecordFields } from '../../../ingest/text-fields.ts';
import type { TextChoice } from './text-run.ts';
import './text.css';

export function TextFieldPicker({ fields, value, onChange }: { fields: RecordFields; value: TextChoice; onChange(c: TextChoice): void }) {
  const word = fields.format === 'csv' || fields.format === 'tsv' ? 'column' : 'field';
  const free = new Set(fields.fields.filter((f) => f.evidence.multiWordShare >= 0.6 && f.evidence.meanChars >= 30).map((f) => f.name));
  return (
    <fieldset className="text-field-picker" data-testid="text-field-picker" data-text={value.text ?? ''} data-label={value.label ?? ''}>
      <legend>Texts from {fields.format.toUpperCase()} {word}s</legend>
      <p className="about">{fields.suggested
        ? `“${fields.suggested}” was picked: ${fields.verdict.reason}.`
        : `Scored as a table: ${fields.verdict.reason}. To score it as text instead, pick the ${word} that holds the texts.`}</p>
      <label>Text {word}{' '}
        <select data-testid="text-field" value={value.text ?? ''} onChange={(e) => onChange({ text: e.target.value || null, label: value.label === e.target.value ? null : value.label })}>
          <option value="">— score as a table —</option>
          {fields.fields.map((f) => <option key={f.name} value={f.name}>{f.name}{free.has(f.name) ? ' (free text)' : ''}</option>)}
        </select>
      </label>{' '}
      <label>Label {word}{' '}
        <select data-testid="label-field" value={value.label ?? ''} onChange={(e) => onChange({ ...value, label: e.target.value || null })}>
          <option value="">none</option>
          {fields.fields.filter((f) => f.name !== value.text).map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
        </select>
      </label>
      <table className="field-samples">
        <thead><tr><th>{word}</th><th>first value</th><th>multi-word</th><th>mean length</th></tr></thead>
        <tbody>
          {fields.fields.map((f) => (
            <tr key={f.name} data-testid="field-row" data-field={f.name} className={f.name === value.text ? 'picked' : undefined}>
              <th>{f.name}</th><td><q>{f.sample}</q></td>
              <td>{Math.round(f.evidence.multiWordShare * 100)}%</td><td>{f.evidence.meanChars.toFixed(0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
