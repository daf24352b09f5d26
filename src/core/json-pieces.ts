// JSON text in pieces of bounded size, for values too big for one string: V8 refuses a string over
// ~512 MB ("Invalid string length"), which a report of millions of rows passes. The pieces joined
// are exactly JSON.stringify(value); containers are walked until what is left is small (a row, a
// short list of numbers), which is written whole.

const LONG_ARRAY = 256;

/** Yields the JSON text of `value` in pieces of about `pieceChars` characters. */
export function* jsonPieces(value: unknown, pieceChars = 1 << 20): Generator<string> {
  let buffer = '';
  for (const part of parts(value)) {
    buffer += part;
    if (buffer.length >= pieceChars) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** Small enough to write whole: a primitive, a short list of primitives, an object of primitives. */
function small(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (Array.isArray(value) && value.length > LONG_ARRAY) return false;
  return items.every((v) => v === null || typeof v !== 'object');
}

function* parts(value: unknown): Generator<string> {
  if (small(value)) return yield JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      // As JSON.stringify: an array holds null where a value has no JSON form.
      const v = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* parts(v);
    }
    return yield ']';
  }
  yield '{';
  let first = true;
  for (const [key, v] of Object.entries(value as object)) {
    // As JSON.stringify: properties without a JSON form are left out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* parts(v);
  }
  yield '}';
}
