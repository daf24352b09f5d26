// Which report the results show and which of its experiments: the newest run's, one the user
// opened, or at start the user's last report or the demo's. Keeps the dropped files of the run
// that made the shown report, for its galleries.
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { FileSets } from '../../pipeline/browser-env.ts';
import type { Report } from '../../report/schema.ts';
import { useStartupReport } from './useStartupReport.ts';

export function useShownReport(run: { report: Report | null; setReport: Dispatch<SetStateAction<Report | null>> }) {
  const [selected, setSelected] = useState(0);
  const [runFiles, setRunFiles] = useState<{ report: Report; files: FileSets } | null>(null);
  // The user's newest past report, else the demo's build-time report; neither replaces a newer one.
  const demo = useStartupReport((r, files) => {
    run.setReport((cur) => cur ?? r);
    if (files) setRunFiles((cur) => cur ?? { report: r, files });
  });
  const report = run.report;
  return {
    report,
    experiment: report?.experiments[Math.min(selected, report.experiments.length - 1)] ?? null,
    selected,
    setSelected,
    demo,
    isDemo: report !== null && report === demo?.report,
    /** The shown report's files, if this page has them. */
    files: runFiles?.report === report ? runFiles.files : null,
    /** A run made `report` from `files`: show its first experiment, or keep the one picked when
     *  `report` replaces that run's headline (issue 14: scores first, panel after). */
    ran: (report: Report, files: FileSets, keepSelection = false) => {
      setRunFiles({ report, files });
      if (!keepSelection) setSelected(0);
    },
    /** The user opened a report file. */
    open: (report: Report) => {
      run.setReport(report);
      setSelected(0);
    },
  };
}
