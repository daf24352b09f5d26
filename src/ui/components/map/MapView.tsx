import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { Experiment, Report } from '../../../report/schema.ts';
import type { FileSets } from '../../../pipeline/browser-env.ts';
import { getThumbnail } from '../../../storage/idb-cache.ts';
import './map.css';

const SIZE = 480;
const PAD = 8;
const COLOUR = { real: '#2b6cb0', synthetic: '#dd6b20' } as const;

/**
 * The experiment's 2-D map (UMAP, computed in the worker, stored in the report); click a point to
 * see the item: an image by default, or what `renderItem(row)` draws (a table row, a text).
 */
export function MapView({ report, experiment, files, renderItem }: {
  report: Report; experiment: Experiment; files: FileSets | null; renderItem?: (row: number) => ReactNode;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [picked, setPicked] = useState<number | null>(null); // index into map.rows
  const map = experiment.map;
  const points = useMemo(() => {
    if (!map) return [];
    return map.rows.map((row, i) => ({ row, x: PAD + map.xy[2 * i] * (SIZE - 2 * PAD), y: PAD + map.xy[2 * i + 1] * (SIZE - 2 * PAD) }));
  }, [map]);

  useEffect(() => setPicked(null), [experiment]);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = SIZE * dpr;
    c.height = SIZE * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.globalAlpha = 0.7;
    // Real first, synthetic over it; the picked point last, ringed.
    for (const side of ['real', 'synthetic'] as const) {
      ctx.fillStyle = COLOUR[side];
      for (const p of points) {
        if (experiment.rows[p.row]?.side !== side) continue;
        ctx.fillRect(p.x - 2, p.y - 2, 4, 4);
      }
    }
    ctx.globalAlpha = 1;
    if (picked !== null && points[picked]) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(points[picked].x, points[picked].y, 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }, [points, picked, experiment]);

  if (!map) return null;
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) * SIZE) / r.width, y = ((e.clientY - r.top) * SIZE) / r.height;
    let best = -1, bestD = 12 * 12;
    points.forEach((p, i) => {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    });
    setPicked(best >= 0 ? best : null);
  };
  const nReal = map.rows.filter((r) => experiment.rows[r]?.side === 'real').length;
  return (
    <section className="map-view" data-testid="map" data-points={map.rows.length}>
      <h4>2-D map (UMAP)</h4>
      <p className="map-legend">
        <span className="real">● real ({nReal})</span> <span className="synthetic">● synthetic ({map.rows.length - nReal})</span>
        {map.rows.length < map.total ? ` · a stratified subsample of ${map.total} rows` : ''} · click a point to see the item
      </p>
      <div className="map-body">
        <canvas ref={canvas} style={{ width: SIZE, height: SIZE }} onClick={onClick} data-testid="map-canvas"
          role="img" aria-label={`2-D map of ${map.rows.length} items, real in blue, synthetic in orange`} />
        {picked !== null && (renderItem ? renderItem(map.rows[picked]) : <MapItem report={report} experiment={experiment} row={map.rows[picked]} files={files} />)}
      </div>
    </section>
  );
}

function MapItem({ report, experiment, row, files }: { report: Report; experiment: Experiment; row: number; files: FileSets | null }) {
  const r = experiment.rows[row];
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let made: string | null = null;
    const root = r.side === 'real' ? report.real.path : experiment.syntheticPath;
    const file = files?.[root]?.files.find((f) => f.path === r.path)?.file;
    const hash = experiment.hashes?.[row];
    setUrl(null);
    (async () => {
      const blob = file ?? (hash ? await getThumbnail(hash).catch(() => undefined) : undefined);
      if (blob && !cancelled) setUrl((made = URL.createObjectURL(blob)));
    })();
    return () => { cancelled = true; if (made) URL.revokeObjectURL(made); };
  }, [report, experiment, row, files, r]);
  return (
    <figure className="map-item" data-testid="map-item">
      {url ? <img src={url} alt={r.path} /> : <div className="noimg">no image at hand</div>}
      <figcaption>
        <b className={r.side}>{r.side}</b> · P(synthetic) = {r.p.toFixed(3)}<br />
        <code>{r.path}</code>{r.className ? ` · class ${r.className}` : ''}
        {r.nearDuplicateSet >= 0 ? ` · near-duplicate set ${r.nearDuplicateSet}` : ''}
      </figcaption>
    </figure>
  );
}
