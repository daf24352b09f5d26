// Reports of separate runs side by side (`synthscore compare`): the user's loop of one prompt or
// one model after another. Rows from runs scored with different models or on different real sets
// are never shown as one table without saying so: a model changes every distance the scores are
// built on (docs/models.md), so only the ranking within each model carries over.
import type { Estimate, Report } from './schema.ts';
import { TABLE_KEYS, type ScoreKey } from './meaning.ts';
import { estimateText, textTable } from './text-table.ts';

export interface SideBySideRow {
  /** Which report (its label, e.g. the file name). */
  run: string;
  model: string;
  experiment: string;
  reference: boolean;
  scores: Record<ScoreKey, Estimate>;
  auc: Estimate;
}

export interface SideBySide {
  rows: SideBySideRow[];
  /** Sentences the reader must see before comparing numbers across runs (empty when comparable). */
  cautions: string[];
}

/** The model a report was scored with, as one label (a user's model by its file hash). */
export function modelLabel(r: Report): string {
  const m = r.model as Report['model'] & { sha256?: string };
  return m.sha256 ? `${m.id} (sha256 ${m.sha256.slice(0, 12)})` : `${m.id}@${m.version}`;
}

export function sideBySide(runs: { label: string; report: Report }[]): SideBySide {
  const rows: SideBySideRow[] = [];
  for (const { label, report } of runs) {
    const model = modelLabel(report);
    const shown = [...(report.reference ? [{ ex: report.reference, reference: true }] : []), ...report.experiments.map((ex) => ({ ex, reference: false }))];
    for (const { ex, reference } of shown) {
      rows.push({ run: label, model, experiment: reference ? 'real vs real (reference)' : ex.name, reference, scores: ex.scores, auc: ex.auc });
    }
  }
  const cautions: string[] = [];
  const models = [...new Set(runs.map((r) => modelLabel(r.report)))];
  if (models.length > 1) {
    cautions.push(`These runs were scored with different models (${models.join(', ')}): a model changes the space every score is measured in, ` +
      'so compare each run with its own "real vs real" reference row and the rankings within a model, not the numbers across models.');
  }
  const modalities = [...new Set(runs.map((r) => r.report.modality))];
  if (modalities.length > 1) cautions.push(`These runs score different kinds of data (${modalities.join(', ')}): their numbers are not comparable.`);
  const reals = [...new Set(runs.map((r) => `${r.report.real.path} (${r.report.real.count} rows)`))];
  if (reals.length > 1) cautions.push(`These runs use different real sets (${reals.join('; ')}): each score is against its own real set.`);
  return { rows, cautions };
}

/** The side-by-side as fixed-width text lines (`printable` is applied by the caller to names). */
export function sideBySideLines(s: SideBySide, clean: (x: string) => string = (x) => x): string[] {
  const head = ['run', 'model', 'experiment', ...TABLE_KEYS, 'AUC'];
  const cells = s.rows.map((r) => [clean(r.run), clean(r.model), clean(r.experiment), ...TABLE_KEYS.map((k) => estimateText(r.scores[k])), estimateText(r.auc)]);
  return [
    ...s.cautions.map((c) => `Note: ${c}`),
    ...(s.cautions.length ? [''] : []),
    ...textTable(head, cells, { left: (c) => c < 3, rule: true, trimEnd: true }),
    '',
    'Scores: higher is worse; intervals 95%. Differences within one run are tested in that run\'s own',
    'comparison lines (synthscore score); across runs, overlapping intervals mean no evidence of a difference.',
  ];
}
