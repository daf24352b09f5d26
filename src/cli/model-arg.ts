// `--model NAME|PATH`: which image model a CLI run embeds with (docs/models.md, "The CLI"). A
// built-in's name or alias (src/models/model-choice.ts) is its folder under public/models; a folder
// of the user's holds manifest.json and the .onnx it names; a lone .onnx gets its manifest from the
// --model-* flags and what the graph says (onnx-inspect.ts). A user's model is opened from its
// bytes, keyed by their SHA-256, so its cached vectors are its own. Anything wrong with what the
// user gave is an InputError (exit 2) that names the file and the problem.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../ingest/types.ts';
import { MANIFEST_FILE, parseManifest, type ModelManifest } from '../models/manifest.ts';
import { BUILTIN_IMAGE_MODELS, DEFAULT_IMAGE_MODEL_ID, findBuiltinImageModel } from '../models/model-choice.ts';
import { inspectOnnx, type OnnxInspection } from '../models/onnx-inspect.ts';
import type { InlineModel } from '../models/ort-node.ts';
import { UsageError, type LoneOnnxFlags } from './args.ts';
import { printable } from './printable.ts';

export const BUILTIN_MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));

export type CliImageModel =
  | { kind: 'builtin'; id: string; folder: string }
  /** `file`: the .onnx, as the user named it (or the folder's), for messages. */
  | { kind: 'user'; file: string; inline: InlineModel; dimensionKnown: boolean };

const input = (why: string): never => {
  throw new InputError(why);
};

/** The model the flags name; the default built-in when --model is not given. */
export async function resolveCliModel(opts: { model?: string; modelFlags?: LoneOnnxFlags }): Promise<CliImageModel> {
  const name = opts.model;
  const flags = opts.modelFlags ?? {};
  const hasFlags = Object.keys(flags).length > 0;
  if (name === undefined) return builtin(DEFAULT_IMAGE_MODEL_ID);
  const known = findBuiltinImageModel(name);
  const info = await stat(name).catch(() => null);
  if (known && !info) {
    if (hasFlags) throw new UsageError(`--model ${known.id} is a built-in model: the --model-* flags describe a lone .onnx file.`);
    return builtin(known.id);
  }
  if (!info) {
    return input(`--model ${printable(name)}: no such file or folder, and no built-in model of that name (built-ins: ${BUILTIN_IMAGE_MODELS.map((m) => [m.id, ...m.aliases].join(', ')).join('; ')}).`);
  }
  if (info.isDirectory()) {
    if (hasFlags) throw new UsageError(`--model ${name} is a folder: its ${MANIFEST_FILE} describes the model, not the --model-* flags.`);
    const same = BUILTIN_IMAGE_MODELS.find((m) => resolve(BUILTIN_MODELS_DIR, m.id) === resolve(name));
    return same ? builtin(same.id) : fromFolder(name);
  }
  if (!name.toLowerCase().endsWith('.onnx')) return input(`--model ${printable(name)}: a model file must be an .onnx file (or give a folder with ${MANIFEST_FILE}).`);
  return fromLoneFile(name, flags);
}

async function builtin(id: string): Promise<CliImageModel> {
  const folder = join(BUILTIN_MODELS_DIR, id);
  if (!(await stat(join(folder, MANIFEST_FILE)).catch(() => null))) {
    return input(`The built-in model ${id} is not built here (no ${join(folder, MANIFEST_FILE)}): run npm run build:models.`);
  }
  return { kind: 'builtin', id, folder };
}

/** The bytes of an .onnx, checked to be one, and their SHA-256 (hex). */
async function readOnnx(file: string): Promise<{ bytes: Uint8Array; sha256: string; graph: OnnxInspection }> {
  const bytes = new Uint8Array(await readFile(file).catch((e: NodeJS.ErrnoException) => input(`The model file ${printable(file)} cannot be read (${e.code ?? e.message}).`)));
  let graph: OnnxInspection;
  try {
    graph = inspectOnnx(bytes);
  } catch (e) {
    return input(`The model file ${printable(file)}: ${(e as Error).message}.`);
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), graph };
}

