// From raw cells to typed columns: the column plan (types from the real set, with overrides),
// type conflicts between the sets, and the conversion of both sides, which is where formatting
// artefacts are found and, by default, corrected (docs/metrics.md §1: "numbers are compared at the
// precision the real data is written in, and a difference in written precision or format is
// reported as its own finding"). The real set is the reference and is never rewritten.
import { dateShape, decimalsOf, inferColumnType, type Inferred, parseBoolean, parseDate, parseNumber } from './infer.ts';
import { type Cell, type ColumnType, isMissing, type TableFinding, type TypedColumn } from './types.ts';

export interface ColumnPlan {
  name: string;
  /** Type in force; null when the real column is all missing (left out). */
  type: ColumnType | null;
  inferred: Inferred;
  overridden: boolean;
  /** Seen by the detector. */
  inDetector: boolean;
  /** Compared by the near-duplicate rule. */
  inDuplicates: boolean;
}

export function planColumns(columns: readonly string[], data: readonly (readonly Cell[])[], types: Record<string, ColumnType> = {}): { plan: ColumnPlan[]; findings: TableFinding[] } {
  const findings: TableFinding[] = [];
  const plan = columns.map((name, c): ColumnPlan => {
    const inferred = inferColumnType(name, data[c]);
    const override = types[name];
    const type = override ?? inferred.type;
    const n = data[c].length;
    if (type === null) {
      findings.push(finding('all-missing', name, 'real', `Column "${name}" is missing in every real row; left out.`, n, n));
    } else if (type === 'identifier' || type === 'ignore') {
      findings.push(finding('left-out', name, 'real', type === 'ignore' ? `Column "${name}" is left out (type "ignore").` : `Column "${name}" looks like an identifier (${inferred.reason}); left out of the detector and of duplicate matching. Override its type to use it.`, 0, 0));
    }
    const used = type !== null && type !== 'identifier' && type !== 'ignore';
    return { name, type, inferred, overridden: override !== undefined, inDetector: used, inDuplicates: used };
  });
  return { plan, findings };
}

export interface TypeConflict {
  column: string;
  realType: ColumnType;
  syntheticType: ColumnType | null;
  /** A few synthetic values that do not fit the real type, with their 1-based row numbers. */
  examples: { row: number; value: string }[];
  count: number;
}

/** Columns numeric (or date/time) in one set and not in the other. Overridden columns never conflict. */
export function typeConflicts(plan: readonly ColumnPlan[], synth: readonly (readonly Cell[])[]): TypeConflict[] {
  const out: TypeConflict[] = [];
  plan.forEach((p, c) => {
    if (p.overridden || p.type === null) return;
    const col = synth[c];
    const inf = inferColumnType(p.name, col);
    if (inf.type === null) return;
    const realNum = p.inferred.type === 'number' || (p.inferred.type === 'identifier' && p.inferred.reason.startsWith('integers'));
    const synthNum = inf.type === 'number' || (inf.type === 'identifier' && inf.reason.startsWith('integers'));
    const realDate = p.inferred.type === 'datetime', synthDate = inf.type === 'datetime';
    if (realNum === synthNum && realDate === synthDate) return;
    if (p.type === 'boolean' || inf.type === 'boolean') return;
    const fits = (v: Cell) => (realNum ? !Number.isNaN(parseNumber(v)) : realDate ? !Number.isNaN(parseDate(v)) : Number.isNaN(parseNumber(v)));
    const bad: { row: number; value: string }[] = [];
    let count = 0;
    col.forEach((v, r) => {
      if (isMissing(v) || fits(v)) return;
      count++;
      if (bad.length < 5) bad.push({ row: r + 1, value: String(v) });
    });
    out.push({ column: p.name, realType: p.type, syntheticType: inf.type, examples: bad, count });
  });
  return out;
}

export interface ConvertOptions {
  /** Round synthetic numbers / dates to the real precision and map casing/whitespace variants to the real level (default true). */
  normalise?: boolean;
}

export interface Converted {
  real: TypedColumn[];
  synth: TypedColumn[];
  findings: TableFinding[];
}

