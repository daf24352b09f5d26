// Galleries of text cards: the most unrealistic synthetic texts (by p) and the least represented
// real texts (by 1 − p), the same rankings as the image galleries.
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { leastRepresented, mostUnrealistic } from '../../../report/rankings.ts';
import { TextCard } from './TextCard.tsx';

const PAGE = 12;

function Ranked(props: { ex: Experiment; texts: string[]; order: number[]; label: string; value(row: number): number; testId: string }) {
  const [shown, setShown] = useState(PAGE);
  const { ex, order } = props;
  return (
    <div className="text-cards" data-testid={props.testId} data-count={order.length}>
      {order.slice(0, shown).map((r) => (
        <TextCard key={r} path={ex.rows[r].path} text={props.texts[r] ?? ''} score={{ label: props.label, value: props.value(r) }} />
      ))}
      {order.length > shown && <button className="link" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, order.length - shown)} more of {order.length - shown}</button>}
    </div>
  );
}

export function TextCards({ ex }: { ex: Experiment }) {
  const texts = ex.text?.texts ?? [];
  const unrealistic = useMemo(() => mostUnrealistic(ex.rows), [ex]);
  const unrepresentative = useMemo(() => leastRepresented(ex.rows), [ex]);
  return (
    <div className="text-galleries">
      <section>
        <h4>Most unrealistic synthetic texts</h4>
        <p className="about">Ranked by p = P(synthetic), out of fold: the texts a classifier finds easiest to call generated come first.</p>
        <Ranked ex={ex} texts={texts} order={unrealistic} label="p" value={(r) => ex.rows[r].p} testId="text-unrealistic" />
      </section>
      <section>
        <h4>Least represented real texts</h4>
        <p className="about">Real texts ranked by 1 − p: the ones least like anything in the synthetic set come first.</p>
        <Ranked ex={ex} texts={texts} order={unrepresentative} label="1 − p" value={(r) => 1 - ex.rows[r].p} testId="text-unrepresentative" />
      </section>
    </div>
  );
}
