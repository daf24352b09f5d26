// Model manifests: what a model file expects and produces. Pure types and checks, no Node APIs.

export interface ModelVariant {
  file: string;
  bytes: number;
  note: string;
}

export interface ModelManifest {
  id: string;
  version: string;
  modality: 'image' | 'text';
  /** The variant served by default, relative to the manifest's folder. */
  file: string;
  variants: ModelVariant[];
  input: {
    name: string;
    layout: 'NHWC';
    width: number;
    height: number;
    channels: 3;
    range: [0, 1];
    resize: 'antialiased-triangle';
    alphaBackground: 'white';
  };
  output: { name: string; dimension: number };
  /** Cosine distance below which two items count as near-duplicates. */
  nearDuplicateThreshold: { value: number; calibration: Record<string, unknown> | null };
  licence: string;
  origin: string;
}

export const MANIFEST_FILE = 'manifest.json';

/** The file for a variant name ('fp32' → model-fp32.onnx), or the default file. */
export function variantFile(m: ModelManifest, variant?: string): string {
  if (!variant) return m.file;
  const hit = m.variants.find((v) => v.file === variant || v.file === `model-${variant}.onnx`);
  if (!hit) throw new Error(`model ${m.id}: no variant ${variant} (have ${m.variants.map((v) => v.file).join(', ')})`);
  return hit.file;
}

/** Checks a parsed manifest.json (e.g. a user's own model) and returns it typed. */
export function parseManifest(raw: unknown): ModelManifest {
  const m = raw as ModelManifest;
  const bad = (why: string): never => {
    throw new Error(`invalid model manifest${m && typeof m.id === 'string' ? ` ${m.id}` : ''}: ${why}`);
  };
  if (!m || typeof m !== 'object') bad('not an object');
  if (typeof m.id !== 'string' || !m.id) bad('id');
  if (m.modality !== 'image' && m.modality !== 'text') bad('modality');
  if (typeof m.file !== 'string' || !m.file.endsWith('.onnx')) bad('file');
  if (!Array.isArray(m.variants)) bad('variants');
  if (!m.input || typeof m.input.name !== 'string') bad('input.name');
  if (m.modality === 'image' && (!(m.input.width > 0) || !(m.input.height > 0) || m.input.layout !== 'NHWC')) bad('input size/layout');
  if (!m.output || typeof m.output.name !== 'string' || !(m.output.dimension > 0)) bad('output');
  const t = m.nearDuplicateThreshold?.value;
  if (typeof t !== 'number' || !(t >= 0 && t <= 2)) bad('nearDuplicateThreshold.value');
  return m;
}

/** A text model: token ids + mask in, one unit vector per text out. */
export interface TextModelManifest {
  id: string;
  version: string;
  modality: 'text';
  file: string;
  variants: ModelVariant[];
  /** `name` is the ids input (kept for tools that read input.name); ids int64 [N,T], mask float [N,T]. */
  input: { name: string; ids: string; mask: string; maxTokens: number };
  tokenizer: {
    kind: 'sentencepiece-unigram';
    /** Vocabulary file ([piece, score] pairs) relative to the manifest's folder. */
    vocab: string;
    normalisation: 'NFKC';
    wordPrefix: string;
    reservedPieces: number;
    unkId: number;
  };
  /** How texts longer than maxTokens are embedded. */
  longText: { rule: 'chunk-mean'; note: string };
  output: { name: string; dimension: number };
  nearDuplicateThreshold: { value: number; calibration: Record<string, unknown> | null };
  licence: string;
  origin: string;
}

/** Checks a parsed text-model manifest.json and returns it typed. */
export function parseTextManifest(raw: unknown): TextModelManifest {
  const m = raw as TextModelManifest;
  const bad = (why: string): never => {
    throw new Error(`invalid text model manifest${m && typeof m.id === 'string' ? ` ${m.id}` : ''}: ${why}`);
  };
  if (!m || typeof m !== 'object') bad('not an object');
  if (m.modality !== 'text') bad('modality is not text');
  if (typeof m.id !== 'string' || !m.id) bad('id');
  if (typeof m.file !== 'string' || !m.file.endsWith('.onnx')) bad('file');
  if (!m.input || typeof m.input.ids !== 'string' || typeof m.input.mask !== 'string' || !(m.input.maxTokens > 0)) bad('input');
  if (!m.tokenizer || m.tokenizer.kind !== 'sentencepiece-unigram' || typeof m.tokenizer.vocab !== 'string') bad('tokenizer');
  if (!m.output || typeof m.output.name !== 'string' || !(m.output.dimension > 0)) bad('output');
  const t = m.nearDuplicateThreshold?.value;
  if (typeof t !== 'number' || !(t >= 0 && t <= 2)) bad('nearDuplicateThreshold.value');
  return m;
}
