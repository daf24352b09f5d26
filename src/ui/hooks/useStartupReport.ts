// What the page opens on: the newest of the user's own past reports (IndexedDB), else the demo's
// report scored at build time, so a first visit shows results at once. The demo is never stored
// as the user's report, and a report the user opened or ran meanwhile is never replaced.
import { startTransition, useEffect, useState } from 'react';
import type { Report } from '../../report/schema.ts';
import type { FileSets } from '../../pipeline/browser-env.ts';
import { listReports } from '../../storage/idb-cache.ts';
import { loadDemoReport, type PrecomputedDemo } from '../demo.ts';

/** `show` is called once, with the past report or the demo's (with its images); returns the demo shown, if any. */
export function useStartupReport(show: (report: Report, files: FileSets | null) => void): PrecomputedDemo | null {
  const [demo, setDemo] = useState<PrecomputedDemo | null>(null);
  useEffect(() => {
    let live = true;
    const openDemo = () => loadDemoReport().then((d) => {
      if (!live || !d) return;
      // A transition: the results render in slices that yield to input (the page stays responsive).
      startTransition(() => {
        setDemo(d);
        show(d.report, d.files);
      });
    }, (e: Error) => console.warn(`The demo report could not be shown: ${e.message}`));
    listReports().then((past) => {
      if (!live) return;
      if (past[0]) startTransition(() => show(past[0].report, null));
      else void openDemo();
    }, () => { if (live) void openDemo(); }); // no IndexedDB (private window): the demo still shows
    return () => { live = false; };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return demo;
}
