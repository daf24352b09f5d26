// The page's title, what this browser gives the engine, the storage line and offline use.
import type { Capabilities as Caps, ScoreBridge } from '../worker-bridge.ts';
import { Capabilities } from './Capabilities.tsx';
import { OfflineLine } from './OfflineLine.tsx';
import { StorageLine } from './StorageLine.tsx';

export function PageHeader(props: { caps: Caps | null; capsError: string | null; bridge: ScoreBridge; storageKey: unknown }) {
  return (
    <header>
      <h1>SynthScore</h1>
      <p>Score a synthetic dataset against a real one, on this machine. Nothing leaves the page.</p>
      <Capabilities caps={props.caps} error={props.capsError} />
      <StorageLine bridge={props.bridge} refreshKey={props.storageKey} />
      <OfflineLine />
    </header>
  );
}
