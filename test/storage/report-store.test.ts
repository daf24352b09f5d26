// Kept reports: an unchanged re-run finds the newest report of its fingerprint by index, and a
// database made by the previous version keeps its reports through the upgrade.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { findReportByFingerprint, listReports, saveReport } from '../../src/storage/idb-cache.ts';
import { fakeReport } from '../core/report-fixture.ts';

const withPrint = (fingerprint: string | null, createdAt: string) => ({ ...fakeReport(), createdAt, ...(fingerprint ? { inputs: { fingerprint } } : {}) });

describe('report store', () => {
  it('finds the newest report of a fingerprint, and none for another', async () => {
    const db = 'reports-find';
    await saveReport(withPrint('aa', '2026-01-01T00:00:00Z'), 'first', db);
    await saveReport(withPrint('aa', '2026-02-01T00:00:00Z'), 'second', db);
    await saveReport(withPrint(null, '2026-03-01T00:00:00Z'), 'no print', db);
    expect((await findReportByFingerprint('aa', db))?.title).toBe('second');
    expect(await findReportByFingerprint('bb', db)).toBeUndefined();
  });

  it('keeps the reports of a version-2 database through the upgrade', async () => {
    const name = 'reports-upgrade';
    const old = await openDB(name, 2, {
      upgrade(d) {
        d.createObjectStore('vectors', { keyPath: 'key' });
        d.createObjectStore('reports', { keyPath: 'id', autoIncrement: true }).createIndex('by-created', 'createdAt');
        d.createObjectStore('thumbnails', { keyPath: 'hash' });
      },
    });
    await old.add('reports', { createdAt: '2026-01-01T00:00:00Z', title: 'kept', report: withPrint('cc', '2026-01-01T00:00:00Z') });
    old.close();
    expect((await listReports(name)).map((r) => r.title)).toEqual(['kept']);
    expect((await findReportByFingerprint('cc', name))?.title).toBe('kept');
  });
});
