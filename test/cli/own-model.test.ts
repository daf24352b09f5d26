// The user's own image model (issue 15, docs/models.md): the built-in MobileNet's .onnx, renamed,
// given to `--model` as a folder with a hand-written manifest or alone with flags, scores exactly
// as the built-in; a model fed NCHW, BGR, 0–255 and mean/std embeds as the built-in does; bad
// models exit 2 with a message naming the file and the problem, and leave the vector cache alone.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { digitPixels, SIDE } from '../../scripts/demo-data/mnist-images.ts';
import type { ModelManifest } from '../../src/models/manifest.ts';
import { createImageEmbedder, type InlineModel } from '../../src/models/ort-node.ts';
import type { ImageEmbedder } from '../../src/models/image-embedder.ts';
import { preprocessImage } from '../../src/models/preprocess.ts';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './run-cli.ts';

const { onnx } = onnxProto as typeof import('onnx-proto');
const BUILTIN = fileURLToPath(new URL('../../public/models/mobilenet-v2-1.4-nsfwjs/', import.meta.url));

let dir: string;
let onnxBytes: Uint8Array;
const cacheDir = () => join(dir, 'cache');

/** A hand-written manifest for the renamed MobileNet; `over` changes the input or output. */
function manifest(over: { input?: Partial<ModelManifest['input']>; output?: Partial<ModelManifest['output']> } = {}) {
  return {
    id: 'my-encoder', version: '1', modality: 'image', file: 'my-encoder.onnx',
    input: { name: 'input', layout: 'NHWC', width: 224, height: 224, channels: 3, range: [0, 1], ...over.input },
    output: { name: 'embedding', dimension: 1792, ...over.output },
    nearDuplicateThreshold: { value: 0.0084, calibration: null },
    licence: 'MIT', origin: 'the built-in MobileNet, renamed',
  };
}

async function modelFolder(name: string, m: object, bytes = onnxBytes): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'my-encoder.onnx'), bytes);
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(m, null, 2));
  return folder;
}

const score = (extra: string[], json: string) => runCli([
  'score', '--real', join(dir, 'sets', 'real'), '--synthetic', `fresh=${join(dir, 'sets', 'fresh')}`,
  '--bootstrap', '100', '--quiet', '--cache-dir', cacheDir(), '--json', join(dir, json), ...extra,
]);
const readReport = async (json: string): Promise<Report> => JSON.parse(await readFile(join(dir, json), 'utf8'));
const values = (r: Report) => r.experiments.map((e) => Object.fromEntries(Object.entries(e.scores).map(([k, v]) => [k, v.value])));

/** The cache folder's files with their sizes and modification times. */
async function cacheState(): Promise<string[]> {
  const files = await readdir(cacheDir());
  return Promise.all(files.sort().map(async (f) => {
    const s = await stat(join(cacheDir(), f));
    return `${f} ${s.size} ${s.mtimeMs}`;
  }));
}

