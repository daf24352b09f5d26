// The unchanged re-run (issue 17): the newest kept report whose fingerprint is this run's.
import type { Report } from '../report/schema.ts';
import { findReportByFingerprint } from '../storage/idb-cache.ts';

export interface StoredRun {
  report: Report;
  /** When that run was made (ISO). */
  createdAt: string;
}

/** The stored report of an identical run, or null (none kept, or no IndexedDB here). */
export async function storedRunOf(fingerprint: string): Promise<StoredRun | null> {
  const hit = await findReportByFingerprint(fingerprint).catch(() => undefined);
  return hit ? { report: hit.report, createdAt: hit.createdAt } : null;
}
