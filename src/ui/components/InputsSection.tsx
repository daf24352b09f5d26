// Where the sets are dropped: the real set (with the text field picker of a record file), the
// synthetic sets, each one experiment that can be renamed or removed, and an optional real holdout
// (files the generator never saw: the panel's DCR share, docs/panel.md).
import type { ReactNode } from 'react';
import type { Sets } from '../hooks/useSets.ts';
import { DropZone } from './DropZone.tsx';
import { SetSummary } from './SetSummary.tsx';

/** `tableRun`: the sets will be scored as tables (the holdout is then a table with the real set's columns). */
export function InputsSection({ sets, textPicker, tableRun = false }: { sets: Sets; textPicker: ReactNode; tableRun?: boolean }) {
  const { real, synthetic, holdout } = sets;
  return (
    <section className="inputs">
      <div>
        <DropZone side="real" label="Real" testId="real" onCollected={sets.setReal} />
        {real && <SetSummary name={real.name} listed={real.listed} testId="summary-real" />}
        {textPicker}
      </div>
      <div>
        <DropZone side="synthetic" label="Synthetic (each folder is one experiment)" testId="synthetic" onCollected={sets.addSynthetic} />
        {synthetic.map((s) => (
          <div key={s.id} className="synthetic-set">
            <input aria-label="experiment name" value={s.name} onChange={(e) => sets.rename(s.id, e.target.value)} />
            <button className="link" onClick={() => sets.remove(s.id)}>remove</button>
            <SetSummary name={s.name} listed={s.listed} testId={`summary-synthetic-${s.name}`} />
          </div>
        ))}
      </div>
      <div className="holdout">
        <DropZone side="real" label="Real holdout (optional)" testId="holdout" onCollected={sets.setHoldout} />
        <p className="hint" data-testid="holdout-hint">
          {tableRun ? 'Real rows the generator never saw (a table with the real set’s columns, not the real set above)' : 'Real files the generator never saw (not the real set above)'}:
          adds the DCR share, the calibrated answer to “is it copying?”.
        </p>
        {holdout && (
          <div className="holdout-set">
            <button className="link" data-testid="holdout-remove" onClick={sets.removeHoldout}>remove holdout</button>
            <SetSummary name={holdout.name} listed={holdout.listed} testId="summary-holdout" />
          </div>
        )}
      </div>
    </section>
  );
}
