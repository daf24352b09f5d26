// The page: the sets, the controls, the run's status and the results, each a hook or a component
// of its own; this file only wires them together and starts a run.
import { useState } from 'react';
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
import { useRun } from './hooks/useRun.ts';
import { useSets } from './hooks/useSets.ts';
import { useShownReport } from './hooks/useShownReport.ts';
import { runInputOf } from './run-input.ts';

export function App() {
  const bridge = useBridge();
  const caps = useCapabilities(bridge);
  const run = useRun(bridge);
  const sets = useSets();
  const textPick = useTextChoice(sets.real?.collected ?? null, sets.synthetic.map((s) => s.collected)); // text/label field of a record file
  const tables = useTableChoices(bridge, sets);
  const shown = useShownReport(run);
  const [notice, setNotice] = useState<string | null>(null);

  const onRun = async () => {
    const real = sets.real;
    if (!real || !sets.ready) return;
    const { files, request } = await runInputOf(real, sets.synthetic, textPick.choice, tables.choices);
    const report = await run.start(files, request);
    if (!report) return;
    shown.ran(report, files);
    keepReport(report, real.name).catch((e: Error) => setNotice(e.message));
  };
  const tryDemo = () => {
    setNotice(null);
    sets.loadDemo().catch((e: Error) => setNotice(e.message));
  };

  return (
    <main>
      <PageHeader caps={caps.caps} capsError={caps.error} bridge={bridge} storageKey={run.phase} />
      <InputsSection sets={sets} textPicker={textPick.picker} />
      {tables.inspect && !textPick.choice?.text && (
        <TableOptions inspect={tables.inspect} names={inspectionNames(sets.synthetic)} value={tables.choices} onChange={tables.setChoices} />
      )}
      <Controls ready={sets.ready} phase={run.phase} demoLoading={sets.demoLoading} isDemo={shown.isDemo}
        onRun={onRun} onCancel={run.cancel} onDemo={tryDemo} onOpen={(r) => { shown.open(r); setNotice(null); }} />
      <RunStatus notice={notice} run={run} />
      {shown.report && shown.experiment && (
        <Results report={shown.report} experiment={shown.experiment} demo={shown.demo} isDemo={shown.isDemo}
          selected={shown.selected} onSelect={shown.setSelected} files={shown.files} />
      )}
    </main>
  );
}
