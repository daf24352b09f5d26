// The page: the sets, the controls, the run's status and the results, each a hook or a component
// of its own; this file only wires them together and starts a run.
import { startTransition, useState } from 'react';
import type { Report } from '../report/schema.ts';
import { keepReport } from './keep-report.ts';
import { Controls } from './components/Controls.tsx';
import { InputsSection } from './components/InputsSection.tsx';
import { PageHeader } from './components/PageHeader.tsx';
import { Results } from './components/Results.tsx';
import { RunStatus } from './components/RunStatus.tsx';
import { inspectionNames } from './components/table/table-run.ts';
import { TableOptions } from './components/table/TableOptions.tsx';
import { useTableChoices } from './components/table/useTableChoices.ts';
import { useTextChoice } from './components/text/useTextChoice.tsx';
import { useBridge } from './hooks/useBridge.ts';
import { useCapabilities } from './hooks/useCapabilities.ts';
import { PanelPendingContext, useRun } from './hooks/useRun.ts';
import { useSets } from './hooks/useSets.ts';
import { useShownReport } from './hooks/useShownReport.ts';
import { runInputOf } from './run-input.ts';
import { engineIdentity, runFingerprint } from './run-fingerprint.ts';
import { storedRunOf } from './stored-run.ts';
import { StoredRunNote } from './components/StoredRunNote.tsx';
import { PastRuns } from './components/history/PastRuns.tsx';
import { ModelChooser } from './components/model/ModelChooser.tsx';
import { modelIdentity, useModelChoice, withModel } from './hooks/useModelChoice.ts';

export function App() {
  const bridge = useBridge();
  const caps = useCapabilities(bridge);
  const run = useRun(bridge);
  const sets = useSets();
  const textPick = useTextChoice(sets.real?.collected ?? null, sets.synthetic.map((s) => s.collected)); // text/label field of a record file
  const tables = useTableChoices(bridge, sets);
  const shown = useShownReport(run);
  const models = useModelChoice(); // the image model of the next image run (issue 15)
  const [notice, setNotice] = useState<string | null>(null);
  /** When the shown report is a stored one that an unchanged Run found: that run's time. */
  const [storedAt, setStoredAt] = useState<string | null>(null);

  /** `fresh`: score even when nothing changed ("Run again"). */
  const onRun = async (fresh = false) => {
    const real = sets.real;
    if (!real || !sets.ready) return;
    setStoredAt(null);
    run.begin();
    let input: Awaited<ReturnType<typeof runInputOf>>;
    try {
      input = await runInputOf(real, sets.synthetic, textPick.choice, tables.choices, sets.holdout);
    } catch (e) {
      run.fail(e as Error);
      return;
    }
    const { files } = input;
    const request = withModel(input.request, models.choice);
    const fingerprint = await engineIdentity()
      .then((engine) => runFingerprint(files, request, engine, request.modality === 'image' ? modelIdentity(models) : undefined)).catch(() => null);
    const stored = fingerprint && !fresh ? await storedRunOf(fingerprint) : null;
    if (stored) {
      startTransition(() => {
        run.showStored(stored.report);
        setStoredAt(stored.createdAt);
      });
      shown.ran(stored.report, files);
      return;
    }
    // The headline (scores first, panel to come) shows at once; the final report replaces it in place.
    let headline: Report | null = null;
    const final = await run.start(files, request, (h) => {
      shown.ran(h, files, headline !== null);
      headline = h;
    });
    // A run cancelled during its panel still has its scores: they are kept, as any computed result,
    // but without the fingerprint, so the next Run scores again.
    const report = final ?? headline;
    if (!report) return;
    if (final && fingerprint) report.inputs = { fingerprint };
    const headlineShown = headline !== null;
    shown.ran(report, files, headlineShown);
    keepReport(report, real.name).catch((e: Error) => setNotice(e.message));
  };
  const tryDemo = () => {
    setNotice(null);
    sets.loadDemo().catch((e: Error) => setNotice(e.message));
  };

  // The model chooser shows until the sets say the run is text or tables (ingest/modality.ts).
  const realModality = sets.real?.listed?.modality;
  const imageRun = !textPick.choice?.text && !sets.allTables && realModality !== 'text' && realModality !== 'table';

  return (
    <main>
      <PageHeader caps={caps.caps} capsError={caps.error} bridge={bridge} storageKey={run.phase} />
      <InputsSection sets={sets} textPicker={textPick.picker} tableRun={sets.allTables && !textPick.choice?.text} />
      {tables.inspect && !textPick.choice?.text && (
        <TableOptions inspect={tables.inspect} names={inspectionNames(sets.synthetic)} value={tables.choices} onChange={tables.setChoices} />
      )}
      <Controls modelChooser={imageRun && <ModelChooser models={models} trier={bridge} disabled={run.phase === 'running'} />} ready={sets.ready} phase={run.phase} demoLoading={sets.demoLoading} isDemo={shown.isDemo}
        onRun={() => void onRun()} onCancel={run.cancel} onDemo={tryDemo} onOpen={(r) => { shown.open(r); setNotice(null); setStoredAt(null); }} />
      <RunStatus notice={notice} run={run} />
      <PastRuns refreshKey={run.phase} onOpen={(r) => { shown.open(r); setNotice(null); setStoredAt(null); }} />
      {storedAt && shown.report && <StoredRunNote createdAt={storedAt} onRunAgain={() => void onRun(true)} />}
      {shown.report && shown.experiment && (
        <PanelPendingContext.Provider value={run.panelPending}>
          <Results report={shown.report} experiment={shown.experiment} demo={shown.demo} isDemo={shown.isDemo}
            selected={shown.selected} onSelect={shown.setSelected} files={shown.files} />
        </PanelPendingContext.Provider>
      )}
    </main>
  );
}
