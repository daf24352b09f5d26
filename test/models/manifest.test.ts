// A model's manifest as a user writes it (src/models/manifest.ts, docs/models.md "The manifest"):
// the widened image input is accepted, fields with one possible value may be left out, and every
// mistake is named by its field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/models/manifest.ts';

const builtin = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/models/mobilenet-v2-1.4-nsfwjs/manifest.json', import.meta.url)), 'utf8'));

/** A hand-written manifest for a CLIP-style model: NCHW, mean/std, the optional fields left out. */
const handWritten = () => ({
  id: 'my-clip', version: '1', modality: 'image', file: 'clip.onnx',
  input: { name: 'pixel_values', layout: 'NCHW', width: 224, height: 224, channels: 3, range: [0, 1], mean: [0.481, 0.458, 0.408], std: [0.269, 0.261, 0.276] },
  output: { name: 'image_embeds', dimension: 512 },
  nearDuplicateThreshold: { value: 0.05, calibration: null },
  licence: 'MIT', origin: 'test',
});

describe('parseManifest', () => {
  it('accepts the built-in manifest unchanged', () => {
    expect(parseManifest(builtin)).toEqual(builtin);
  });

  it('accepts NCHW with mean/std and BGR, filling in resize, alpha background and variants', () => {
    const m = parseManifest({ ...handWritten(), input: { ...handWritten().input, colour: 'BGR' } });
    expect(m.input).toMatchObject({ layout: 'NCHW', colour: 'BGR', resize: 'antialiased-triangle', alphaBackground: 'white' });
    expect(m.variants).toEqual([]);
  });

  it('names the field of each mistake', () => {
    const withInput = (over: Record<string, unknown>) => ({ ...handWritten(), input: { ...handWritten().input, ...over } });
    expect(() => parseManifest(withInput({ layout: 'CHW' }))).toThrow(/my-clip: input.layout must be "NHWC" or "NCHW", got "CHW"/);
    expect(() => parseManifest(withInput({ range: [0] }))).toThrow(/input.range must be two different numbers/);
    expect(() => parseManifest(withInput({ range: [1, 1] }))).toThrow(/input.range/);
    expect(() => parseManifest(withInput({ mean: [0.5, 0.5] }))).toThrow(/input.mean must be three numbers/);
    expect(() => parseManifest(withInput({ std: [0.2, 0, 0.2] }))).toThrow(/input.std must be three non-zero numbers/);
    expect(() => parseManifest(withInput({ colour: 'rgb' }))).toThrow(/input.colour must be "RGB" or "BGR"/);
    expect(() => parseManifest(withInput({ width: 0 }))).toThrow(/input.width must be a whole number of pixels/);
    expect(() => parseManifest(withInput({ channels: 1 }))).toThrow(/input.channels must be 3/);
    expect(() => parseManifest({ ...handWritten(), output: { name: 'image_embeds', dimension: 0 } })).toThrow(/output.dimension/);
    expect(() => parseManifest({ ...handWritten(), output: { dimension: 512 } })).toThrow(/output.name/);
    expect(() => parseManifest({ ...handWritten(), file: 'clip.pt' })).toThrow(/file must name the model's .onnx file/);
    expect(() => parseManifest({ ...handWritten(), nearDuplicateThreshold: { value: 3 } })).toThrow(/nearDuplicateThreshold.value/);
  });
});
