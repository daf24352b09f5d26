// Run, Cancel, the demo, opening a saved report, the run's phase, and the image model's chooser.
import type { ReactNode } from 'react';
import type { Report } from '../../report/schema.ts';
import type { RunPhase } from '../hooks/useRun.ts';
import { OpenReport } from './export/OpenReport.tsx';

export interface ControlsProps {
  ready: boolean;
  phase: RunPhase;
  demoLoading: boolean;
  /** The demo's build-time report is shown: the demo button scores it live. */
  isDemo: boolean;
  onRun(): void;
  onCancel(): void;
  onDemo(): void;
  onOpen(report: Report): void;
  /** The image model's chooser, by Run (image runs only; components/model/ModelChooser.tsx). */
  modelChooser?: ReactNode;
}

export function Controls({ ready, phase, demoLoading, isDemo, onRun, onCancel, onDemo, onOpen, modelChooser }: ControlsProps) {
  const running = phase === 'running';
  return (
    <section className="controls">
      {modelChooser}
      <button data-testid="run" disabled={!ready || running} onClick={onRun}>Run</button>
      <button data-testid="cancel" disabled={!running} onClick={onCancel}>Cancel</button>
      <button data-testid="demo" disabled={demoLoading || running} onClick={onDemo}>
        {demoLoading ? 'Loading the demo…' : isDemo ? 'Run the demo live' : 'Try the demo'}
      </button>
      <OpenReport onOpen={onOpen} />
      <span className="phase" data-testid="phase" data-phase={phase}>
        {running ? 'Running…' : phase === 'cancelled' ? 'Cancelled.' : ''}
      </span>
    </section>
  );
}
