// The four galleries that explain the scores, one at a time behind tabs.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import { leastRepresented, mostUnrealistic, setsOfKind } from '../../../report/rankings.ts';
import { RankedGallery } from './RankedGallery.tsx';
import { SetGallery } from './SetGallery.tsx';

type Tab = 'unrealistic' | 'unrepresentative' | 'unvaried' | 'unoriginal';
const TABS: Tab[] = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'];

export function Galleries({ ex, view }: { ex: Experiment; view: NearDuplicateView }) {
  const [tab, setTab] = useState<Tab>('unrealistic');
  const unrealistic = useMemo(() => mostUnrealistic(ex.rows), [ex]);
  const unrepresentative = useMemo(() => leastRepresented(ex.rows), [ex]);
  const unvaried = useMemo(() => setsOfKind(view.sets, ex.rows, 'unvaried'), [view, ex]);
  const unoriginal = useMemo(() => setsOfKind(view.sets, ex.rows, 'unoriginal'), [view, ex]);
  const title: Record<Tab, string> = {
    unrealistic: `Most unrealistic synthetic items (${unrealistic.length})`,
    unrepresentative: `Least represented real items (${unrepresentative.length})`,
    unvaried: `Repeats inside the synthetic set (${unvaried.length} sets)`,
    unoriginal: `Copies of real items (${unoriginal.length} sets)`,
  };
  const about: Record<Tab, string> = {
    unrealistic: 'Synthetic items ranked by p = P(synthetic), out of fold: the ones a classifier finds easiest to call fake come first.',
    unrepresentative: 'Real items ranked by 1 − p: regions of the real data the synthetic set does not cover come first.',
    unvaried: 'Near-duplicate sets with no real item: the generator repeats itself.',
    unoriginal: 'Synthetic items beside the real items they nearly duplicate: the generator copies.',
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    if (e.key === 'ArrowRight') setTab(TABS[(i + 1) % TABS.length]);
    else if (e.key === 'ArrowLeft') setTab(TABS[(i + TABS.length - 1) % TABS.length]);
    else return;
    e.preventDefault();
  };
  return (
    <section className="galleries" aria-label="Evidence galleries">
      <div role="tablist" aria-label="Galleries" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t} role="tab" id={`tab-${t}`} aria-selected={t === tab} tabIndex={t === tab ? 0 : -1}
            data-testid={`tab-${t}`} className={t === tab ? 'tab active' : 'tab'} onClick={() => setTab(t)}>{title[t]}</button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <p className="about">{about[tab]}</p>
        {tab === 'unrealistic' && (
          <RankedGallery ex={ex} items={unrealistic} view={view} score={{ label: 'p', of: (r) => ex.rows[r].p }}
            label={title.unrealistic} testId="gallery-unrealistic" />
        )}
        {tab === 'unrepresentative' && (
          <RankedGallery ex={ex} items={unrepresentative} view={view} score={{ label: '1 − p', of: (r) => 1 - ex.rows[r].p }}
            label={title.unrepresentative} testId="gallery-unrepresentative" />
        )}
        {tab === 'unvaried' && <SetGallery ex={ex} sets={unvaried} view={view} label={title.unvaried} testId="gallery-unvaried" />}
        {tab === 'unoriginal' && <SetGallery ex={ex} sets={unoriginal} view={view} label={title.unoriginal} testId="gallery-unoriginal" />}
      </div>
    </section>
  );
}
