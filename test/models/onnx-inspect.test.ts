// Reading an .onnx file's signature without running it (src/models/onnx-inspect.ts): what the
// app's form pre-fills and what the CLI reads for a lone .onnx, and the clear refusal of a file
// that is not a whole ONNX model.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectOnnx } from '../../src/models/onnx-inspect.ts';
import { OnnxGraph } from '../../src/models/onnx-build.ts';

const file = (p: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../public/models/${p}`, import.meta.url))));
const mobilenet = file('mobilenet-v2-1.4-nsfwjs/model.onnx');

describe('inspectOnnx', () => {
  it('reads the built-in MobileNet: one NHWC 224×224 input with a dynamic batch, a 1792-d output', () => {
    const r = inspectOnnx(mobilenet);
    expect(r.inputs).toEqual([{ name: 'input', elemType: 'FLOAT', dims: [null, 224, 224, 3] }]);
    expect(r.outputs).toEqual([{ name: 'embedding', elemType: 'FLOAT', dims: [null, 1792] }]);
    expect(r.suggested).toEqual({
      input: { name: 'input', layout: 'NHWC', width: 224, height: 224, channels: 3 },
      output: { name: 'embedding', dimension: 1792 },
    });
    expect(r.opset).toBe(13);
  });

  it('guesses NCHW from a channel-first input, leaves a symbolic size out, and suggests no output among several', () => {
    const g = new OnnxGraph();
    g.input('pixel_values', 'float32', ['batch', 3, 'height', 'width']);
    g.node('GlobalAveragePool', ['pixel_values'], 'pooled');
    g.node('Flatten', ['pooled'], 'features');
    g.node('Relu', ['features'], 'relu');
    g.output('features', 'float32', ['batch', 3]);
    g.output('relu', 'float32', ['batch', 3]);
    const r = inspectOnnx(g.toBytes());
    expect(r.inputs[0].dims).toEqual([null, 3, null, null]);
    expect(r.suggested.input).toEqual({ name: 'pixel_values', layout: 'NCHW', channels: 3 });
    expect(r.outputs.map((o) => o.name)).toEqual(['features', 'relu']);
    expect(r.suggested.output).toEqual({ name: 'features', dimension: 3 }); // the name says features
  });

  it('reads the text model too, without guessing an image input for it', () => {
    const r = inspectOnnx(file('use-lite-512/model.onnx'));
    expect(r.inputs.map((i) => [i.name, i.elemType])).toEqual([['ids', 'INT64'], ['mask', 'FLOAT']]);
    expect(r.suggested.input).toBeUndefined();
  });

  it('says a cut file ends early, wherever it is cut', () => {
    for (const cut of [200, 5000, mobilenet.length >> 1, mobilenet.length - 1]) {
      expect(() => inspectOnnx(mobilenet.subarray(0, cut)), `cut at ${cut}`).toThrow(/truncated/);
    }
  });

  it('says a text file named .onnx is text, and an empty file is empty', () => {
    const text = new TextEncoder().encode('name,score\nalpha,1\n');
    expect(() => inspectOnnx(text)).toThrow(/the file is text, not an ONNX model/);
    expect(() => inspectOnnx(new TextEncoder().encode(readFileSync(fileURLToPath(import.meta.url), 'utf8')))).toThrow(/text/);
    expect(() => inspectOnnx(new Uint8Array(0))).toThrow(/empty/);
  });

  it('refuses binary that is not ONNX (a PNG)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect(() => inspectOnnx(png)).toThrow(/not an ONNX model|truncated/);
  });
});
