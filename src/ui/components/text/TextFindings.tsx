// The text findings as small charts: word-count distributions (real vs synthetic), vocabulary
// richness (distinct-1/2) and the phrases synthetic text over-uses relative to real text. Captions,
// legends and geometry come from src/report/charts/text-findings.ts, shared with the HTML export.
import type { TextFindings as Findings } from '../../../report/schema.ts';
import { textFindingFigures } from '../../../report/charts/text-findings.ts';
import { SIDE_COLOUR } from '../../../report/charts/shapes.ts';
import { SvgChart } from '../charts/SvgChart.tsx';

export function TextFindings({ findings }: { findings: Findings }) {
  return (
    <section className="text-findings" data-testid="text-findings">
      <h4>Findings</h4>
      <div className="findings-row">
        {textFindingFigures(findings).map((f) => (
          <figure key={f.key} className="finding" data-testid={`finding-${f.key}`}>
            <figcaption>{f.caption}</figcaption>
            {f.chart ? <SvgChart chart={f.chart} /> : <p className="none">{f.empty}</p>}
            {f.legend && (
              <p className="legend">
                <span style={{ color: SIDE_COLOUR.real }}>■</span> {f.legend.real} <span style={{ color: SIDE_COLOUR.synthetic }}>■</span>{' '}
                {f.legend.synthetic}
                {f.legend.after && ` · ${f.legend.after}`}
              </p>
            )}
          </figure>
        ))}
      </div>
    </section>
  );
}
