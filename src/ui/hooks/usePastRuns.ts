// The user's kept reports (IndexedDB), read only when the past-runs section is opened: each read
// clones whole reports, which the page should not pay for on every visit.
import { useCallback, useState } from 'react';
import { deleteReport, listReports, type ReportRecord } from '../../storage/idb-cache.ts';

export function usePastRuns() {
  const [records, setRecords] = useState<ReportRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listReports().then((r) => { setRecords(r); setError(null); }, (e: Error) => setError(`Past runs could not be read from this browser's storage: ${e.message}`));
  }, []);
  const remove = useCallback((id: number) => {
    deleteReport(id).then(load, (e: Error) => setError(`That run could not be deleted: ${e.message}`));
  }, [load]);
  return { records, error, load, remove };
}
