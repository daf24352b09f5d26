// The image model of the next image run (issue 15): the built-ins, the user's own models kept in
// this browser, and "Use my own model…", which opens the form that checks and keeps a new one.
// Sits by Run; scores from different models are different spaces (docs/models.md), so the report
// records the model and the results say which one scored them (ReportModel.tsx).
import { useState } from 'react';
import { BUILTIN_IMAGE_MODELS } from '../../../models/model-choice.ts';
import { choiceKey, type ModelChoiceState } from '../../hooks/useModelChoice.ts';
import { OwnModelForm, type ModelTrier } from './OwnModelForm.tsx';

const OWN = 'own';

export function ModelChooser({ models, trier, disabled }: { models: ModelChoiceState; trier: ModelTrier; disabled: boolean }) {
  const [formOpen, setFormOpen] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const onChange = (value: string) => {
    if (value === OWN) return setFormOpen(true);
    setFormOpen(false);
    const [kind, key] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    models.setChoice(kind === 'user' ? { kind: 'user', sha256: key } : { kind: 'builtin', id: key });
  };
  const chosen = models.chosenUserModel;
  return (
    <div className="model-chooser" data-testid="model-chooser">
      <label>
        Image model{' '}
        <select data-testid="model-select" disabled={disabled} value={formOpen ? OWN : choiceKey(models.choice)} onChange={(e) => onChange(e.currentTarget.value)}>
          {BUILTIN_IMAGE_MODELS.map((m) => <option key={m.id} value={`builtin:${m.id}`}>{m.label}</option>)}
          {models.userModels?.map((m) => (
            <option key={m.sha256} value={`user:${m.sha256}`}>
              {m.manifest.id} (your model: {m.fileName}, {m.manifest.output.dimension}-d, {m.manifest.input.width}×{m.manifest.input.height})
            </option>
          ))}
          <option value={OWN}>Use my own model…</option>
        </select>
      </label>
      {chosen && !formOpen && (
        <>
          {' '}<span className="hint" data-testid="model-chosen-file">{chosen.fileName} · sha256 {chosen.sha256.slice(0, 12)}…</span>
          {' '}<button data-testid="model-remove" disabled={disabled}
            onClick={() => { setRemoveError(null); models.remove(chosen.sha256).catch((e: Error) => setRemoveError(e.message)); }}>
            Remove this model
          </button>
        </>
      )}
      {models.error && <p className="warn" role="status">{models.error}</p>}
      {removeError && <p className="error" role="alert">{removeError}</p>}
      {formOpen && <OwnModelForm trier={trier} onKeep={models.add} onClose={() => setFormOpen(false)} />}
    </div>
  );
}