async function fromFolder(folder: string): Promise<CliImageModel> {
  const manifestFile = join(folder, MANIFEST_FILE);
  const text = await readFile(manifestFile, 'utf8').catch(() => input(`--model ${printable(folder)}: the folder has no ${MANIFEST_FILE} (a model folder holds ${MANIFEST_FILE} and the .onnx it names).`));
  let manifest: ModelManifest;
  try {
    manifest = parseManifest(JSON.parse(text));
  } catch (e) {
    return input(`${printable(manifestFile)}: ${(e as Error).message}.`);
  }
  if (manifest.modality !== 'image') return input(`${printable(manifestFile)}: modality is "${manifest.modality}"; --model takes an image model (the text model is the built-in one, docs/models.md).`);
  const file = join(folder, manifest.file);
  const { bytes, sha256 } = await readOnnx(file);
  return { kind: 'user', file, inline: { manifest, bytes, key: sha256 }, dimensionKnown: true };
}

async function fromLoneFile(file: string, flags: LoneOnnxFlags): Promise<CliImageModel> {
  const { bytes, sha256, graph } = await readOnnx(file);
  const where = `The model file ${printable(file)}`;
  const list = (xs: { name: string }[]) => xs.map((x) => `"${x.name}"`).join(', ');
  if (graph.inputs.length !== 1) return input(`${where} takes ${graph.inputs.length} inputs (${list(graph.inputs)}); an image model takes one.`);
  const guess = graph.suggested.input ?? {};
  const width = flags.width ?? guess.width;
  const height = flags.height ?? guess.height;
  if (!width || !height) return input(`${where}: its input "${graph.inputs[0].name}" has no fixed size (${dimsText(graph.inputs[0].dims)}): give --model-size.`);
  const layout = flags.layout ?? guess.layout;
  if (!layout) return input(`${where}: its input "${graph.inputs[0].name}" (${dimsText(graph.inputs[0].dims)}) does not show the layout: give --model-layout NHWC or NCHW.`);
  let output = graph.outputs.length === 1 ? graph.outputs[0] : undefined;
  if (flags.output !== undefined) {
    output = graph.outputs.find((o) => o.name === flags.output);
    if (!output) return input(`${where} has no output "${printable(flags.output)}" (--model-output); its outputs: ${list(graph.outputs)}.`);
  }
  if (!output) return input(`${where} has ${graph.outputs.length} outputs (${list(graph.outputs)}): choose one with --model-output.`);
  const last = output.dims?.length ? output.dims[output.dims.length - 1] : null;
  const manifest: ModelManifest = {
    id: basename(file).replace(/\.onnx$/i, ''),
    version: `sha256:${sha256}`,
    modality: 'image',
    file: basename(file),
    variants: [],
    input: {
      name: graph.inputs[0].name, layout, width, height, channels: 3,
      range: flags.range ?? [0, 1],
      ...(flags.mean ? { mean: flags.mean } : {}),
      ...(flags.std ? { std: flags.std } : {}),
      ...(flags.colour ? { colour: flags.colour } : {}),
      resize: 'antialiased-triangle', alphaBackground: 'white',
    },
    // A dynamic last dim is measured by a trial run before the model is opened (node-env.ts).
    output: { name: output.name, dimension: last ?? 1 },
    // No default threshold: every run of 50 real rows or more calibrates its own (docs/metrics.md
    // §2); below that only --threshold or the copy signal finds near-duplicates.
    nearDuplicateThreshold: { value: 0, calibration: { note: 'a lone .onnx has no default threshold; runs calibrate theirs on the real set' } },
    licence: 'unknown (the user\'s own model)',
    origin: `the user's file ${basename(file)}`,
  };
  try {
    parseManifest(manifest);
  } catch (e) {
    return input(`${where}: ${(e as Error).message}.`);
  }
  return { kind: 'user', file, inline: { manifest, bytes, key: sha256 }, dimensionKnown: last !== null };
}

const dimsText = (dims: (number | null)[] | null) => (dims ? `[${dims.map((d) => d ?? '?').join(', ')}]` : 'no shape');
