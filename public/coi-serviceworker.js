// Cross-origin isolation on static hosts that cannot set headers (the coi-serviceworker pattern,
// written for SynthScore): every same-origin response the page gets passes through here and gains
// COOP/COEP/CORP and the app's CSP, so SharedArrayBuffer (wasm threads) works. Same-origin GETs are
// also kept in a cache, network first, so the app works offline after its first load.
// Requests to other origins are never touched (the app makes none).
const CACHE = 'synthscore-v1';
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function isolate(response) {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CSP);
  if (!headers.has('X-Frame-Options')) headers.set('X-Frame-Options', 'DENY');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith((async () => {
    const cacheable = request.method === 'GET' && !request.headers.has('range');
    try {
      const response = await fetch(request);
      if (cacheable && response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)).catch(() => {}));
      }
      return isolate(response);
    } catch (err) {
      const hit = cacheable ? await caches.match(request, { ignoreVary: true }) : undefined;
      if (hit) return isolate(hit);
      throw err;
    }
  })());
});
