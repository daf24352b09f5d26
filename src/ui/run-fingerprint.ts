// What makes two runs the same (issue 17, the unchanged re-run): the same files (each set's role,
// name, and its files' path, size and date), the same request (modality, settings, picked fields,
// table options, the image model chosen: issue 15) and the same engine (report version and this
// build), and for a user's own model its manifest's version. Files are not read: the
// browser's size and lastModified are what a user changes when they change a file, and reading
// 4,000 files is what an unchanged re-run must not do. The hash is SHA-256 (WebCrypto) over a
// canonical JSON of those, so key order and set order do not matter.
import type { FileSets } from '../pipeline/browser-env.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import { REPORT_VERSION } from '../report/schema.ts';
import { packedFileIdentity } from './demo.ts';

/** JSON with object keys sorted at every depth and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A file's stamp: a dropped File's lastModified, a demo file's place in its pack; null when the
 *  blob carries neither (then nothing can say it is unchanged). */
function stampOf(blob: Blob): number | string | null {
  if (typeof File !== 'undefined' && blob instanceof File) return blob.lastModified;
  return packedFileIdentity(blob);
}

/** The fingerprint's input, or null when a file's identity is unknown. `model`: what names the
 *  image model beyond the request (a user's model's manifest version: the same file kept again
 *  with another value range embeds differently); absent, it leaves the fingerprint as it was. */
export function fingerprintInput(files: FileSets, request: RunRequest, engine: string, model?: unknown): unknown {
  const sets = [];
  for (const key of Object.keys(files).sort()) {
    const set = files[key];
    const rows: [string, number, number | string][] = [];
    for (const f of set.files) {
      const stamp = stampOf(f.file);
      if (stamp === null) return null;
      rows.push([f.path, f.file.size, stamp]);
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const role = request.real === key ? 'real' : 'synthetic';
    sets.push({ key, role, files: rows, skipped: (set.skipped ?? []).map((s) => [s.path, s.reason]) });
  }
  return { sets, request, engine: { report: REPORT_VERSION, build: engine }, model };
}

/** Hex SHA-256 of the run's canonical description, or null when it cannot be told unchanged. */
export async function runFingerprint(files: FileSets, request: RunRequest, engine: string, model?: unknown): Promise<string | null> {
  const input = fingerprintInput(files, request, engine, model);
  if (input === null || !globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(input)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let engineOnce: Promise<string> | null = null;

/**
 * This build's identity: the version the build wrote into precache.json (a hash of every built
 * file: the code, the worker, the models, the demo; scripts/vite/plugins.ts precacheList), else
 * (the dev server, or offline) the URL of this module, whose name carries the bundle's hash in a build.
 */
export function engineIdentity(fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<string> {
  engineOnce ??= (async () => {
    try {
      const res = await fetchImpl(new URL(`${import.meta.env.BASE_URL}precache.json`, location.origin), { cache: 'no-store' });
      const { version } = (await res.json()) as { version?: unknown };
      if (res.ok && typeof version === 'string') return `build:${version}`;
    } catch {
      // no precache list here (the dev server answers with its page; offline, no network)
    }
    return `module:${import.meta.url}`;
  })();
  return engineOnce;
}
