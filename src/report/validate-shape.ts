// Checks a parsed JSON value against the report's shape (shapes/v<N>.json: every property of
// Report, derived from schema.ts by the TypeScript compiler and pinned per REPORT_VERSION by
// test/report/schema-snapshot.test.ts), so a report opened from a file is the type the views read.
// Returns the first problem in the user's terms, or null.
//
// The shape's words: "string", "number", "boolean", "null", JSON literals ("\"image\"", 1),
// unions joined by " | ", arrays as "T[]" or "(A | B)[]" or { "[]": shape }, objects with optional
// keys marked "?" and index signatures as "[key: string]", and { anyOf: [words, ...objects] }.
export type Shape = string | Shape[] | { [key: string]: Shape };

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : String(v);

function matchesWord(v: unknown, word: string): boolean {
  if (word.endsWith('[]')) {
    const inner = word.startsWith('(') ? word.slice(1, -3) : word.slice(0, -2);
    return Array.isArray(v) && v.every((x) => matchesWords(x, inner));
  }
  switch (word) {
    case 'string':
      return typeof v === 'string';
    // JSON writes NaN and ±Infinity as null: a number may come back as null.
    case 'number':
      return typeof v === 'number' || v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      // A literal: "\"image\"", 1, true.
      return /^("|-?\d|true$|false$)/.test(word) && v === JSON.parse(word);
  }
}

/** A union of words, split at top-level " | " (a "(A | B)[]" stays whole). */
function splitUnion(words: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '(') depth++;
    else if (words[i] === ')') depth--;
    else if (depth === 0 && words.startsWith(' | ', i)) {
      out.push(words.slice(start, i));
      start = i + 3;
    }
  }
  out.push(words.slice(start));
  return out;
}

const matchesWords = (v: unknown, words: string): boolean => splitUnion(words).some((w) => matchesWord(v, w));

export function shapeProblem(v: unknown, shape: Shape, at = 'report'): string | null {
  if (typeof shape === 'string') return matchesWords(v, shape) ? null : `${at} is ${describe(v)}, expected ${shape}`;
  if (Array.isArray(shape)) return `${at}: the shape description is malformed`;
  if ('anyOf' in shape) {
    const [words, ...objects] = shape.anyOf as Shape[];
    if (typeof words === 'string' && words && matchesWords(v, words)) return null;
    const problems = objects.map((o) => shapeProblem(v, o, at));
    return problems.includes(null) ? null : problems[0] ?? `${at} is ${describe(v)}, expected ${words}`;
  }
  if ('[]' in shape && Object.keys(shape).length === 1) {
    if (!Array.isArray(v)) return `${at} is ${describe(v)}, expected a list`;
    for (let i = 0; i < v.length; i++) {
      const p = shapeProblem(v[i], shape['[]'], `${at}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${at} is ${describe(v)}, expected an object`;
  const obj = v as Record<string, unknown>;
  const index = Object.entries(shape).find(([k]) => k.startsWith('[key: '))?.[1];
  const known = new Set<string>();
  for (const [key, s] of Object.entries(shape)) {
    if (key.startsWith('[key: ')) continue;
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    known.add(name);
    if (!(name in obj) || obj[name] === undefined) {
      if (optional) continue;
      return `${at} has no "${name}"`;
    }
    const p = shapeProblem(obj[name], s, `${at}.${name}`);
    if (p) return p;
  }
  if (index) {
    for (const [k, x] of Object.entries(obj)) {
      if (known.has(k)) continue;
      const p = shapeProblem(x, index, `${at}["${k}"]`);
      if (p) return p;
    }
  }
  return null;
}
