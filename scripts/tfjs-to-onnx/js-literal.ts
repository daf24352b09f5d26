// Parses the JS object literal that a minified UMD bundle exports (unquoted keys, `.5` numbers,
// `!0`/`!1` booleans) without evaluating any code: the nsfwjs model.min.js is not JSON.
export function parseJsLiteral(src: string): unknown {
  let i = 0;
  const ws = () => { while (i < src.length && /\s/.test(src[i])) i++; };
  const fail = (what: string): never => {
    throw new SyntaxError(`js-literal: ${what} at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const str = (): string => {
    const q = src[i++];
    let out = '';
    while (src[i] !== q) {
      if (i >= src.length) fail('unterminated string');
      if (src[i] === '\\') {
        const esc = src[i + 1];
        if (esc === 'u') { out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)); i += 6; continue; }
        out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[esc] ?? esc;
        i += 2;
      } else out += src[i++];
    }
    i++;
    return out;
  };
  const key = (): string => {
    if (src[i] === '"' || src[i] === "'") return str();
    const m = /^[A-Za-z_$0-9][\w$]*/.exec(src.slice(i, i + 256));
    if (!m) fail('expected key');
    i += m![0].length;
    return m![0];
  };
  const value = (): unknown => {
    ws();
    const c = src[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      for (ws(); src[i] !== '}'; ws()) {
        const k = key(); ws();
        if (src[i++] !== ':') fail('expected :');
        obj[k] = value(); ws();
        if (src[i] === ',') i++;
        else if (src[i] !== '}') fail('expected , or }');
      }
      i++;
      return obj;
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      for (ws(); src[i] !== ']'; ws()) {
        arr.push(value()); ws();
        if (src[i] === ',') i++;
        else if (src[i] !== ']') fail('expected , or ]');
      }
      i++;
      return arr;
    }
    if (c === '"' || c === "'") return str();
    if (src.startsWith('!0', i)) { i += 2; return true; }
    if (src.startsWith('!1', i)) { i += 2; return false; }
    for (const [w, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (src.startsWith(w, i)) { i += w.length; return v; }
    }
    const m = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i, i + 64));
    if (!m) fail('unexpected token');
    i += m![0].length;
    return Number(m![0]);
  };
  const v = value();
  ws();
  if (i !== src.length) fail('trailing input');
  return v;
}

/** The balanced `{...}` starting at `start` (strings respected). */
export function sliceBalanced(src: string, start: number): string {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'") { for (i++; src[i] !== c; i++) if (src[i] === '\\') i++; continue; }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') { if (--depth === 0) return src.slice(start, i + 1); }
  }
  throw new SyntaxError('sliceBalanced: unbalanced');
}
