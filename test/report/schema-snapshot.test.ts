// The exported report's shape is pinned per version: test/report/schema-snapshots/v<N>.json holds
// the shape of REPORT_VERSION N (derived from src/report/schema.ts by the TypeScript compiler).
// Changing the shape without bumping REPORT_VERSION fails here; a new version's snapshot is written
// by running this file with UPDATE_REPORT_SCHEMA=1 (it never overwrites an existing version's).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportFormatError } from '../../src/core/report-parse.ts';
import { CURRENT_SHAPE } from '../../src/report/current-shape.ts';
import { REPORT_VERSION } from '../../src/report/schema.ts';
import { fakeReport } from '../core/report-fixture.ts';
import { reportShape, SCHEMA_FILE } from './schema-shape.ts';

const DIR = fileURLToPath(new URL('../../src/report/shapes/', import.meta.url));
const snapshotFile = (v: number) => `${DIR}v${v}.json`;
const versions = () =>
  readdirSync(DIR)
    .map((f) => /^v(\d+)\.json$/.exec(f))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));

describe('report schema', () => {
  const shape = reportShape();

  it(`has the shape recorded for REPORT_VERSION ${REPORT_VERSION}`, () => {
    const file = snapshotFile(REPORT_VERSION);
    if (!existsSync(file) && process.env.UPDATE_REPORT_SCHEMA === '1') writeFileSync(file, `${JSON.stringify(shape, null, 2)}\n`);
    if (!existsSync(file))
      throw new Error(
        `no schema snapshot for REPORT_VERSION ${REPORT_VERSION}: write ${file} with UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-snapshot.test.ts`,
      );
    const recorded = JSON.parse(readFileSync(file, 'utf8'));
    if (JSON.stringify(recorded) !== JSON.stringify(shape))
      expect(
        shape,
        `the report's shape changed: bump REPORT_VERSION and update the snapshot (src/report/schema.ts; then UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-snapshot.test.ts writes v${REPORT_VERSION + 1}.json)`,
      ).toEqual(recorded);
  });

  it('notices a changed property type, ignores a renamed interface', () => {
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'schema-'));
    const variant = (name: string, edit: (s: string) => string) => {
      const file = join(dir, name);
      writeFileSync(file, edit(text));
      return reportShape(file);
    };
    expect(variant('changed.ts', (s) => s.replace('  createdAt: string;', '  createdAt: number;'))).not.toEqual(shape);
    expect(variant('added.ts', (s) => s.replace('  lo: number;', '  lo: number;\n  level?: number;'))).not.toEqual(shape);
    expect(variant('renamed.ts', (s) => s.replaceAll(/\bEstimate\b/g, 'Interval'))).toEqual(shape);
  });

  it('is read back by report-parse at this version, and at older versions only through a migration', () => {
    const report = fakeReport();
    expect(parseReport(JSON.stringify(report))).toEqual(report);
    expect(() => parseReport(JSON.stringify({ ...report, version: REPORT_VERSION + 1 }))).toThrow(ReportFormatError);
    for (let v = 1; v < REPORT_VERSION; v++) expect(parseReport(JSON.stringify({ ...report, version: v })).version).toBe(REPORT_VERSION);
    expect(() => parseReport(JSON.stringify({ ...report, version: 0 }))).toThrow(ReportFormatError);
    expect(versions()).toContain(REPORT_VERSION);
    expect(Math.max(...versions()), 'a snapshot for a version newer than REPORT_VERSION').toBe(REPORT_VERSION);
  });

  it('is the shape the app and the CLI validate opened reports against', () => {
    expect(CURRENT_SHAPE).toEqual(JSON.parse(readFileSync(snapshotFile(REPORT_VERSION), 'utf8')));
  });
});
