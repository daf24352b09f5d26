// What the page has to say about the run: a notice (demo or storage trouble), the run's error, its
// progress and the files it skipped.
import type { useRun } from '../hooks/useRun.ts';
import { ProgressPanel } from './ProgressPanel.tsx';
import { SkippedRunList } from './SkippedRunList.tsx';

export function RunStatus({ notice, run }: { notice: string | null; run: Pick<ReturnType<typeof useRun>, 'phase' | 'error' | 'progress' | 'skipped'> }) {
  return (
    <>
      {notice && <p className="error" role="alert">{notice}</p>}
      {run.phase === 'failed' && run.error && (
        <p className="error" role="alert" data-testid="error">{run.error.name === 'InputError' ? '' : `${run.error.name}: `}{run.error.message}</p>
      )}
      <ProgressPanel progress={run.progress} running={run.phase === 'running'} />
      {run.phase !== 'idle' && <SkippedRunList skipped={run.skipped} />}
    </>
  );
}
