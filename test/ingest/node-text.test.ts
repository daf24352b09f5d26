import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextSet } from '../../src/ingest/node-text.ts';
import { decodeTextBytes } from '../../src/ingest/text-parse.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synthscore-text-'));
  mkdirSync(join(dir, 'folder/pos'), { recursive: true });
  mkdirSync(join(dir, 'folder/neg'), { recursive: true });
  writeFileSync(join(dir, 'folder/pos/a.txt'), 'Great product, works well.');
  writeFileSync(join(dir, 'folder/pos/b.md'), '# Title\n\nLoved it.');
  writeFileSync(join(dir, 'folder/neg/c.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Broke after a day. Ünïcode', 'utf16le')]));
  writeFileSync(join(dir, 'folder/neg/d.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])); // Latin-1 "Café ok"
  writeFileSync(join(dir, 'folder/neg/empty.txt'), '');
  writeFileSync(join(dir, 'folder/neg/blank.txt'), '   \n ');
  writeFileSync(join(dir, 'folder/neg/bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
  writeFileSync(join(dir, 'folder/neg/pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'data.jsonl'), '{"text":"one"}\n{"body":"two"}\nnot json\n\n{"text":"  "}\n{"text":"five","label":"x"}\n');
  writeFileSync(join(dir, 'data.json'), JSON.stringify([{ text: 'a' }, { text: 'b' }, 'c', 5]));
  writeFileSync(join(dir, 'data.csv'), 'id,review,stars\n1,"Nice, really",5\n2,"multi\nline",1\n3,,3\n');
  writeFileSync(join(dir, 'data.tsv'), 'text\tlabel\nhello\ta\nworld\tb\n');
  writeFileSync(join(dir, 'big.txt'), `${'line of text\n'.repeat(2000)}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextSet', () => {
  it('a folder: one sample per .txt/.md, classes by sub-folder, UTF-16 BOM, bad bytes warned, bad files skipped with reasons', async () => {
    const s = await readTextSet(join(dir, 'folder'), 'real');
    expect(s.samples.map((x) => x.path)).toEqual(['neg/c.txt', 'neg/d.txt', 'pos/a.txt', 'pos/b.md']);
    expect(s.classes).toEqual({ neg: 2, pos: 2 });
    expect(s.samples[0].text).toBe('Broke after a day. Ünïcode');
    expect(s.samples[1].text).toBe('Caf\ufffd ok');
    expect(s.warnings.join('\n')).toMatch(/neg\/d\.txt: 1 invalid UTF-8/);
    const reasons = Object.fromEntries(s.skipped.map((k) => [k.path, k.reason]));
    expect(reasons['neg/empty.txt']).toBe('empty file (0 bytes)');
    expect(reasons['neg/blank.txt']).toBe('text is only whitespace');
    expect(reasons['neg/bin.txt']).toBe('binary data, not text');
    expect(reasons['neg/pic.png']).toMatch(/not a \.txt or \.md file/);
  });

  it('a symlink loop in a text folder is skipped with a reason, not followed forever', async () => {
    mkdirSync(join(dir, 'looped/sub'), { recursive: true });
    writeFileSync(join(dir, 'looped/a.txt'), 'first');
    writeFileSync(join(dir, 'looped/sub/b.txt'), 'second');
    symlinkSync('..', join(dir, 'looped/sub/up'));
    const s = await readTextSet(join(dir, 'looped'), 'real');
    expect(s.samples.map((x) => x.path)).toEqual(['a.txt', 'sub/b.txt']);
    expect(s.skipped).toEqual([{ path: 'sub/up', side: 'real', reason: 'folder already scanned (symbolic link loop)' }]);
  });

  it('JSON Lines: `text` field by default, another by option; each skip has a reason; paths name the line', async () => {
    const s = await readTextSet(join(dir, 'data.jsonl'), 'synthetic');
    expect(s.samples.map((x) => [x.path, x.text])).toEqual([['data.jsonl#L1', 'one'], ['data.jsonl#L6', 'five']]);
    const reasons = Object.fromEntries(s.skipped.map((k) => [k.path, k.reason]));
    expect(reasons['data.jsonl#L2']).toMatch(/no "text" field \(fields: body\)/);
    expect(reasons['data.jsonl#L3']).toMatch(/not valid JSON/);
    expect(reasons['data.jsonl#L4']).toBe('blank line');
    expect(reasons['data.jsonl#L5']).toBe('text is only whitespace');
    const b = await readTextSet(join(dir, 'data.jsonl'), 'synthetic', { textField: 'body' });
    expect(b.samples.map((x) => x.text)).toEqual(['two']);
  });

  it('JSON arrays of records or strings', async () => {
    const s = await readTextSet(join(dir, 'data.json'), 'real');
    expect(s.samples.map((x) => [x.path, x.text])).toEqual([['data.json#1', 'a'], ['data.json#2', 'b'], ['data.json#3', 'c']]);
    expect(s.skipped[0]).toMatchObject({ path: 'data.json#4', reason: 'not a JSON object or string' });
  });

  it('CSV with a chosen column (quoted commas and newlines), label column as classes; a missing column names the columns', async () => {
    const s = await readTextSet(join(dir, 'data.csv'), 'real', { textColumn: 'review', labelColumn: 'stars' });
    expect(s.samples.map((x) => [x.path, x.text, x.className])).toEqual([['data.csv#row 1', 'Nice, really', '5'], ['data.csv#row 2', 'multi\nline', '1']]);
    expect(s.skipped).toMatchObject([{ path: 'data.csv#row 3', reason: 'empty text' }]);
    expect(s.classes).toEqual({ 5: 1, 1: 1 });
    const err = await readTextSet(join(dir, 'data.csv'), 'real', { textColumn: 'body' }).catch((e) => e);
    expect(err.name).toBe('InputError');
    expect(err.message).toMatch(/no column "body"; its columns are: id, review, stars/);
    const noCol = await readTextSet(join(dir, 'data.csv'), 'real').catch((e) => e);
    expect(noCol.name).toBe('InputError');
    expect(noCol.message).toMatch(/--text-column.*id, review, stars/);
  });

  it('TSV defaults to the `text` column', async () => {
    const s = await readTextSet(join(dir, 'data.tsv'), 'real', { labelColumn: 'label' });
    expect(s.samples.map((x) => [x.text, x.className])).toEqual([['hello', 'a'], ['world', 'b']]);
  });

  it('a file over the size limit is truncated at a line break, with a warning', async () => {
    const s = await readTextSet(join(dir, 'big.txt'), 'real', { maxFileBytes: 1000 });
    expect(s.samples[0].text.length).toBeLessThanOrEqual(1000);
    expect(s.samples[0].text.endsWith('line of text\n')).toBe(true);
    expect(s.warnings.join()).toMatch(/big\.txt: .* over the .* limit; only the first/);
  });

  it('decodes UTF-16 BE and UTF-8 with BOM', () => {
    expect(decodeTextBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]), 'x').text).toBe('hi');
    expect(decodeTextBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'x').text).toBe('hi');
  });
});
