// The panel's image issue rates (CleanVision's kinds, docs/panel-images-tables.md): a small table
// of each kind's rate in the real and the synthetic set (read the difference, not the level: MNIST
// is all "low information" by CleanVision's own threshold), and the worst flagged synthetic items
// of the chosen kind as a small gallery, pictured as the evidence galleries picture them.
import { useEffect, useMemo, useState } from 'react';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import { ISSUE_LABELS } from '../../../core/image/image-issues.ts';
import { fmt } from '../../../report/meaning.ts';
import type { Estimate, Experiment, ImageIssueKind, ImageIssueRates, Report } from '../../../report/schema.ts';
import { createItemImages, ItemImagesContext } from '../../hooks/useItemImages.ts';
import { baseName } from '../evidence/evidence.ts';
import { ItemImage } from '../evidence/ItemImage.tsx';

const KINDS = Object.keys(ISSUE_LABELS) as ImageIssueKind[];

/** A rate as a percentage with one decimal; its interval on hover. */
const percent = (v: number) => (Number.isFinite(v) ? `${fmt(v * 100, 1)}%` : '–');
const rateTitle = (e: Estimate) => (e.method === 'none' ? `n = ${e.n}` : `95% ${percent(e.lo)}–${percent(e.hi)} · n = ${e.n}`);

export function ImageIssues({ report, experiment: ex, issues, files }: { report: Report; experiment: Experiment; issues: ImageIssueRates; files: FileSets | null }) {
  const kinds = KINDS.filter((k) => issues[k]);
  // The evidence frame is keyed by experiment, so this starts afresh for each one.
  const [chosen, setChosen] = useState<ImageIssueKind | null>(() => firstShown(issues, kinds));
  // The evidence galleries' picture source (dropped files, else stored thumbnails); the writer of
  // thumbnails runs once, in the galleries, so only the lookup is made here.
  const images = useMemo(() => createItemImages(report, files), [report, files]);
  useEffect(() => () => images.dispose(), [images]);
  const worst = chosen ? issues[chosen].worst.filter((r) => r >= 0 && r < ex.rows.length) : [];
  return (
    <div className="panel-issues" data-testid="panel-image-issues">
      <table className="panel-measures">
        <thead>
          <tr><th scope="col">image issue</th><th scope="col">real rate</th><th scope="col">synthetic rate</th><th scope="col">worst synthetic</th></tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const r = issues[k];
            return (
              <tr key={k} data-testid={`issue-${k}`} className={k === chosen ? 'selected' : undefined}>
                <th scope="row">{ISSUE_LABELS[k]}</th>
                <td data-testid={`issue-${k}-real`} title={rateTitle(r.real)}>{percent(r.real.value)}</td>
                <td data-testid={`issue-${k}-synthetic`} title={rateTitle(r.synthetic)}>{percent(r.synthetic.value)}</td>
                <td>
                  {r.worst.length > 0
                    ? <button className="link" aria-pressed={k === chosen} onClick={() => setChosen(k)}>show {r.worst.length}</button>
                    : 'none'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {chosen && worst.length > 0 && (
        <ItemImagesContext.Provider value={images}>
          <div className="issue-gallery" data-testid="issue-gallery" data-kind={chosen} data-count={worst.length}
            role="list" aria-label={`Most ${ISSUE_LABELS[chosen]} synthetic items`}>
            {worst.map((row, i) => (
              <figure key={row} role="listitem" data-row={row}>
                <ItemImage ex={ex} row={row} />
                <figcaption><span className="rank">#{i + 1}</span> <span className="path" title={ex.rows[row].path}>{baseName(ex.rows[row].path)}</span></figcaption>
              </figure>
            ))}
          </div>
        </ItemImagesContext.Provider>
      )}
    </div>
  );
}

/** The flagged kind whose synthetic rate exceeds the real one most: the gallery shown first. */
function firstShown(issues: ImageIssueRates, kinds: ImageIssueKind[]): ImageIssueKind | null {
  const excess = (k: ImageIssueKind) => issues[k].synthetic.value - issues[k].real.value;
  return [...kinds].sort((a, b) => excess(b) - excess(a)).find((k) => issues[k].worst.length > 0) ?? null;
}
