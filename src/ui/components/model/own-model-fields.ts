// The own-model form's fields as plain data (issue 15, docs/models.md "Your own model"): filled
// first from what the .onnx graph says (src/models/onnx-inspect.ts), then turned into the image
// manifest the worker loads the model by. What the graph cannot say (value range or mean/std,
// colour order, a name) the user gives; every check names the field and the problem.
import type { ModelManifest } from '../../../models/manifest.ts';
import type { OnnxInspection, OnnxTensorInfo } from '../../../models/onnx-inspect.ts';

export interface OwnModelFields {
  name: string;
  inputName: string;
  width: string;
  height: string;
  layout: 'NHWC' | 'NCHW';
  rangeLo: string;
  rangeHi: string;
  /** Three numbers separated by commas or spaces, or empty for none. */
  mean: string;
  std: string;
  colour: 'RGB' | 'BGR';
  outputName: string;
  /** Near-duplicate cosine distance; used only where a run cannot calibrate its own (docs/metrics.md §2). */
  threshold: string;
}

/** Where the form starts for a graph: its suggested input and output, the usual 0..1 RGB otherwise. */
export function fieldsFromInspection(fileName: string, g: OnnxInspection): OwnModelFields {
  const input = g.suggested.input;
  return {
    name: fileName.replace(/\.onnx$/i, ''),
    inputName: input?.name ?? g.inputs[0].name,
    width: input?.width ? String(input.width) : '',
    height: input?.height ? String(input.height) : '',
    layout: input?.layout ?? 'NHWC',
    rangeLo: '0',
    rangeHi: '1',
    mean: '',
    std: '',
    colour: 'RGB',
    outputName: g.suggested.output?.name ?? g.outputs[0].name,
    threshold: '0.01',
  };
}

/** A tensor's dims as people write them: [?, 224, 224, 3]. */
export function shapeText(t: OnnxTensorInfo): string {
  return t.dims ? `[${t.dims.map((d) => d ?? '?').join(', ')}]` : '(no shape in the graph)';
}

const numberOf = (field: string, s: string): number => {
  const v = Number(s.trim());
  if (s.trim() === '' || !Number.isFinite(v)) throw new Error(`${field}: "${s}" is not a number`);
  return v;
};

function triple(field: string, s: string): [number, number, number] | undefined {
  if (!s.trim()) return undefined;
  const parts = s.trim().split(/[\s,]+/);
  if (parts.length !== 3) throw new Error(`${field}: give three numbers, one per colour channel (got "${s}")`);
  return parts.map((p) => numberOf(field, p)) as [number, number, number];
}

/**
 * The checks the graph allows before any trial run: the input's fixed dims against the size and
 * layout given, the output one vector per image. Returns the problem in words, or null.
 */
export function graphMismatch(g: OnnxInspection, f: OwnModelFields): string | null {
  const input = g.inputs.find((i) => i.name === f.inputName);
  if (!input) return `the graph has no input "${f.inputName}" (it has ${g.inputs.map((i) => `"${i.name}"`).join(', ')})`;
  const d = input.dims;
  if (d) {
    if (d.length !== 4) return `wrong input shape: input "${input.name}" is ${shapeText(input)}, but an image model takes 4 dims (N, H, W, 3 or N, 3, H, W)`;
    const want = f.layout === 'NHWC' ? [null, Number(f.height), Number(f.width), 3] : [null, 3, Number(f.height), Number(f.width)];
    const wrong = want.some((w, i) => w !== null && d[i] !== null && d[i] !== w);
    if (wrong) {
      return `wrong input shape: input "${input.name}" is ${shapeText(input)}, but ${f.layout} at ${f.width}×${f.height} means ` +
        `[N, ${want.slice(1).join(', ')}]; change the size or the layout`;
    }
  }
  const output = g.outputs.find((o) => o.name === f.outputName);
  if (!output) return `the graph has no output "${f.outputName}" (it has ${g.outputs.map((o) => `"${o.name}"`).join(', ')})`;
  const extra = output.dims?.slice(2).filter((x) => x !== 1) ?? [];
  if (extra.length) return `output wrong size: output "${output.name}" is ${shapeText(output)}, not one vector per image ([N, d]); choose the pooled or embedding output`;
  return null;
}

/** The graph's fixed output width, when it has one. */
export function graphDimension(g: OnnxInspection, outputName: string): number | null {
  const d = g.outputs.find((o) => o.name === outputName)?.dims;
  return d?.length ? d[d.length - 1] : null;
}

/** 8 hex digits of FNV-1a: tells two preprocessings of one file apart in the version. */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The manifest for the fields (throws with the field and the problem). `dimension` is the
 * output's width: 0 while unknown (before the trial run says it). `version` names the file and
 * the preprocessing, so a re-saved file with another range is another model version.
 */
export function manifestOf(f: OwnModelFields, file: { name: string; size: number; sha256: string }, dimension: number): ModelManifest {
  const name = f.name.trim();
  if (!name) throw new Error('name: give the model a name');
  const width = numberOf('input width', f.width);
  const height = numberOf('input height', f.height);
  for (const [field, v] of [['input width', width], ['input height', height]] as const) {
    if (!Number.isInteger(v) || v < 8 || v > 4096) throw new Error(`${field}: ${v} is not a pixel size between 8 and 4096`);
  }
  const range: [number, number] = [numberOf('range low', f.rangeLo), numberOf('range high', f.rangeHi)];
  if (range[0] === range[1]) throw new Error(`range: low and high are both ${range[0]}`);
  const mean = triple('mean', f.mean);
  const std = triple('std', f.std);
  if (std?.some((s) => s === 0)) throw new Error('std: a channel of 0 would divide by zero');
  if (!mean !== !std) throw new Error('mean and std: give both or neither');
  const threshold = numberOf('near-duplicate threshold', f.threshold);
  if (!(threshold >= 0 && threshold <= 2)) throw new Error(`near-duplicate threshold: ${threshold} is not a cosine distance (0 to 2)`);
  const input: ModelManifest['input'] = {
    name: f.inputName, layout: f.layout, width, height, channels: 3, range,
    ...(mean && std ? { mean, std } : {}), colour: f.colour, resize: 'antialiased-triangle', alphaBackground: 'white',
  };
  return {
    id: name,
    version: `sha256:${file.sha256.slice(0, 12)}.${digest(JSON.stringify([input, f.outputName]))}`,
    modality: 'image',
    file: 'model.onnx',
    variants: [{ file: 'model.onnx', bytes: file.size, note: `the user's own "${file.name}", kept in this browser` }],
    input,
    output: { name: f.outputName, dimension },
    nearDuplicateThreshold: { value: threshold, calibration: null },
    licence: 'unknown (the user’s own model)',
    origin: `the user's file "${file.name}", sha256 ${file.sha256}`,
  };
}
