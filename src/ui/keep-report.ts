// A fresh report is kept in IndexedDB for the user's next visit; when it cannot be, the user is told
// why in words they can act on.
import type { Report } from '../report/schema.ts';
import { saveReport } from '../storage/idb-cache.ts';

/** Resolves when the page is idle (or after `timeout` ms at most): the results get drawn first. */
export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** Rejects with a message for the user when the report could not be saved. */
export async function keepReport(report: Report, realName: string): Promise<void> {
  navigator.storage?.persist?.().catch(() => false); // ask once a run has cached something
  // Saving clones the whole report on the main thread (IndexedDB's structured clone, one task that
  // grows with the rows): not in the same moments as the results' first render (issue 17).
  await whenIdle();
  try {
    await saveReport(report, realName);
  } catch (e) {
    const err = e as Error;
    throw new Error(err.name === 'QuotaExceededError'
      ? 'Browser storage is full, so this report was not kept for your next visit: download it as JSON. "Clear cache" frees space.'
      : `The report could not be saved: ${err.message}`);
  }
}