let builtin: Report;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-own-model-'));
  // 60 digits a side: enough to calibrate the thresholds on the real set (50), so a lone .onnx's
  // missing default threshold does not matter.
  await buildDemoSets(join(dir, 'sets'), { perClass: 6, sets: ['fresh'] });
  onnxBytes = new Uint8Array(await readFile(join(BUILTIN, 'model.onnx')));
  const r = await score([], 'builtin.json');
  expect(r.code, r.stderr).toBe(0);
  builtin = await readReport('builtin.json');
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('--model with the built-in MobileNet renamed', () => {
  it('a folder with a hand-written manifest gives the default run\'s scores, recorded as a user model', async () => {
    const folder = await modelFolder('folder-model', manifest());
    const r = await score(['--model', folder], 'folder.json');
    expect(r.code, r.stderr).toBe(0);
    const report = await readReport('folder.json');
    expect(values(report)).toEqual(values(builtin));
    expect(report.model).toMatchObject({
      id: 'my-encoder', source: 'user', dimension: 1792,
      sha256: createHash('sha256').update(onnxBytes).digest('hex'),
      input: { layout: 'NHWC', width: 224, height: 224, range: [0, 1] },
    });
    expect(builtin.model).toMatchObject({ id: 'mobilenet-v2-1.4-nsfwjs', source: 'builtin' });
    expect(builtin.model.sha256).toBeUndefined();
    // Keyed by the file's hash: it read none of the built-in's cached vectors.
    expect(report.embedding.fromCache).toBe(0);
  });

  it('the .onnx alone, described by flags, gives the same scores and reuses that file\'s vectors', async () => {
    const lone = join(dir, 'lone', 'renamed.onnx');
    await mkdir(join(dir, 'lone'), { recursive: true });
    await copyFile(join(BUILTIN, 'model.onnx'), lone);
    const r = await score(['--model', lone, '--model-size', '224', '--model-layout', 'NHWC', '--model-range', '0,1', '--model-colour', 'RGB'], 'lone.json');
    expect(r.code, r.stderr).toBe(0);
    const report = await readReport('lone.json');
    expect(values(report)).toEqual(values(builtin));
    expect(report.model).toMatchObject({ id: 'renamed', source: 'user', dimension: 1792 });
    // Same bytes read the same way as the folder's model: its cached vectors are this model's.
    expect(report.embedding.fromCache).toBe(report.embedding.embedded + report.embedding.fromCache);
  });
});

describe('--model with a bad model', () => {
  let before: string[];
  beforeAll(async () => {
    before = await cacheState();
  });
  afterAll(async () => {
    // Nothing already cached was touched by any of the failed runs.
    expect(await cacheState()).toEqual(before);
  });

  const expectInputProblem = (r: Awaited<ReturnType<typeof runCli>>, file: string, problem: RegExp) => {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(problem);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  };

  it('a truncated .onnx', async () => {
    const file = join(dir, 'truncated.onnx');
    await writeFile(file, onnxBytes.subarray(0, onnxBytes.length >> 1));
    expectInputProblem(await score(['--model', file], 'x.json'), file, /truncated/);
  });

  it('a text file named .onnx', async () => {
    const file = join(dir, 'notes.onnx');
    await writeFile(file, 'These are my notes about the model, not the model.\n');
    expectInputProblem(await score(['--model', file], 'x.json'), file, /is text, not an ONNX model/);
  });

  it('a manifest whose input size the graph does not take (200×200 for a 224 model)', async () => {
    const folder = await modelFolder('wrong-size', manifest({ input: { width: 200, height: 200 } }));
    expectInputProblem(await score(['--model', folder], 'x.json'), join(folder, 'my-encoder.onnx'), /trial image at the manifest's input size \(200×200, NHWC\) did not run.*\n?.*224/);
  });

  it('a manifest whose output size is not what the graph makes (1000-d for 1792)', async () => {
    const folder = await modelFolder('wrong-dim', manifest({ output: { dimension: 1000 } }));
    expectInputProblem(await score(['--model', folder], 'x.json'), join(folder, 'my-encoder.onnx'), /1792 values per item, but the manifest's output.dimension is 1000/);
  });

  it('a model whose output has NaN or Infinity (an input range it overflows on)', async () => {
    const folder = await modelFolder('overflow', manifest({ input: { range: [-3e38, 3e38] } }));
    expectInputProblem(await score(['--model', folder], 'x.json'), join(folder, 'my-encoder.onnx'), /output has (NaN|Infinity)/);
  });

  it('a folder without a manifest, and a name that is neither a built-in nor a path', async () => {
    await mkdir(join(dir, 'bare'), { recursive: true });
    expectInputProblem(await score(['--model', join(dir, 'bare')], 'x.json'), join(dir, 'bare'), /has no manifest.json/);
    expectInputProblem(await score(['--model', 'resnet-9000'], 'x.json'), 'resnet-9000', /no built-in model of that name/);
  });
});

/**
 * The MobileNet wrapped to take what many exported models take: NCHW, BGR, pixel values 0–255,
 * normalised by a mean and std. The added nodes undo exactly that, so fed by a manifest that says
 * so, it must embed as the built-in does.
 */
function caffeStyleModel(mean: number[], std: number[]): Uint8Array {
  const model = onnx.ModelProto.decode(onnxBytes);
  const g = model.graph!;
  const f32 = (name: string, values: number[]) => ({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.FLOAT, floatData: values });
  g.initializer!.push(
    f32('caffe_std', std), f32('caffe_mean', mean), f32('caffe_scale', [1 / 255]),
    { name: 'caffe_bgr', dims: [3], dataType: onnx.TensorProto.DataType.INT64, int64Data: [2, 1, 0] },
  );
  const node = (opType: string, input: string[], output: string, attribute: object[] = []) => ({ name: `caffe_${output}`, opType, input, output: [output], attribute });
  g.node!.unshift(
    node('Transpose', ['pixels'], 'nhwc', [{ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: [0, 2, 3, 1] }]),
    node('Mul', ['nhwc', 'caffe_std'], 'scaled'),
    node('Add', ['scaled', 'caffe_mean'], 'bgr255'),
    node('Mul', ['bgr255', 'caffe_scale'], 'bgr01'),
    node('Gather', ['bgr01', 'caffe_bgr'], 'input', [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 3 }]),
  );
  const dim = (d: number | string) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d });
  g.input = [{ name: 'pixels', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: ['N', 3, 224, 224].map(dim) } } } }];
  return onnx.ModelProto.encode(model).finish();
}

