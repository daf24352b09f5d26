import { useEffect, useMemo, useState } from 'react';
import type { Report } from '../report/schema.ts';
import { listCollected, type CollectedSet } from '../ingest/browser-walk.ts';
import type { ListedSet } from '../ingest/types.ts';
import type { FileSets } from '../pipeline/browser-env.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import { saveReport } from '../storage/idb-cache.ts';
import { backendParam, threadsParam } from './runtime-params.ts';
import { Capabilities } from './components/Capabilities.tsx';
import { ComparisonTable } from './components/ComparisonTable.tsx';
import { DropZone } from './components/DropZone.tsx';
import { ExportButtons } from './components/ExportButtons.tsx';
import { ProgressPanel } from './components/ProgressPanel.tsx';
import { ComparisonChart } from './components/evidence/ComparisonChart.tsx';
import { EvidencePanel } from './components/evidence/EvidencePanel.tsx';
import { SetSummary } from './components/SetSummary.tsx';
import { SkippedRunList } from './components/SkippedRunList.tsx';
import { HtmlExportButton } from './components/export/HtmlExportButton.tsx';
import { OpenReport } from './components/export/OpenReport.tsx';
import { MapView } from './components/map/MapView.tsx';
import { StorageLine } from './components/StorageLine.tsx';
import { TableEvidence } from './components/table/TableEvidence.tsx';
import { DEFAULT_TABLE_CHOICES, inspectionNames, tableInspector, tableRequest } from './components/table/table-run.ts';
import { TableOptions } from './components/table/TableOptions.tsx';
import { TableRunLine } from './components/table/TableRunLine.tsx';
import { TextEvidence } from './components/text/TextEvidence.tsx';
import { textRequestOf } from './components/text/text-run.ts';
import { useTextChoice } from './components/text/useTextChoice.tsx';
import { loadDemo } from './demo.ts';
import { useRun } from './hooks/useRun.ts';
import { useStartupReport } from './hooks/useStartupReport.ts';
import { ScoreBridge, type Capabilities as Caps } from './worker-bridge.ts';

export const MODEL_ID = 'mobilenet-v2-1.4-nsfwjs';

interface SetState {
  id: number;
  name: string;
  collected: CollectedSet;
  listed: ListedSet | null;
}

let nextId = 1;

