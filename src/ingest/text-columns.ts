// Is a CSV/TSV a set of texts or a table? Decided by content: the text column (the one named, else
// the one whose cells are longest) must hold free text — most cells several words long, a mean
// length of a short sentence — and carry most of the characters of each row. A table of short
// numeric or categorical cells (even with a name or title column) fails one of the three.
import Papa from 'papaparse';

/** Cells with at least this many words are multi-word (a phrase or a sentence, not a category). */
export const MIN_WORDS = 4;
export const RULE = { multiWordShare: 0.6, meanChars: 30, charShare: 0.5 } as const;

export interface ColumnEvidence {
  column: string;
  /** Non-empty cells sampled. */
  cells: number;
  /** Share of non-empty cells with ≥ MIN_WORDS words. */
  multiWordShare: number;
  meanChars: number;
  /** This column's characters ÷ all characters of the sampled rows. */
  charShare: number;
}

export interface TextColumnVerdict {
  isText: boolean;
  /** The column judged (null when the file has no columns or no rows). */
  evidence: ColumnEvidence | null;
  /** One line for the user: what was decided and why. */
  reason: string;
}

const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** Evidence per column over rows parsed with a header. */
export function columnEvidence(rows: readonly Record<string, unknown>[], columns: readonly string[]): ColumnEvidence[] {
  let total = 0;
  const stats = columns.map((column) => ({ column, cells: 0, multi: 0, chars: 0 }));
  for (const row of rows)
    for (const s of stats) {
      const v = row[s.column];
      const cell = typeof v === 'string' ? v.trim() : v == null || typeof v === 'object' ? '' : String(v);
      total += cell.length;
      if (!cell) continue;
      s.cells++;
      s.chars += cell.length;
      if (wordCount(cell) >= MIN_WORDS) s.multi++;
    }
  return stats.map((s) => ({ column: s.column, cells: s.cells, multiWordShare: s.cells ? s.multi / s.cells : 0, meanChars: s.cells ? s.chars / s.cells : 0, charShare: total ? s.chars / total : 0 }));
}

/** The verdict for `rows`; `chosen` (a --text-column) is judged instead of the longest column. */
export function judgeTextColumn(rows: readonly Record<string, unknown>[], columns: readonly string[], chosen?: string): TextColumnVerdict {
  const all = columnEvidence(rows, columns);
  const ev = chosen !== undefined ? all.find((e) => e.column === chosen) ?? null : [...all].sort((a, b) => b.meanChars - a.meanChars)[0] ?? null;
  if (!ev || ev.cells === 0) return { isText: false, evidence: ev, reason: 'no column holds any text' };
  const facts = `${Math.round(ev.multiWordShare * 100)}% of its cells have ${MIN_WORDS}+ words, mean ${ev.meanChars.toFixed(0)} characters, ${Math.round(ev.charShare * 100)}% of the row's characters`;
  const fails = [
    ev.multiWordShare < RULE.multiWordShare && `under ${RULE.multiWordShare * 100}% multi-word cells`,
    ev.meanChars < RULE.meanChars && `mean under ${RULE.meanChars} characters`,
    ev.charShare < RULE.charShare && `under ${RULE.charShare * 100}% of the row's characters`,
  ].filter(Boolean);
  const which = `${chosen !== undefined ? 'the chosen' : 'the longest'} column "${ev.column}"`;
  return fails.length
    ? { isText: false, evidence: ev, reason: `${which} is not free text (${fails.join(', ')}): ${facts}` }
    : { isText: true, evidence: ev, reason: `${which} holds free text: ${facts}` };
}

/** Parses the head of a CSV/TSV (a partial last line is dropped) and judges it. */
export function judgeCsvHead(head: string, delimiter: ',' | '\t' | '', complete: boolean, chosen?: string, maxRows = 500): TextColumnVerdict & { columns: string[] } {
  const text = complete ? head : head.slice(0, Math.max(0, head.lastIndexOf('\n')));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true, preview: maxRows });
  const columns = parsed.meta.fields ?? [];
  return { ...judgeTextColumn(parsed.data, columns, chosen), columns };
}
