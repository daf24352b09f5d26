// Shown when Run found nothing changed (same files, settings and engine): the results are the
// stored report of that earlier run, said so, with a way to score again anyway.
export function StoredRunNote({ createdAt, onRunAgain }: { createdAt: string; onRunAgain(): void }) {
  return (
    <p className="stored-run" role="status" data-testid="stored-run">
      Nothing changed since the run of {new Date(createdAt).toLocaleString()}: this is its stored report.{' '}
      <button data-testid="run-again" onClick={onRunAgain}>Run again</button>
    </p>
  );
}
