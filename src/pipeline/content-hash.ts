// Content hashes that key the vector cache (storage/vector-cache.ts): SHA-256 hex through
// WebCrypto, the same in Node and the browser.

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a text's UTF-8 bytes, hex: a text's cache key (and a derived record's, e.g. an
 *  edited copy named by its source's hash and its edit). */
export function textHash(s: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(s));
}

/** SHA-256 over typed arrays' bytes (each hashed, then the hashes): a key for computed content. */
export async function bytesHash(...parts: ArrayBufferView[]): Promise<string> {
  // A copy of each part's bytes: digest takes no view of shared memory.
  const each = await Promise.all(parts.map((p) => sha256Hex(new Uint8Array(p.buffer, p.byteOffset, p.byteLength).slice())));
  return each.length === 1 ? each[0] : textHash(each.join(':'));
}
