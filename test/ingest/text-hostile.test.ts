// Issue 16, text records: a deeply nested JSON record (item 7), a CSV record with an unbalanced
// quote (item 13: it swallowed the rows after it with no report) and a FIFO in a text folder
// (item 13: it must show as a skip, not vanish).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/ingest/json-depth.ts';
import { NOT_REGULAR_FILE } from '../../src/ingest/skip-reasons.ts';
import { readTextSet } from '../../src/ingest/node-text.ts';
import { parseTextRecords } from '../../src/ingest/text-parse.ts';

const deep = (d: number) => '['.repeat(d) + ']'.repeat(d);
const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH} levels`;

describe('text records from hostile files', () => {
  it('a JSON Lines record nested 20,000 levels deep is skipped with the reason; the others are read', () => {
    const text = ['{"text":"one"}', '{"text":"two"}', `{"text":"three","x":${deep(20_000)}}`, '{"text":"four"}'].join('\n');
    const r = parseTextRecords(text, 't.jsonl', 'jsonl');
    expect(r.records.map((x) => x.text)).toEqual(['one', 'two', 'four']);
    expect(r.skipped).toEqual([{ path: 't.jsonl#L3', reason: TOO_DEEP }]);
  });
  it('a JSON array item nested 20,000 levels deep is skipped the same way', () => {
    const r = parseTextRecords(`[{"text":"one"},{"text":${deep(20_000)}},{"text":"three"}]`, 't.json', 'json');
    expect(r.records.map((x) => x.text)).toEqual(['one', 'three']);
    expect(r.skipped).toEqual([{ path: 't.json#2', reason: TOO_DEEP }]);
  });
  it('a CSV record with an unbalanced quote is reported as skipped, with the reason', () => {
    const text = 'text,label\nhello there,a\n"never closed,b\nworld again,c\nlast one,d\n';
    const r = parseTextRecords(text, 't.csv', 'csv');
    expect(r.records.map((x) => x.text)).toEqual(['hello there']);
    expect(r.skipped).toEqual([{ path: 't.csv#row 2', reason: expect.stringMatching(/malformed CSV record \(a quote is never closed/) }]);
  });
  it('a stray quote that a later quote closes skips that record, not the next one', () => {
    const text = 'text,label\nhello there,a\n"bad" quote,b\nworld again,c\n"fine",d\n';
    const r = parseTextRecords(text, 't.csv', 'csv');
    expect(r.skipped.map((s) => s.path)).toEqual(['t.csv#row 2']);
    expect(r.records[0].text).toBe('hello there');
  });
  it.runIf(process.platform !== 'win32')('a FIFO in a text folder is skipped as not a regular file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthscore-fifo-'));
    try {
      await writeFile(join(dir, 'a.txt'), 'a real sentence');
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      const set = await readTextSet(dir, 'real');
      expect(set.samples.map((s) => s.path)).toEqual(['a.txt']);
      expect(set.skipped).toEqual([{ path: 'pipe.txt', side: 'real', reason: NOT_REGULAR_FILE }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
