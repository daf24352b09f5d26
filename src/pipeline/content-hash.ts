// Content hashes that key the vector cache (storage/vector-cache.ts): SHA-256 hex through
// WebCrypto, the same in Node and the browser.

/** SHA-256 of a text's UTF-8 bytes, hex: a text's cache key (and a derived record's, e.g. an
 *  edited copy named by its source's hash and its edit). */
export async function textHash(s: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
