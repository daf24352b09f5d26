import { describe, expect, it } from 'vitest';
import { sniffKind } from '../../src/ingest/sniff.ts';
import { classesOf } from '../../src/ingest/types.ts';
import { digit, encode } from './fixtures.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffKind', () => {
  it('recognises each image format by its magic number, whatever the name', async () => {
    const g = digit(1);
    for (const [format, bytes] of [
      ['png', await encode.png(g)], ['jpeg', await encode.jpeg(g)], ['webp', await encode.webp(g)],
      ['gif', await encode.gif(g)], ['bmp', encode.bmp(g)],
    ] as const) {
      expect(sniffKind(bytes.subarray(0, 32), 'x.txt')).toMatchObject({ kind: 'image', format });
    }
  });

  it('content wins over the extension', () => {
    expect(sniffKind(text('a,b\n1,2\n'), 'photo.png')).toMatchObject({ kind: 'text', format: 'text' });
    expect(sniffKind(text('PAR1\0\0\0\x15\x04'), 'data.csv')).toMatchObject({ kind: 'table', format: 'parquet' });
  });

  it('uses the extension for text-like content', () => {
    expect(sniffKind(text('a,b\n1,2\n'), 'rows.csv')).toMatchObject({ kind: 'table', format: 'csv' });
    expect(sniffKind(text('{"text":"hi"}\n'), 'rows.jsonl')).toMatchObject({ kind: 'table', format: 'jsonl' });
    expect(sniffKind(text('[{"a":1}]'), 'rows.json')).toMatchObject({ kind: 'table', format: 'json' });
    expect(sniffKind(text('# Title\n'), 'README.md')).toMatchObject({ kind: 'text', format: 'md' });
    expect(sniffKind(text('hello'), 'a.txt')).toMatchObject({ kind: 'text', format: 'txt' });
  });

  it('names recognised but unsupported formats and binary data', () => {
    expect(sniffKind(text('%PDF-1.7\n'), 'x.pdf')).toMatchObject({ kind: 'unknown', format: 'pdf' });
    expect(sniffKind(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'x.tif').label).toMatch(/TIFF.*unsupported/);
    expect(sniffKind(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9]), 'x.bin')).toMatchObject({ kind: 'unknown', format: 'binary' });
    // 'BM' at the start of a text file is not a BMP.
    expect(sniffKind(text('BM is a file format\n'), 'notes')).toMatchObject({ kind: 'text' });
  });
});

describe('class rule', () => {
  it('classes when every item is in a sub-folder; className is the first segment', () => {
    expect(classesOf(['cat/a.png', 'cat/x/b.png', 'dog/c.png'])).toEqual({
      classNames: ['cat', 'cat', 'dog'], classes: { cat: 2, dog: 1 },
    });
  });
  it('no classes when any item sits at the root, or when there are no items', () => {
    expect(classesOf(['a.png', 'dog/c.png'])).toEqual({ classNames: [null, null], classes: null });
    expect(classesOf([])).toEqual({ classNames: [], classes: null });
  });
});
