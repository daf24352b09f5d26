// Reports saved by an older build, brought to this build's version before they are checked, so a
// report kept in the app or on disk still opens after an update. One step per version.
type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** v1 → v2: text near-duplicate pairs moved to Experiment.pairs (MinHash became the copy signal). */
function v1ToV2(report: Json): void {
  for (const ex of Array.isArray(report.experiments) ? report.experiments : []) {
    if (!isObject(ex) || !isObject(ex.text)) continue;
    const t = ex.text;
    const reason = (r: unknown) => (r === 'minhash' ? 'copy' : r === 'embedding+minhash' ? 'embedding+copy' : r);
    if (Array.isArray(t.pairs)) {
      ex.pairs = t.pairs.map((p: Json) => ({ a: p.a, b: p.b, reason: reason(p.reason), distance: p.distance ?? null, copyDistance: typeof p.jaccard === 'number' ? 1 - p.jaccard : null }));
    }
    if (isObject(t.reasonCounts)) ex.reasonCounts = Object.fromEntries(Object.entries(t.reasonCounts).map(([k, v]) => [reason(k), v]));
    const shingle = isObject(t.minhash) && typeof t.minhash.shingle === 'number' ? t.minhash.shingle : 5;
    t.shingles = { size: shingle, normalisation: isObject(t.minhash) && typeof t.minhash.normalisation === 'string' ? t.minhash.normalisation : '' };
    delete t.pairs;
    delete t.reasonCounts;
    delete t.minhash;
  }
  report.version = 2;
}

/** v2 → v3: the model's record gained optional fields (source, sha256, input): nothing to move. */
function v2ToV3(report: Json): void {
  report.version = 3;
}

const STEPS: Record<number, (r: Json) => void> = { 1: v1ToV2, 2: v2ToV3 };

/** Oldest version this build can bring forward. */
export const OLDEST_READABLE_VERSION = 1;

/** Migrates in place from `version` to the current one; false when no migration exists. */
export function migrateReport(report: Json, current: number): boolean {
  let v = report.version as number;
  while (v < current) {
    const step = STEPS[v];
    if (!step) return false;
    step(report);
    v = report.version as number;
  }
  return true;
}
