// The text findings as small charts: word-count distributions (real vs synthetic), vocabulary
// richness (distinct-1/2) and the phrases synthetic text over-uses relative to real text.
import type { TextFindings as Findings } from '../../../core/text/text-stats.ts';

const REAL = '#4a7bd0', SYNTH = '#e07a2f';

function LengthChart({ f }: { f: Findings }) {
  const { real, synthetic } = f.length;
  const share = (c: number[], n: number) => c.map((x) => (n ? x / n : 0));
  const r = share(real.histogram.counts, real.n), s = share(synthetic.histogram.counts, synthetic.n);
  // Only the buckets either side uses, from the first to the last.
  const used = r.map((x, i) => x > 0 || s[i] > 0);
  const lo = used.indexOf(true), hi = used.lastIndexOf(true);
  if (lo < 0) return null;
  const idx = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const max = Math.max(...idx.map((i) => Math.max(r[i], s[i])), 1e-9);
  const W = 22, H = 80;
  const label = (i: number) => { const u = real.histogram.upper[i]; const l = i === 0 ? 0 : real.histogram.upper[i - 1] + 1; return u >= Number.MAX_SAFE_INTEGER ? `${l}+` : l === u ? `${u}` : `${l}–${u}`; };
  return (
    <figure className="finding" data-testid="finding-lengths">
      <figcaption>Length (words per text) · median real {real.words.median.toFixed(0)}, synthetic {synthetic.words.median.toFixed(0)}</figcaption>
      <svg width={idx.length * W + 8} height={H + 30} role="img" aria-label="word-count distribution, real vs synthetic">
        {idx.map((i, k) => (
          <g key={i} transform={`translate(${4 + k * W},0)`}>
            <rect x={2} y={H - (r[i] / max) * H} width={8} height={(r[i] / max) * H} fill={REAL}><title>{`real ${label(i)} words: ${(r[i] * 100).toFixed(1)}%`}</title></rect>
            <rect x={11} y={H - (s[i] / max) * H} width={8} height={(s[i] / max) * H} fill={SYNTH}><title>{`synthetic ${label(i)} words: ${(s[i] * 100).toFixed(1)}%`}</title></rect>
            <text x={W / 2} y={H + 12} fontSize={8} textAnchor="middle">{label(i)}</text>
          </g>
        ))}
      </svg>
      <p className="legend"><span style={{ color: REAL }}>■</span> real ({real.n}) <span style={{ color: SYNTH }}>■</span> synthetic ({synthetic.n}) · share of texts</p>
    </figure>
  );
}

function DistinctChart({ f }: { f: Findings }) {
  const rows: [string, number, number][] = [['distinct-1', f.distinct.real.d1, f.distinct.synthetic.d1], ['distinct-2', f.distinct.real.d2, f.distinct.synthetic.d2]];
  const W = 160;
  return (
    <figure className="finding" data-testid="finding-distinct">
      <figcaption>Vocabulary richness (unique ÷ all word 1- and 2-grams)</figcaption>
      <table>
        <tbody>
          {rows.map(([name, r, s]) => (
            <tr key={name} data-testid={`distinct-${name}`} data-real={r} data-synthetic={s}>
              <th>{name}</th>
              <td>
                <svg width={W + 4} height={22} aria-hidden="true">
                  <rect x={0} y={2} width={r * W} height={8} fill={REAL} />
                  <rect x={0} y={12} width={s * W} height={8} fill={SYNTH} />
                </svg>
              </td>
              <td>real {r.toFixed(3)}<br />synthetic {s.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function OverusedChart({ f }: { f: Findings }) {
  const top = f.overused.slice(0, 10);
  const max = Math.max(...top.map((p) => p.z), 1e-9);
  return (
    <figure className="finding" data-testid="finding-overused">
      <figcaption>Phrases synthetic text over-uses (log-odds z against real)</figcaption>
      {top.length === 0 ? <p className="none">None stands out.</p> : (
        <table>
          <tbody>
            {top.map((p) => (
              <tr key={p.phrase} data-testid="overused-phrase">
                <th><q>{p.phrase}</q></th>
                <td><svg width={124} height={10} aria-hidden="true"><rect x={0} y={1} width={(p.z / max) * 120} height={8} fill={SYNTH} /></svg></td>
                <td>z {p.z.toFixed(1)} · {p.synthetic}× synthetic, {p.real}× real</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

export function TextFindings({ findings }: { findings: Findings }) {
  return (
    <section className="text-findings" data-testid="text-findings">
      <h4>Findings</h4>
      <div className="findings-row">
        <LengthChart f={findings} />
        <DistinctChart f={findings} />
        <OverusedChart f={findings} />
      </div>
    </section>
  );
}
