// Issue 16 item 5 at the real chunk size: a CSV just over 16 MiB, with lone quotes in unquoted
// fields (5'11") and quoted multi-line fields, read in chunks gives the row count of one
// papaparse pass over the whole file.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_BYTES, parseDelimited } from '../../src/ingest/table/csv.ts';

describe('a table over the default chunk size', () => {
  it(`with a lone " in an unquoted field (5'11") keeps every row`, () => {
    const lines = ['name,height,bio'];
    let size = 0, i = 0;
    while (size < DEFAULT_CHUNK_BYTES + 1024 * 1024) {
      const line = i % 3 ? `p${i},5'11",short bio ${i}` : `p${i},6'0","line one\nline two ${i}"`;
      lines.push(line);
      size += line.length + 1;
      i++;
    }
    const text = lines.join('\n') + '\n';
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(DEFAULT_CHUNK_BYTES);
    const t = parseDelimited(bytes, 'tall.csv', 'csv');
    const whole = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.length - 1;
    expect(whole).toBe(i);
    expect(t.nRows).toBe(i);
    expect(t.warnings).toEqual([]);
  });
});
