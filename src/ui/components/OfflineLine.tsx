// Offline use: whether this browser keeps the whole app (every built-in model included), and a
// button to keep it, with its size. Without it only what was used online is kept, so a text run
// offline would fail for want of the text model.
import { useEffect, useState } from 'react';
import { keepOffline, offlineStatus, type OfflineStatus } from '../offline.ts';

const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

export function OfflineLine() {
  const [status, setStatus] = useState<OfflineStatus | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    offlineStatus().then(setStatus, (e: Error) => setError(e.message));
  }, []);

  if (!status) return error ? <p className="offline warn" data-testid="offline">Offline use: {error}</p> : null;
  const kept = status.missing === 0;
  const keep = async () => {
    setError(null);
    try {
      const r = await keepOffline((done, total) => setProgress(`${done} of ${total} files`));
      setStatus(r.status);
      if (r.failed) setError(`${r.failed} files could not be fetched; try again when online.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <p className="offline" data-testid="offline" data-kept={kept}>
      {kept ? `Offline: the whole app (${mb(status.bytes)}, every model) is kept in this browser.` : 'Offline: only what was used online is kept. '}
      {!kept && !progress && <button className="link" data-testid="keep-offline" onClick={keep}>Keep for offline use ({mb(status.bytes)})</button>}
      {progress && <span> keeping… {progress}</span>}
      {error && <span className="warn"> {error}</span>}
    </p>
  );
}
