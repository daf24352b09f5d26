// Reading a SynthScore JSON report back (the app's "open a report", tests): checks that it is
// ours, that this build can read its version, then every part against the report's shape.
// Each problem is a ReportFormatError whose message says what is wrong in the user's terms.
import { SCORE_KEYS } from '../report/meaning.ts';
import { CURRENT_SHAPE } from '../report/current-shape.ts';
import { REPORT_VERSION, type Report } from '../report/schema.ts';
import { shapeProblem } from '../report/validate-shape.ts';
import { migrateReport } from './report-migrate.ts';

export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFormatError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseReport(text: string, fileName = 'This file'): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportFormatError(`${fileName} is not JSON (${(e as Error).message}). Open a SynthScore report saved with "Download JSON report" or \`synthscore score --json\`.`);
  }
  return validateReport(data, fileName);
}

export function validateReport(data: unknown, fileName = 'This file'): Report {
  const fail = (why: string): never => { throw new ReportFormatError(`${fileName} ${why}`); };
  if (!isObject(data)) return fail('is JSON but not a SynthScore report (it is not an object).');
  if (data.tool !== 'synthscore')
    fail(`is not a SynthScore report: its "tool" field is ${data.tool === undefined ? 'missing' : JSON.stringify(data.tool)}, expected "synthscore".`);
  const v = data.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    fail(`has no valid report version (got ${JSON.stringify(v)}).`);
  if ((v as number) > REPORT_VERSION)
    fail(`was made by a newer SynthScore (report version ${v}); this page reads version ${REPORT_VERSION}. Update the app.`);
  if ((v as number) < REPORT_VERSION && !migrateReport(data, REPORT_VERSION))
    fail(`has report version ${v}, which this page cannot read (it reads version ${REPORT_VERSION}).`);
  if (typeof data.createdAt !== 'string') fail('is missing "createdAt".');
  if (!isObject(data.model) || typeof data.model.id !== 'string') fail('is missing "model.id".');
  if (!isObject(data.real) || typeof data.real.count !== 'number') fail('is missing "real.count".');
  if (!Array.isArray(data.experiments) || data.experiments.length === 0) fail('has no experiments.');
  (data.experiments as unknown[]).forEach((ex, i) => {
    const where = `experiment ${i + 1}`;
    if (!isObject(ex) || typeof ex.name !== 'string') return fail(`has no name for ${where}.`);
    if (!isObject(ex.scores)) return fail(`has no scores for "${ex.name}".`);
    for (const k of SCORE_KEYS) {
      const e = ex.scores[k];
      if (!isObject(e) || typeof e.value !== 'number') fail(`has no "${k}" score for "${ex.name}".`);
    }
    if (!Array.isArray(ex.rows)) fail(`has no rows for "${ex.name}".`);
    if (!Array.isArray(ex.nearDuplicateSets)) fail(`has no near-duplicate sets for "${ex.name}".`);
    if (ex.map !== undefined && !validMap(ex.map, (ex.rows as unknown[]).length)) delete ex.map; // a bad map is dropped, not fatal
  });
  if (!Array.isArray(data.skipped)) data.skipped = [];
  // Then every part, against the shape this build writes: a view never meets a null row.
  const problem = shapeProblem(data, CURRENT_SHAPE);
  if (problem) fail(`is not a valid SynthScore report: ${problem}.`);
  return data as unknown as Report;
}

function validMap(m: unknown, nRows: number): boolean {
  if (!isObject(m) || !Array.isArray(m.rows) || !Array.isArray(m.xy)) return false;
  return m.xy.length === 2 * m.rows.length && m.rows.every((r) => Number.isInteger(r) && r >= 0 && r < nRows);
}
