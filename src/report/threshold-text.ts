// How the near-duplicate thresholds in force are told to a reader, in one wording for the CLI
// summary, the HTML export and the app: each signal's threshold, where it came from, and how far
// to trust it (false pairs among real rows, edited copies caught).
import { fmt } from './meaning.ts';
import type { Experiment, SignalThreshold, ThresholdInfo } from './schema.ts';

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

const SIGNAL_NAME: Record<SignalThreshold['signal'], string> = { embedding: 'embedding', copy: 'copy signal' };

/** The signals of a threshold (a report without them has the embedding alone). */
export function signalsOf(t: ThresholdInfo): SignalThreshold[] {
  return t.signals ?? [{ signal: 'embedding', measure: "cosine distance of the model's embedding", value: t.value, source: t.source, used: t.value > 0, note: t.note }];
}

/** "embedding distance below 0.0120 or copy signal (…) below 0.0300": what joins a pair. */
export function joinedBy(ex: Pick<Experiment, 'threshold'>): string {
  const used = signalsOf(ex.threshold).filter((s) => s.used);
  if (!used.length) return 'no signal';
  return used.map((s) => `${SIGNAL_NAME[s.signal]} (${s.measure}) below ${fmt(s.value, 4)}`).join(' or ');
}

/** One line per signal: value, source, its calibration's false-pair and catch rates, and why
 *  when it is not used or not calibrated. */
export function signalLines(t: ThresholdInfo): string[] {
  return signalsOf(t).map((s) => {
    // An unused signal's note says why ("not used: …").
    if (!s.used) return `${SIGNAL_NAME[s.signal]} (${s.source}) ${s.note}`;
    const c = s.calibration;
    const trust = c ? ` — ${pct(c.falsePairRate)} of ${c.realRows} real rows within it of a distinct real row; catches ${pct(c.catchRate)} of ${c.copies.n} edited copies` : '';
    return `${SIGNAL_NAME[s.signal]}: below ${fmt(s.value, 4)} (${s.source})${trust}${s.source === 'calibrated' ? '' : `: ${s.note}`}`;
  });
}

/** Share of edited copies caught per kind of edit, e.g. "shift 98%, jpeg 100%". */
export function caughtByKindText(s: SignalThreshold): string {
  return Object.entries(s.calibration?.caughtByKind ?? {}).map(([k, v]) => `${k} ${pct(v)}`).join(', ');
}
