// Which image model a run embeds with: one of the built-in models shipped in public/models, or a
// model the user brought (an .onnx file plus its manifest, kept on the user's machine). The CLI and
// the app name a choice the same way; each platform resolves it to model bytes its own way (a
// folder on disk, a URL on the site, a record in the page's IndexedDB). Pure types and data.
import type { ModelManifest } from './manifest.ts';

export interface BuiltinImageModel {
  /** The folder under public/models, and the manifest's id. */
  id: string;
  /** Short names the CLI's --model also accepts. */
  aliases: string[];
  /** One line for a chooser. */
  label: string;
}

/** The built-in image models; the first is the default. */
export const BUILTIN_IMAGE_MODELS: readonly BuiltinImageModel[] = [
  { id: 'mobilenet-v2-1.4-nsfwjs', aliases: ['mobilenet', 'mobilenet-v2'], label: 'MobileNetV2 1.4 (default, 1792-d, 224×224)' },
  { id: 'inception-v3-nsfwjs', aliases: ['inception', 'inception-v3'], label: 'Inception-V3 (2048-d, 299×299; FID-style features)' },
];

export const DEFAULT_IMAGE_MODEL_ID = BUILTIN_IMAGE_MODELS[0].id;

/** A built-in by id or alias, or undefined. */
export function findBuiltinImageModel(name: string): BuiltinImageModel | undefined {
  const n = name.toLowerCase();
  return BUILTIN_IMAGE_MODELS.find((m) => m.id === n || m.aliases.includes(n));
}

/**
 * A run's image model: a built-in by id, or a user's model by the SHA-256 (hex) of its .onnx file.
 * The hash names the model everywhere it is kept (the page's model store, the vector cache's key),
 * so two different files never share cached vectors.
 */
export type ImageModelChoice = { kind: 'builtin'; id: string } | { kind: 'user'; sha256: string };

/** A user's model as the page keeps it (and as the CLI reads it from a folder or flags). */
export interface UserModel {
  sha256: string;
  /** The file name the user chose (shown in the chooser). */
  fileName: string;
  manifest: ModelManifest;
  bytes: Uint8Array;
  addedAt: string;
}
