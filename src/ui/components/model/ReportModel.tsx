// Which model scored the shown report (issue 15): a run, a stored run, an opened report file or
// the demo all say it in the results' header, so numbers from two models are never read as one
// scale (docs/models.md). A user's model shows its hash (report.model.sha256) and, when this
// browser still keeps that file, its file name.
import { useEffect, useState } from 'react';
import type { Report } from '../../../report/schema.ts';
import { modelLabel } from '../../../report/side-by-side.ts';
import { listUserModels } from '../../../storage/user-models.ts';

/** The file name of a user's model kept in this browser, by its hash (null: not kept here). */
function useKeptFileName(sha256: string | undefined): string | null {
  const [found, setFound] = useState<{ sha256: string; fileName: string } | null>(null);
  useEffect(() => {
    if (!sha256) return;
    let live = true;
    listUserModels().then((all) => {
      const m = all.find((u) => u.sha256 === sha256);
      if (live && m) setFound({ sha256, fileName: m.fileName });
    }, () => {});
    return () => { live = false; };
  }, [sha256]);
  return found && found.sha256 === sha256 ? found.fileName : null;
}

export function ReportModel({ report }: { report: Report }) {
  const m = report.model;
  const fileName = useKeptFileName(m.sha256);
  const text = [modelLabel(report), ...(fileName ? [`your file ${fileName}`] : []), `${m.dimension}-d`].join(', ');
  return (
    <span className="report-model" data-testid="report-model" data-model-id={m.id} data-model-version={m.version}
      data-model-source={m.source} data-model-sha256={m.sha256}>
      model: {text}
    </span>
  );
}