/** Tinted MNIST digits (every channel different, so colour order matters), preprocessed to 224. */
function tintedDigits(n: number): Float32Array {
  const out = new Float32Array(n * 224 * 224 * 3);
  for (let i = 0; i < n; i++) {
    const g = digitPixels(i % 10, i);
    const rgba = new Uint8Array(SIDE * SIDE * 4);
    for (let p = 0; p < SIDE * SIDE; p++) rgba.set([g[p], 255 - g[p], g[p] >> 2, 255], p * 4);
    preprocessImage({ data: rgba, width: SIDE, height: SIDE }, { width: 224, height: 224 }, out, i * 224 * 224 * 3);
  }
  return out;
}

describe('a model that takes NCHW, BGR, 0–255 and mean/std', () => {
  const mean = [103.94, 116.78, 123.68];
  const std = [57.4, 57.1, 58.4];
  const opened: ImageEmbedder[] = [];
  afterAll(() => Promise.all(opened.map((e) => e.release())));
  const open = async (model: string | InlineModel) => {
    const e = await createImageEmbedder(model);
    opened.push(e);
    return e;
  };
  const cosines = (a: Float32Array, b: Float32Array, dim: number) =>
    Array.from({ length: a.length / dim }, (_, i) => a.subarray(i * dim, (i + 1) * dim).reduce((s, x, j) => s + x * b[i * dim + j], 0));

  it('embeds as the built-in when its manifest says how it is fed, and not when the colour order is wrong', async () => {
    const bytes = caffeStyleModel(mean, std);
    const input = { name: 'pixels', layout: 'NCHW' as const, colour: 'BGR' as const, range: [0, 255] as [number, number], mean: mean as [number, number, number], std: std as [number, number, number] };
    const m = { ...manifest({ input }), id: 'caffe-style' } as ModelManifest;
    const key = createHash('sha256').update(bytes).digest('hex');
    const right = await open({ manifest: m, bytes, key });
    const wrong = await open({ manifest: { ...m, input: { ...m.input, colour: 'RGB' } }, bytes, key });
    const reference = await open(BUILTIN);
    const n = 6;
    const batch = tintedDigits(n);
    const [want, got, swapped] = [await reference.embed(batch.slice(), n), await right.embed(batch.slice(), n), await wrong.embed(batch.slice(), n)];
    for (const c of cosines(want, got, 1792)) expect(c).toBeGreaterThan(0.99999);
    expect(Math.min(...cosines(want, swapped, 1792))).toBeLessThan(0.999);
  });
});
