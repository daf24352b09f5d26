// The panel's image issue rates (docs/panel-images-tables.md): CleanVision's issue kinds per set,
// read from the scores each image's embedding pass already stored (embed-set.ts), so no image is
// decoded again. Each rate carries a Wilson interval; odd-size is judged within each set, as
// CleanVision judges it within the set it is given.
import { issueRates, PIXEL_ISSUE_KINDS, type ImageIssueScores, type ImageSize, type IssueKind } from '../../core/image/image-issues.ts';
import { wilson } from '../../core/intervals.ts';
import type { ImageIssueRates } from '../../report/schema.ts';
import { RECORD_ISSUES } from './cache-record.ts';
import type { EmbeddedSet } from './embed-set.ts';

/** Flagged synthetic rows listed per kind (the gallery's worst examples). */
export const WORST_LISTED = 24;

export function imageIssuePanel(real: EmbeddedSet, synth: EmbeddedSet): ImageIssueRates {
  const r = ratesOf(real), s = ratesOf(synth);
  // Experiment.rows holds the real rows first, then the synthetic ones.
  const offset = real.items.length;
  const out = {} as ImageIssueRates;
  for (const kind of Object.keys(r) as IssueKind[]) {
    out[kind] = {
      real: wilson(r[kind].flagged.length, r[kind].n),
      synthetic: wilson(s[kind].flagged.length, s[kind].n),
      worst: s[kind].flagged.slice(0, WORST_LISTED).map((i) => offset + i),
    };
  }
  return out;
}

function ratesOf(set: EmbeddedSet) {
  const n = set.items.length;
  const scores: ImageIssueScores[] = [], sizes: ImageSize[] = [];
  for (let i = 0; i < n; i++) {
    const row = set.issues.subarray(i * RECORD_ISSUES, (i + 1) * RECORD_ISSUES);
    scores.push(Object.fromEntries(PIXEL_ISSUE_KINDS.map((k, j) => [k, row[j]])) as ImageIssueScores);
    sizes.push({ width: set.sizes[2 * i], height: set.sizes[2 * i + 1] });
  }
  return issueRates(scores, sizes);
}
