// Cross-origin isolation on static hosts that cannot set headers (the coi-serviceworker pattern,
// written for SynthScore): every same-origin response the page gets passes through here and gains
// COOP/COEP/CORP and the app's CSP, so SharedArrayBuffer (wasm threads) works. Same-origin GETs are
// also kept in a cache, network first, so the app works offline after its first load; and on the
// page's request ("Keep for offline use") every file the build lists in precache.json — the shell,
// every built-in model, the demo — is kept in a cache named by the build's version, so a text or
// table run works offline too even if no text was scored online. A new version replaces the old.
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

// ---- Offline use: the page asks for the status and for the files (a MessageChannel port each) ----
const OFFLINE_PREFIX = 'synthscore-offline-';
const scoped = (path) => new URL(path, self.registration.scope).href;

async function offlineList() {
  const response = await fetch(scoped('precache.json'), { cache: 'no-store' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  return response.json();
}

/** { version, bytes, files, missing }: how much of this version is kept. */
async function offlineStatus() {
  const list = await offlineList();
  const cache = await caches.open(OFFLINE_PREFIX + list.version);
  const kept = await Promise.all(list.files.map((f) => cache.match(scoped(f.path))));
  const bytes = list.files.reduce((a, f) => a + f.bytes, 0);
  return { version: list.version, bytes, files: list.files.length, missing: kept.filter((k) => !k).length };
}

async function keepOffline(port) {
  const list = await offlineList();
  const name = OFFLINE_PREFIX + list.version;
  const cache = await caches.open(name);
  let done = 0, failed = 0;
  for (const f of list.files) {
    const url = scoped(f.path);
    if (!(await cache.match(url))) {
      const response = await fetch(url, { cache: 'no-store' }).catch(() => null);
      if (response && response.ok) await cache.put(url, response);
      else failed++;
    }
    port.postMessage({ kind: 'progress', done: ++done, total: list.files.length });
  }
  // Older versions' files go once this one is complete.
  if (failed === 0) for (const key of await caches.keys()) if (key.startsWith(OFFLINE_PREFIX) && key !== name) await caches.delete(key);
  port.postMessage({ kind: 'done', failed, status: await offlineStatus() });
}

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port) return;
  const fail = (err) => port.postMessage({ kind: 'error', message: String(err && err.message || err) });
  if (event.data === 'offline-status') event.waitUntil(offlineStatus().then((status) => port.postMessage({ kind: 'status', status }), fail));
  else if (event.data === 'keep-offline') event.waitUntil(keepOffline(port).catch(fail));
});
