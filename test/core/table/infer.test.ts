import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.ts';
import { inferColumnType, isDecimal, parseNumber } from '../../../src/core/table/infer.ts';
import { isMissing } from '../../../src/core/table/types.ts';

// The definitions the fast paths must agree with.
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '#n/a', '?', '-']);

/** Short strings over the characters a number is written with, and a few others. */
function randomStrings(count: number, seed: number): string[] {
  const rng = createRng(seed), chars = '0123456789+-.eE xa\t/#?NnAaulo';
  return Array.from({ length: count }, () => Array.from({ length: rng.int(8) }, () => chars[rng.int(chars.length)]).join(''));
}

describe('cell parsing fast paths', () => {
  it('the hand-written number scanner accepts exactly what the number pattern accepts', () => {
    const cases = [...randomStrings(50_000, 1), '1', '-1.5', '+.5', '.', '5.', '1e5', '1E-05', '1e', 'e5', '.e1', '1.2.3', '--1', '١٢', '0x10', 'Infinity', ''];
    expect(cases.filter((s) => isDecimal(s) !== NUMBER_RE.test(s))).toEqual([]);
    expect(cases.filter((s) => NUMBER_RE.test(s)).length).toBeGreaterThan(1000); // the random strings do include numbers
    expect([parseNumber(' 2.50 '), parseNumber('1e3'), parseNumber('3,5')]).toEqual([2.5, 1000, NaN]);
  });

  it('numbers are parsed to exactly the double Number() gives', () => {
    const rng = createRng(3);
    const digits = (k: number) => Array.from({ length: k }, () => rng.int(10)).join('');
    const cases = ['0', '-0', '-0.000', '+7', '5.', '.5', '0.1', '0.3', '123456789012345', '1234567890123456789', '9007199254740993', '1.7976931348623157e308', '0.0000000000000000000000012', '1e-7'];
    for (let k = 0; k < 20_000; k++) cases.push(`${rng.next() < 0.3 ? '-' : ''}${digits(rng.int(10))}.${digits(rng.int(20))}`);
    expect(cases.filter((s) => s !== '.' && s !== '-.' && !Object.is(parseNumber(s), Number(s)))).toEqual([]);
  });

  it('missing values are recognised whatever their length, case or surrounding whitespace', () => {
    const cases = [...randomStrings(20_000, 2), ' NA ', 'n/a', '\tNULL\n', '  none', 'None', '#N/A', '  -  ', 'nanx', 'unknown', '\u00a0na\u00a0', 'Na N'];
    expect(cases.filter((s) => isMissing(s) !== MISSING.has(s.trim().toLowerCase()))).toEqual([]);
    expect(cases.filter((s) => isMissing(s)).length).toBeGreaterThan(100);
  });

  it('distinct values are counted where the type depends on them', () => {
    expect(inferColumnType('c', ['a', 'b', 'a', ' b', '']).distinct).toBe(2);
    const ids = Array.from({ length: 30 }, (_, i) => String(i));
    expect(inferColumnType('user_id', ids)).toMatchObject({ type: 'identifier', distinct: 30 });
    expect(inferColumnType('user_id', [...ids, '3']).type).toBe('number'); // a repeated value: not unique per row
  });
});
