// What makes two runs "the same" for the unchanged re-run: files (path, size, date), the request
// (every setting), and the engine; never the order keys or files happen to come in.
import { describe, expect, it } from 'vitest';
import type { FileSets } from '../../src/pipeline/browser-env.ts';
import type { RunRequest } from '../../src/pipeline/run-request.ts';
import { canonicalJson, runFingerprint } from '../../src/ui/run-fingerprint.ts';

const file = (bytes: number, lastModified = 1000) => new File([new Uint8Array(bytes)], 'f', { lastModified });
const sets = (): FileSets => ({
  real: { files: [{ path: 'a.png', file: file(10) }, { path: 'b.png', file: file(20) }] },
  fresh: { files: [{ path: 'x.png', file: file(30) }] },
});
const request = (over: Partial<RunRequest> = {}): RunRequest =>
  ({ modality: 'image', real: 'real', synthetic: [{ name: 'fresh', path: 'fresh' }], threshold: { kind: 'manifest' }, map: {}, ...over }) as RunRequest;

describe('runFingerprint', () => {
  it('is the same for the same files, request and engine, whatever their order', async () => {
    const a = await runFingerprint(sets(), request(), 'build:1');
    const s = sets();
    const reordered: FileSets = { fresh: s.fresh, real: { files: [...s.real.files].reverse() } };
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await runFingerprint(reordered, request(), 'build:1')).toBe(a);
  });

  it('changes with a file\'s size or date, a setting, the sets\' roles or the engine', async () => {
    const base = await runFingerprint(sets(), request(), 'build:1');
    const changed = async (edit: (s: FileSets) => void, req = request(), engine = 'build:1') => {
      const s = sets();
      edit(s);
      return runFingerprint(s, req, engine);
    };
    const all = [
      await changed((s) => { s.real.files[0] = { path: 'a.png', file: file(11) }; }),
      await changed((s) => { s.fresh.files[0] = { path: 'x.png', file: file(30, 1001) }; }),
      await changed((s) => { s.fresh.files[0] = { path: 'y.png', file: file(30) }; }),
      await changed(() => {}, request({ seed: 7 } as Partial<RunRequest>)),
      await changed(() => {}, request({ real: 'fresh', synthetic: [{ name: 'real', path: 'real' }] } as Partial<RunRequest>)),
      await changed(() => {}, request(), 'build:2'),
    ];
    for (const f of all) expect(f).not.toBe(base);
    expect(new Set(all).size).toBe(all.length);
  });

  it('changes with the image model: another built-in, a user\'s file, the same file kept with another preprocessing', async () => {
    const user = { kind: 'user', sha256: 'ab'.repeat(32) } as const;
    const all = [
      await runFingerprint(sets(), request(), 'build:1'),
      await runFingerprint(sets(), request({ model: { kind: 'builtin', id: 'mobilenet-v2-1.4-nsfwjs' } }), 'build:1'),
      await runFingerprint(sets(), request({ model: { kind: 'builtin', id: 'inception-v3-nsfwjs' } }), 'build:1'),
      await runFingerprint(sets(), request({ model: user }), 'build:1', { version: 'sha256:abababababab.00000001' }),
      await runFingerprint(sets(), request({ model: user }), 'build:1', { version: 'sha256:abababababab.00000002' }),
    ];
    expect(new Set(all).size).toBe(all.length);
    // Nothing said about the model beyond the request: the fingerprint is the one it always was.
    expect(await runFingerprint(sets(), request(), 'build:1', undefined)).toBe(all[0]);
  });

  it('cannot tell a blob that has no date and is not the demo\'s: null, so the run scores', async () => {
    const s = sets();
    s.real.files.push({ path: 'c.png', file: new Blob([new Uint8Array(5)]) });
    expect(await runFingerprint(s, request(), 'build:1')).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
  });
});
