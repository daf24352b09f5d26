import { useCallback, useEffect, useState } from 'react';
import type { ScoreBridge } from '../worker-bridge.ts';

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

/**
 * Storage used by this origin, the cached vectors (of every model: images and texts), persistence,
 * and Clear cache. Read again whenever `refreshKey` changes (the page passes the run's phase, so
 * the count follows every run that ends, of any modality).
 */
export function StorageLine({ bridge, refreshKey }: { bridge: ScoreBridge; refreshKey: unknown }) {
  const [usage, setUsage] = useState<StorageEstimate | null>(null);
  const [vectors, setVectors] = useState<number | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  const refresh = useCallback(() => {
    navigator.storage?.estimate().then(setUsage, () => {});
    navigator.storage?.persisted().then(setPersisted, () => {});
    bridge.cacheSize().then(setVectors, () => {});
  }, [bridge]);

  useEffect(refresh, [refresh, refreshKey]);

  const clear = async () => {
    await bridge.clearCache().catch(() => {});
    refresh();
  };
  const persist = async () => {
    setPersisted(await navigator.storage.persist().catch(() => false));
  };

  return (
    <p className="storage" data-testid="storage" data-vectors={vectors ?? ''}>
      Cache: <span title="embeddings of the images and texts scored in this browser: a re-run embeds only what is new">{vectors ?? '…'} vectors</span>{usage?.usage != null ? ` · ${mb(usage.usage)} used of ${mb(usage.quota ?? 0)}` : ''}
      {' · '}storage {persisted ? 'persistent' : 'may be evicted by the browser'}
      {!persisted && <button className="link" onClick={persist}>keep it</button>}
      <button className="link" data-testid="clear-cache" onClick={clear}>Clear cache</button>
    </p>
  );
}
