// Issue 16 item 7: a JSON Lines table with one 20,000-deep field failed the whole run with
// "Maximum call stack size exceeded" and no file or row. That row is skipped, with its reason.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../../src/ingest/json-depth.ts';
import { parseTable } from '../../../src/ingest/table/parse.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const deep = (d: number) => '['.repeat(d) + ']'.repeat(d);

describe('a row nested 20,000 levels deep', () => {
  it('in JSON Lines: row 3 is skipped, named, and the other rows are read', async () => {
    const lines = ['{"a":1,"b":"x"}', '{"a":2,"b":"y"}', `{"a":3,"b":${deep(20_000)}}`, '{"a":4,"b":"z"}'];
    const t = await parseTable(enc(lines.join('\n') + '\n'), 'deep.jsonl');
    expect(t.nRows).toBe(3);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2, 4]);
    expect(t.skipped).toEqual([{ row: 3, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    expect(t.warnings.find((w) => w.kind === 'nested-too-deep')?.message).toMatch(/deep\.jsonl: 1 row is nested deeper than \d+ levels; skipped: rows 3\./);
  });
  it('in a JSON array: the item is skipped the same way', async () => {
    const t = await parseTable(enc(`[{"a":1},{"a":${deep(20_000)}},{"a":3}]`), 'deep.json');
    expect(t.nRows).toBe(2);
    expect(t.skipped).toEqual([{ row: 2, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
  });
  it('nesting up to the limit is kept, and compared as its JSON text', async () => {
    const t = await parseTable(enc(`{"a":1,"b":${deep(MAX_JSON_DEPTH - 1)}}\n{"a":2,"b":"q"}\n`), 'ok.jsonl');
    expect(t.nRows).toBe(2);
    expect(t.skipped).toEqual([]);
  });
  it('brackets inside strings do not count', async () => {
    const t = await parseTable(enc(`{"a":1,"b":"${'['.repeat(5000)}"}\n{"a":2,"b":"q"}\n`), 's.jsonl');
    expect(t.nRows).toBe(2);
  });
});
