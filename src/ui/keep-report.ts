// A fresh report is kept in IndexedDB for the user's next visit; when it cannot be, the user is told
// why in words they can act on.
import type { Report } from '../report/schema.ts';
import { saveReport } from '../storage/idb-cache.ts';

/** Rejects with a message for the user when the report could not be saved. */
export async function keepReport(report: Report, realName: string): Promise<void> {
  navigator.storage?.persist?.().catch(() => false); // ask once a run has cached something
  try {
    await saveReport(report, realName);
  } catch (e) {
    const err = e as Error;
    throw new Error(err.name === 'QuotaExceededError'
      ? 'Browser storage is full, so this report was not kept for your next visit: download it as JSON. "Clear cache" frees space.'
      : `The report could not be saved: ${err.message}`);
  }
}