/** Convert the planned columns of both sides (data aligned with plan order); left-out columns are skipped. */
export function convertColumns(plan: readonly ColumnPlan[], real: readonly (readonly Cell[])[], synth: readonly (readonly Cell[])[], opts: ConvertOptions = {}): Converted {
  const normalise = opts.normalise ?? true;
  const findings: TableFinding[] = [];
  const out: Converted = { real: [], synth: [], findings };
  plan.forEach((p, c) => {
    if (p.type === null || p.type === 'ignore') return;
    const r = real[c], s = synth[c];
    if (s.length > 0 && s.every(isMissing) && !r.every(isMissing)) {
      findings.push(finding('all-missing', p.name, 'synthetic', `Column "${p.name}" is missing in every synthetic row, but not in the real set.`, s.length, s.length));
    }
    switch (p.type) {
      case 'number': {
        const conv = numbers(p.name, r, s, normalise, findings);
        out.real.push({ name: p.name, type: p.type, values: conv.real });
        out.synth.push({ name: p.name, type: p.type, values: conv.synth });
        return;
      }
      case 'datetime': {
        const conv = dates(p.name, r, s, normalise, findings);
        out.real.push({ name: p.name, type: p.type, values: conv.real });
        out.synth.push({ name: p.name, type: p.type, values: conv.synth });
        return;
      }
      case 'boolean': {
        const forms = new Set(r.filter((v) => !isMissing(v)).map(String));
        const odd = s.filter((v) => !isMissing(v) && !forms.has(String(v)));
        if (odd.length) {
          findings.push(finding('boolean-format', p.name, 'synthetic', `Column "${p.name}": ${odd.length} synthetic booleans are written differently from the real ones (e.g. "${String(odd[0])}" where the real set writes ${[...forms].slice(0, 2).map((f) => `"${f}"`).join('/')}); compared as booleans.`, odd.length, odd.length / s.length, [{ value: String(odd[0]) }], true));
        }
        const b = (v: Cell) => { const x = parseBoolean(v); return x === null ? NaN : x ? 1 : 0; };
        out.real.push({ name: p.name, type: p.type, values: Float64Array.from(r, b) });
        out.synth.push({ name: p.name, type: p.type, values: Float64Array.from(s, b) });
        return;
      }
      default: {
        const conv = levels(p.name, p.type, r, s, normalise, findings);
        out.real.push({ name: p.name, type: p.type, codes: conv.real, levels: conv.levels });
        out.synth.push({ name: p.name, type: p.type, codes: conv.synth, levels: conv.levels });
      }
    }
  });
  return out;
}

function finding(kind: TableFinding['kind'], column: string, side: TableFinding['side'], message: string, rows: number, share: number, examples: TableFinding['examples'] = [], normalised = false): TableFinding {
  return { kind, column, side, message, rows, share, examples, normalised };
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
/** A difference in written form on fewer than this share of synthetic rows is not reported. */
const MIN_SHARE = 0.01;

function numbers(name: string, r: readonly Cell[], s: readonly Cell[], normalise: boolean, findings: TableFinding[]) {
  // Each cell is read once, parsed and its decimals counted together: on long columns the cost is
  // reaching the cells, not the arithmetic.
  const real = new Float64Array(r.length), synth = new Float64Array(s.length);
  // The real data's written precision: the 99th percentile of its decimals (robust to a stray float artefact).
  let nDec = 0;
  const decAll = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) {
    const c = r[i], v = parseNumber(c);
    real[i] = v;
    if (!Number.isNaN(v)) decAll[nDec++] = decimalsOf(c);
  }
  const dec = decAll.subarray(0, nDec).sort();
  const dReal = dec.length ? dec[Math.min(dec.length - 1, Math.floor(0.99 * dec.length))] : 0;
  if (dReal > 8) { // written at full float precision: nothing to compare
    for (let i = 0; i < s.length; i++) synth[i] = parseNumber(s[i]);
    return { real, synth };
  }
  let more = 0;
  const examples: TableFinding['examples'] = [];
  const scale = 10 ** dReal;
  for (let i = 0; i < s.length; i++) {
    const c = s[i], v = parseNumber(c);
    synth[i] = v;
    if (Number.isNaN(v) || decimalsOf(c) <= dReal) continue;
    more++;
    const rounded = Math.round(v * scale) / scale;
    if (examples.length < 3) examples.push({ value: String(c).trim(), normalisedTo: String(rounded) });
    if (normalise) synth[i] = rounded;
  }
  if (more > 0 && more / s.length >= MIN_SHARE) {
    findings.push(finding('precision', name, 'synthetic', `Column "${name}": ${pct(more / s.length)} of synthetic values carry more decimals than the real data's ${dReal} (e.g. ${examples[0].value})${normalise ? `; rounded to ${dReal} decimals before scoring` : ''}.`, more, more / s.length, examples, normalise));
  }
  return { real, synth };
}

const UNITS: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second'], [1, 'millisecond']];

