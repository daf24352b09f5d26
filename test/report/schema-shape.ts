// The exported report's shape, read from src/report/schema.ts with the TypeScript compiler: every
// property of Report and of everything under it, inlined (a renamed interface is the same JSON),
// optional ones marked "?", unions sorted. A JSON value that two shapes compare by.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const SCHEMA_FILE = fileURLToPath(new URL('../../src/report/schema.ts', import.meta.url));

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
};
let last: ts.Program | undefined;

import type { Shape } from '../../src/report/validate-shape.ts';

export type { Shape };

export function reportShape(file = SCHEMA_FILE, root = 'Report'): Shape {
  // Each program reuses the last one's parsed standard library (seconds saved per call).
  const program = ts.createProgram({ rootNames: [file], options: OPTIONS, oldProgram: last });
  last = program;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === root);
  if (!symbol) throw new Error(`${file} exports no ${root}`);
  return describe(checker, checker.getDeclaredTypeOfSymbol(symbol), []);
}

function describe(checker: ts.TypeChecker, t: ts.Type, path: string[]): Shape {
  if (path.length > 20) throw new Error(`the report's type nests too deep (recursive?) at ${path.join('.')}`);
  const f = t.flags;
  if (f & ts.TypeFlags.Boolean) return 'boolean';
  if (f & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.BooleanLiteral))
    return checker.typeToString(t);
  if (t.isStringLiteral() || t.isNumberLiteral()) return JSON.stringify(t.value);
  if (t.isUnion()) {
    // An optional property's type is T | undefined: the "?" on its name says that already.
    const parts = t.types.filter((m) => !(m.flags & ts.TypeFlags.Undefined)).map((m) => describe(checker, m, path));
    if (parts.length === 1) return parts[0];
    const words = parts.filter((p) => typeof p === 'string');
    // `boolean` is the union true | false.
    const merged =
      words.includes('true') && words.includes('false') ? [...words.filter((x) => x !== 'true' && x !== 'false'), 'boolean'] : words;
    const text = [...new Set(merged)].sort().join(' | ');
    const objects = parts.filter((p) => typeof p !== 'string');
    return objects.length ? { anyOf: [text, ...objects] } : text;
  }
  if (checker.isArrayType(t)) {
    const el = describe(checker, checker.getTypeArguments(t as ts.TypeReference)[0], [...path, '[]']);
    return typeof el === 'string' ? (el.includes(' | ') ? `(${el})[]` : `${el}[]`) : { '[]': el };
  }
  if (f & ts.TypeFlags.Object) {
    const out: { [key: string]: Shape } = {};
    for (const info of checker.getIndexInfosOfType(t))
      out[`[key: ${checker.typeToString(info.keyType)}]`] = describe(checker, info.type, [...path, '[key]']);
    for (const p of checker.getPropertiesOfType(t)) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      const pt = checker.getTypeOfSymbol(p);
      out[`${p.name}${optional ? '?' : ''}`] = describe(checker, pt, [...path, p.name]);
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  throw new Error(
    `the report's type has a kind this description does not know at ${path.join('.') || 'the root'}: ${checker.typeToString(t)}`,
  );
}
