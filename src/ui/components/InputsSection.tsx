// Where the sets are dropped: the real set (with the text field picker of a record file) and the
// synthetic sets, each one experiment that can be renamed or removed.
import type { ReactNode } from 'react';
import type { Sets } from '../hooks/useSets.ts';
import { DropZone } from './DropZone.tsx';
import { SetSummary } from './SetSummary.tsx';

export function InputsSection({ sets, textPicker }: { sets: Sets; textPicker: ReactNode }) {
  const { real, synthetic } = sets;
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
    </section>
  );
}
