// Issue 16 item 5: a table cut into chunks must give the rows one papaparse pass over the whole
// file gives. A lone `"` inside an unquoted field (5'11") once flipped the chunker's quote parity,
// so it cut inside a quoted multi-line field: 1,700,002 rows for 1,700,000.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDelimited, recordChunkEnds } from '../../../src/ingest/table/csv.ts';
import { lineChunkEnds, parseJsonLines } from '../../../src/ingest/table/json.ts';
import { createRng } from '../../../src/core/random.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** The rows parseDelimited should keep, from one papaparse pass over the whole text (same ragged rule). */
function onePass(text: string): { columns: number; kept: (string | null)[][]; skipped: number } {
  const rows = Papa.parse<string[]>(text, { delimiter: '', skipEmptyLines: 'greedy' }).data;
  const nc = rows[0].length;
  const kept: (string | null)[][] = [];
  let skipped = 0;
  for (const r of rows.slice(1)) {
    if (r.length > nc && r.slice(nc).some((f) => f.trim() !== '')) skipped++;
    else kept.push(Array.from({ length: nc }, (_, c) => (c < r.length ? r[c] : null)));
  }
  return { columns: nc, kept, skipped };
}

function rowsOf(data: (string | number | boolean | null)[][], n: number) {
  return Array.from({ length: n }, (_, r) => data.map((col) => col[r]));
}

// Fields papaparse reads in surprising ways: lone and stray quotes, escaped quotes, quoted line
// breaks and delimiters, spaces after a closing quote.
const PIECES = [
  `5'11"`, `plain`, `ab"c`, `"x\ny"`, `"6'2"""`, `"a, b"`, `"q""r\n""s"`, `"stray"quote"`, `"sp" `, `""`, ``, `"multi\nline\nfield"`, `'`, `"`,
];

function trickyCsv(seed: number, rows: number, newline: string): string {
  const rng = createRng(seed);
  const lines = ['id,height,note'];
  for (let i = 0; i < rows; i++) lines.push([String(i), PIECES[rng.int(PIECES.length)], PIECES[rng.int(PIECES.length)]].join(','));
  return lines.join(newline) + newline;
}

describe('CSV chunks agree with one pass', () => {
  it(`a table over the chunk size with a lone " in an unquoted field (5'11") keeps its row count`, () => {
    const lines = ['name,height,bio'];
    for (let i = 0; i < 400; i++) lines.push(i % 3 ? `p${i},5'11",short` : `p${i},6'0","line one\nline two"`);
    const text = lines.join('\n') + '\n';
    const t = parseDelimited(enc(text), 'h.csv', 'csv', { chunkBytes: 256 });
    expect(t.nRows).toBe(400);
    expect(t.warnings).toEqual([]);
    expect(rowsOf(t.data, t.nRows)).toEqual(onePass(text).kept);
  });

  it('random tricky fields, many chunk sizes, LF and CRLF: the same rows as papaparse on the whole file', () => {
    for (const [seed, newline] of [[1, '\n'], [2, '\n'], [3, '\r\n'], [4, '\r\n']] as const) {
      const text = trickyCsv(seed, 600, newline);
      const want = onePass(text);
      for (const chunkBytes of [1, 7, 64, 300, 5000]) {
        const t = parseDelimited(enc(text), 'r.csv', 'csv', { chunkBytes });
        expect({ seed, chunkBytes, rows: rowsOf(t.data, t.nRows), skipped: t.skippedCount }).toEqual({ seed, chunkBytes, rows: want.kept, skipped: want.skipped });
      }
    }
  });

  it('cuts only between records', () => {
    const text = `a,b\n1,"x\n2,y"\n3,5'11"\n4,"z"\n`;
    const ends = recordChunkEnds(enc(text), 1, { delimiter: ',', newline: '\n' });
    expect(ends.map((e) => text.slice(0, e).split('\n').length - 1)).toEqual([1, 3, 4, 5]);
  });

  it('JSON Lines chunks end at line breaks and keep every line number', () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, s: `a "quoted" \\ value ${i}` }));
    const bytes = enc(lines.join('\n') + '\n');
    for (const end of lineChunkEnds(bytes, 50).slice(0, -1)) expect(bytes[end - 1]).toBe(0x0a);
    const t = parseJsonLines(bytes, 'l.jsonl', { chunkBytes: 50 });
    expect(t.nRows).toBe(300);
    expect(Array.from(t.rowNumbers)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});