function dates(name: string, r: readonly Cell[], s: readonly Cell[], normalise: boolean, findings: TableFinding[]) {
  const real = Float64Array.from(r, parseDate), synth = Float64Array.from(s, parseDate);
  const shapes = new Set<string>();
  r.forEach((v, i) => { if (!Number.isNaN(real[i])) shapes.add(dateShape(v)); });
  let odd = 0;
  const oddEx: TableFinding['examples'] = [];
  s.forEach((v, i) => {
    if (Number.isNaN(synth[i]) || shapes.has(dateShape(v))) return;
    odd++;
    if (oddEx.length < 3) oddEx.push({ value: String(v) });
  });
  if (odd > 0 && odd / s.length >= MIN_SHARE) {
    findings.push(finding('date-format', name, 'synthetic', `Column "${name}": ${pct(odd / s.length)} of synthetic dates are written in another format than the real ones (e.g. "${oddEx[0].value}" vs "${String(r.find((v) => !isMissing(v)))}"); compared as dates.`, odd, odd / s.length, oddEx, true));
  }
  // Resolution: the coarsest unit every real timestamp is a multiple of.
  const unit = UNITS.find(([ms]) => real.every((t) => Number.isNaN(t) || t % ms === 0)) ?? UNITS[UNITS.length - 1];
  let finer = 0;
  const ex: TableFinding['examples'] = [];
  synth.forEach((t, i) => {
    if (Number.isNaN(t) || t % unit[0] === 0) return;
    finer++;
    const rounded = Math.round(t / unit[0]) * unit[0];
    if (ex.length < 3) ex.push({ value: String(s[i]), normalisedTo: new Date(rounded).toISOString() });
    if (normalise) synth[i] = rounded;
  });
  if (finer > 0 && finer / s.length >= MIN_SHARE) {
    findings.push(finding('date-resolution', name, 'synthetic', `Column "${name}": ${pct(finer / s.length)} of synthetic dates are finer than the real data's resolution (one ${unit[1]})${normalise ? `; rounded to the ${unit[1]}` : ''}.`, finer, finer / s.length, ex, normalise));
  }
  return { real, synth };
}

const squash = (v: string) => v.trim().replace(/\s+/g, ' ');

function levels(name: string, type: ColumnType, r: readonly Cell[], s: readonly Cell[], normalise: boolean, findings: TableFinding[]) {
  const index = new Map<string, number>();
  const levelsOut: string[] = [];
  const code = (v: string) => {
    let k = index.get(v);
    if (k === undefined) { k = levelsOut.length; index.set(v, k); levelsOut.push(v); }
    return k;
  };
  const real = new Int32Array(r.length);
  for (let i = 0; i < r.length; i++) real[i] = isMissing(r[i]) ? -1 : code(String(r[i]));
  const nRealLevels = levelsOut.length;
  // Real level by its squashed form and by its lower-cased squashed form (most frequent wins).
  const bySpace = new Map<string, string>(), byCase = new Map<string, string>();
  for (const lv of levelsOut) {
    if (!bySpace.has(squash(lv))) bySpace.set(squash(lv), lv);
    if (!byCase.has(squash(lv).toLowerCase())) byCase.set(squash(lv).toLowerCase(), lv);
  }
  let space = 0, casing = 0, unseen = 0;
  const spaceEx: TableFinding['examples'] = [], caseEx: TableFinding['examples'] = [], unseenEx: TableFinding['examples'] = [];
  const synthCode = (v: Cell) => {
    if (isMissing(v)) return -1;
    const raw = String(v);
    const k = index.get(raw);
    if (k !== undefined && k < nRealLevels) return k;
    const ws = bySpace.get(squash(raw));
    if (ws !== undefined) {
      space++;
      if (spaceEx.length < 3) spaceEx.push({ value: raw, normalisedTo: ws });
      return normalise ? index.get(ws)! : code(raw);
    }
    const cs = byCase.get(squash(raw).toLowerCase());
    if (cs !== undefined) {
      casing++;
      if (caseEx.length < 3) caseEx.push({ value: raw, normalisedTo: cs });
      return normalise ? index.get(cs)! : code(raw);
    }
    unseen++;
    if (unseenEx.length < 3 && !unseenEx.some((e) => e.value === raw)) unseenEx.push({ value: raw });
    return code(raw);
  };
  const synth = new Int32Array(s.length);
  for (let i = 0; i < s.length; i++) synth[i] = synthCode(s[i]);
  const n = s.length;
  const did = normalise ? '; mapped to the real spelling before scoring' : '';
  if (space > 0 && space / n >= MIN_SHARE) findings.push(finding('whitespace', name, 'synthetic', `Column "${name}": ${pct(space / n)} of synthetic values differ from a real value only in whitespace (e.g. "${spaceEx[0].value}")${did}.`, space, space / n, spaceEx, normalise));
  if (casing > 0 && casing / n >= MIN_SHARE) findings.push(finding('casing', name, 'synthetic', `Column "${name}": ${pct(casing / n)} of synthetic values differ from a real value only in letter case (e.g. "${caseEx[0].value}" for "${caseEx[0].normalisedTo}")${did}.`, casing, casing / n, caseEx, normalise));
  if (type === 'category' && unseen > 0) findings.push(finding('unseen-levels', name, 'synthetic', `Column "${name}": ${unseen} synthetic values (${pct(unseen / n)}) are levels the real set never uses (e.g. ${unseenEx.map((e) => `"${e.value}"`).join(', ')}).`, unseen, unseen / n, unseenEx, false));
  return { real, synth, levels: levelsOut };
}