/** Unique keys for the worker (two folders may share a name). */
function uniqueKeys(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const c = (seen.get(n) ?? 0) + 1;
    seen.set(n, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

export function App() {
  const bridge = useMemo(() => new ScoreBridge({ baseUrl: new URL(import.meta.env.BASE_URL, location.origin).href, modelId: MODEL_ID, backend: backendParam(), threads: threadsParam() }), []);
  const run = useRun(bridge);
  const [real, setReal] = useState<SetState | null>(null);
  const [synthetic, setSynthetic] = useState<SetState[]>([]);
  const textPick = useTextChoice(real?.collected ?? null, synthetic.map((s) => s.collected)); // text/label field of a record file
  const [caps, setCaps] = useState<Caps | null>(null);
  const [capsError, setCapsError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [demoLoading, setDemoLoading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [runFiles, setRunFiles] = useState<{ report: Report; sets: FileSets } | null>(null); // the galleries' images
  // The user's newest past report, else the demo's build-time report; neither replaces a newer one.
  const demo = useStartupReport((r, sets) => {
    run.setReport((cur) => cur ?? r);
    if (sets) setRunFiles((cur) => cur ?? { report: r, sets });
  });

  useEffect(() => {
    bridge.capabilities().then(setCaps, (e: Error) => { if (e.name !== 'AbortError') setCapsError(e.message); });
    return () => bridge.dispose();
  }, [bridge]); // eslint-disable-line react-hooks/exhaustive-deps

  const list = (collected: CollectedSet, side: 'real' | 'synthetic'): SetState => {
    const s: SetState = { id: nextId++, name: collected.name, collected, listed: null };
    listCollected(collected, side).then((listed) => {
      const update = (x: SetState) => (x.id === s.id ? { ...x, listed } : x);
      if (side === 'real') setReal((r) => (r ? update(r) : r));
      else setSynthetic((all) => all.map(update));
    });
    return s;
  };

  const tryDemo = async () => {
    setDemoLoading(true);
    setNotice(null);
    try {
      const demo = await loadDemo();
      setReal(list(demo.real, 'real'));
      setSynthetic(demo.synthetic.map((s) => list(s, 'synthetic')));
    } catch (e) {
      setNotice((e as Error).message);
    } finally {
      setDemoLoading(false);
    }
  };

  const ready = real?.listed && synthetic.length > 0 && synthetic.every((s) => s.listed);
  const [tableChoices, setTableChoices] = useState(DEFAULT_TABLE_CHOICES);
  const allTables = !!ready && [real, ...synthetic].every((s) => s?.listed?.modality === 'table');
  const setIds = [real, ...synthetic].map((s) => s?.id).join(',');
  const inspectTables = useMemo(() => (allTables ? tableInspector(bridge, [real!, ...synthetic]) : null), [bridge, allTables, setIds]); // eslint-disable-line react-hooks/exhaustive-deps
  const onRun = async () => {
    if (!real || !ready) return;
    const keys = uniqueKeys([real.name, ...synthetic.map((s) => s.name)]);
    const sets: FileSets = {};
    [real, ...synthetic].forEach((s, i) => (sets[keys[i]] = { files: s.collected.files, skipped: s.collected.skipped }));
    const image: RunRequest = {
      modality: 'image',
      real: keys[0],
      synthetic: synthetic.map((s, i) => ({ name: s.name, path: keys[i + 1] })),
      threshold: { kind: 'manifest' },
      map: {},
    };
    const text = await textRequestOf(keys, real, synthetic, textPick.choice);
    const report: Report | null = await run.start(sets, text ?? (real.listed?.modality === 'table' ? tableRequest(keys, [real, ...synthetic], tableChoices) : image));
    if (report) {
      setRunFiles({ report, sets });
      setSelected(0);
      navigator.storage?.persist?.().catch(() => false); // ask once a run has cached something
      saveReport(report, real.name).catch((e: Error) => setNotice(e.name === 'QuotaExceededError'
        ? 'Browser storage is full, so this report was not kept for your next visit: download it as JSON. "Clear cache" frees space.'
        : `The report could not be saved: ${e.message}`));
    }
  };

  const report = run.report;
  const experiment = report?.experiments[Math.min(selected, report.experiments.length - 1)];
  const isDemo = report !== null && report === demo?.report;
  const files = runFiles?.report === report ? runFiles.sets : null; // the shown report's images, if this page has them

  // The results as one memoised element: state that changes during a run (the phase) re-renders
  // the page but not the results, galleries and map below it (~40 ms of CPU).
  const results = useMemo(() => report && experiment && (
      <section className="results" data-testid="results">
        {isDemo && (
          <div className="demo-banner" data-testid="demo-banner">
            <p><strong>Demo: MNIST digits — drop your own folders to score them.</strong> Scored when this app was built,
              by the same engine; “Run the demo live” scores it again in this page.</p>
            <ul>{report.experiments.map((ex) => demo?.effects[ex.name] && <li key={ex.name}><strong>{ex.name}</strong>: {demo.effects[ex.name]}</li>)}</ul>
          </div>
        )}
        <h2>Results · real set “{report.real.path}” ({report.real.count} items) · {new Date(report.createdAt).toLocaleString()}</h2>
        {report.modality === 'table' ? <TableRunLine report={report} /> : <p className="embedding" data-testid="embedding" data-embedded={report.embedding.embedded} data-from-cache={report.embedding.fromCache}>
          {report.embedding.embedded} embedded, {report.embedding.fromCache} from the cache · model {report.model.id}
        </p>}
        {report.warnings?.map((w) => <p key={w} className="warn" role="status" data-testid="report-warning">{w}</p>)}
        <ExportButtons report={report} />
        <HtmlExportButton report={report} files={files} />
        <ComparisonTable experiments={report.experiments} selected={selected} onSelect={setSelected} />
        <ComparisonChart experiments={report.experiments} selected={selected} onSelect={setSelected} />
        <h3>{experiment.name}</h3>
        {report.modality === 'text' ? <TextEvidence report={report} experiment={experiment} /> : report.modality === 'table' ? <TableEvidence report={report} experiment={experiment} /> : <>
          <EvidencePanel report={report} experiment={experiment} files={files} />
          <MapView report={report} experiment={experiment} files={files} />
        </>}
      </section>
  ), [report, experiment, isDemo, demo, selected, files]);

  return (
    <main>
      <header>
        <h1>SynthScore</h1>
        <p>Score a synthetic dataset against a real one, on this machine. Nothing leaves the page.</p>
        <Capabilities caps={caps} error={capsError} />
        <StorageLine bridge={bridge} refreshKey={run.report} />
      </header>

      <section className="inputs">
        <div>
          <DropZone side="real" label="Real" testId="real" onCollected={(c) => setReal(list(c, 'real'))} />
          {real && <SetSummary name={real.name} listed={real.listed} testId="summary-real" />}
          {textPick.picker}
        </div>
        <div>
          <DropZone side="synthetic" label="Synthetic (each folder is one experiment)" testId="synthetic"
            onCollected={(c) => setSynthetic((all) => [...all, list(c, 'synthetic')])} />
          {synthetic.map((s) => (
            <div key={s.id} className="synthetic-set">
              <input aria-label="experiment name" value={s.name}
                onChange={(e) => setSynthetic((all) => all.map((x) => (x.id === s.id ? { ...x, name: e.target.value } : x)))} />
              <button className="link" onClick={() => setSynthetic((all) => all.filter((x) => x.id !== s.id))}>remove</button>
              <SetSummary name={s.name} listed={s.listed} testId={`summary-synthetic-${s.name}`} />
            </div>
          ))}
        </div>
      </section>
      {inspectTables && !textPick.choice?.text && <TableOptions inspect={inspectTables} names={inspectionNames(synthetic)} value={tableChoices} onChange={setTableChoices} />}

      <section className="controls">
        <button data-testid="run" disabled={!ready || run.phase === 'running'} onClick={onRun}>Run</button>
        <button data-testid="cancel" disabled={run.phase !== 'running'} onClick={run.cancel}>Cancel</button>
        <button data-testid="demo" disabled={demoLoading || run.phase === 'running'} onClick={tryDemo}>
          {demoLoading ? 'Loading the demo…' : isDemo ? 'Run the demo live' : 'Try the demo'}
        </button>
        <OpenReport onOpen={(r) => { run.setReport(r); setSelected(0); setNotice(null); }} />
        <span className="phase" data-testid="phase" data-phase={run.phase}>
          {run.phase === 'running' ? 'Running…' : run.phase === 'cancelled' ? 'Cancelled.' : ''}
        </span>
      </section>
      {notice && <p className="error" role="alert">{notice}</p>}
      {run.phase === 'failed' && run.error && (
        <p className="error" role="alert" data-testid="error">{run.error.name === 'InputError' ? '' : `${run.error.name}: `}{run.error.message}</p>
      )}

      <ProgressPanel progress={run.progress} running={run.phase === 'running'} />
      {run.phase !== 'idle' && <SkippedRunList skipped={run.skipped} />}

      {results}
    </main>
  );
}
