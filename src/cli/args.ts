// Command-line parsing for `synthscore score`. Usage errors throw UsageError (exit 1).
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: synthscore score --real DIR --synthetic [NAME=]DIR [--synthetic [NAME=]DIR ...] [options]
       synthscore calibrate --real DIR [--json FILE] [options]
       synthscore compare REPORT.json REPORT.json [...]

Scores each synthetic set against the same real set: unrealistic, unrepresentative,
unvaried, unoriginal (higher is worse), with 95% intervals.

Near-duplicate thresholds are calibrated on the real set of every run: each signal's threshold
lets at most 1% of real items join a distinct real item, and the share of light edits of real
items (shift, crop, resize, JPEG, brightness, noise) it catches is reported.
calibrate: prints that calibration for a folder of real images, without scoring.
compare: prints the scores of separate runs (JSON reports) side by side, saying so when they
were scored with different models or real sets.

Options:
  --real PATH                real data: a folder of images or texts (class sub-folders optional),
                             or a table / text file (.csv .tsv .json .jsonl .parquet)
  --synthetic [NAME=]PATH    synthetic data of the same kind; repeat to compare experiments
  --holdout PATH             real data the generator never saw (images, texts, a table): adds the DCR
                             share to the panel (ideal 0.5; well above 0.5 means copying)
  --modality M               auto (default), image, text or table
  --json FILE                write the full report as JSON ('-' for stdout)
  --csv FILE                 write the per-row table as CSV ('-' for stdout)
  --html FILE                write a self-contained HTML report (scores, top items as thumbnails)
  --threshold D              embedding near-duplicate cosine distance (default: calibrated on the real set)
  --relative-threshold       Cleanlab's rule: 0.13 x median nearest-neighbour distance
  --folds K                  cross-validation folds (default 5)
  --seed N                   random seed (default 0)
  --bootstrap B              bootstrap resamples for intervals (default 1000)
  --cache-dir DIR            vector cache (default $XDG_CACHE_HOME/synthscore or ~/.cache/synthscore)
  --no-cache                 neither read nor write the vector cache
  --threads N                inference threads (default: all cores)
Images:
  --model NAME|PATH          the image model: a built-in by name (mobilenet-v2-1.4-nsfwjs, the
                             default, alias mobilenet; inception-v3-nsfwjs, alias inception-v3),
                             a folder with manifest.json and the .onnx it names, or a lone .onnx
                             file described by the flags below (docs/models.md)
  --model-size N|WxH         a lone .onnx: input size in pixels (default: from the graph)
  --model-layout L           a lone .onnx: NHWC or NCHW (default: from the graph)
  --model-range LO,HI        a lone .onnx: what pixel values 0 and 1 become (default 0,1)
  --model-mean A,B,C         a lone .onnx: per-channel mean subtracted after the range
  --model-std A,B,C          a lone .onnx: per-channel std divided by after the mean
  --model-colour C           a lone .onnx: RGB (default) or BGR
  --model-output NAME        a lone .onnx: the output to use (default: the graph's only output)
  --decode MODE              exact (default; the app's numbers) or fast: JPEGs at least twice the
                             model's input decoded at reduced scale and resized by sharp (far less
                             CPU on large photos); vectors differ slightly: compare fast runs only
                             with fast runs
  --max-pixels N             refuse images over N pixels, from their header (default 40000000)
Text:
  --text-field F             JSON/JSONL field holding the text (default "text")
  --text-column C            CSV/TSV column holding the text
  --label-column C           column (or field) with a class label: adds the per-class table
Tables:
  --detector D               trees (default) or logistic
  --type COL=TYPE            override a column's type: number, category, boolean, datetime,
                             text, identifier, ignore (repeatable)
  --drop-mismatched-columns  score only the columns every set shares
  --keep-formats             do not round synthetic values to the real data's precision/format

  --quiet                    no progress on stderr
  -h, --help                 this help

Exit codes: 0 ok, 1 usage error, 2 input problem (missing folder, too few items), 3 other failure.`;

export interface CliOptions {
  command: 'score' | 'calibrate';
  modality: 'auto' | 'image' | 'text' | 'table';
  textField?: string;
  textColumn?: string;
  labelColumn?: string;
  detector: 'trees' | 'logistic';
  types: Record<string, 'number' | 'category' | 'boolean' | 'datetime' | 'text' | 'identifier' | 'ignore'>;
  dropMismatchedColumns: boolean;
  keepFormats: boolean;
  real: string;
  synthetic: { name: string; path: string }[];
  /** Real rows held out of training: the panel's DCR share (images, text). */
  holdout?: string;
  json?: string;
  csv?: string;
  html?: string;
  threshold: { kind: 'manifest' } | { kind: 'user'; value: number } | { kind: 'relative' };
  folds: number;
  seed: number;
  bootstrap: number;
  cacheDir?: string;
  noCache: boolean;
  threads?: number;
  decode: 'exact' | 'fast';
  maxPixels?: number;
  /** --model: a built-in's name, a model folder or a lone .onnx (cli/model-arg.ts resolves it). */
  model?: string;
  /** What the --model-* flags say about a lone .onnx; empty when none is given. */
  modelFlags: LoneOnnxFlags;
  quiet: boolean;
}

/** A lone .onnx's manifest fields, as flags give them (each absent: read from the graph or defaulted). */
export interface LoneOnnxFlags {
  width?: number;
  height?: number;
  layout?: 'NHWC' | 'NCHW';
  range?: [number, number];
  mean?: [number, number, number];
  std?: [number, number, number];
  colour?: 'RGB' | 'BGR';
  output?: string;
}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        real: { type: 'string' },
        synthetic: { type: 'string', multiple: true },
        holdout: { type: 'string' },
        json: { type: 'string' },
        csv: { type: 'string' },
        html: { type: 'string' },
        threshold: { type: 'string' },
        'relative-threshold': { type: 'boolean' },
        folds: { type: 'string' },
        seed: { type: 'string' },
        bootstrap: { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        threads: { type: 'string' },
        decode: { type: 'string' },
        'max-pixels': { type: 'string' },
        model: { type: 'string' },
        'model-size': { type: 'string' },
        'model-layout': { type: 'string' },
        'model-range': { type: 'string' },
        'model-mean': { type: 'string' },
        'model-std': { type: 'string' },
        'model-colour': { type: 'string' },
        'model-output': { type: 'string' },
        quiet: { type: 'boolean' },
        modality: { type: 'string' },
        'text-field': { type: 'string' },
        'text-column': { type: 'string' },
        'label-column': { type: 'string' },
        detector: { type: 'string' },
        type: { type: 'string', multiple: true },
        'drop-mismatched-columns': { type: 'boolean' },
        'keep-formats': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals[0] === 'help') return 'help';
  const command = positionals[0];
  if (command !== 'score' && command !== 'calibrate')
    throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  if (!v.real) throw new UsageError('--real PATH is required.');
  if (command === 'score' && !v.synthetic?.length) throw new UsageError('At least one --synthetic [NAME=]PATH is required.');
  if (v.threshold !== undefined && v['relative-threshold'])
    throw new UsageError('Give either --threshold or --relative-threshold, not both.');
  if (v.json === '-' && v.csv === '-') throw new UsageError('Only one of --json and --csv can write to stdout (-); give the other a file.');

  const synthetic = (v.synthetic ?? []).map(parseNamedPath);
  const names = new Set<string>();
  for (const s of synthetic) {
    if (names.has(s.name)) throw new UsageError(`Two synthetic sets are named "${s.name}"; name them with NAME=DIR.`);
    names.add(s.name);
  }
  return {
    command,
    modality: oneOf(v.modality ?? 'auto', '--modality', ['auto', 'image', 'text', 'table'] as const),
    textField: v['text-field'],
    textColumn: v['text-column'],
    labelColumn: v['label-column'],
    detector: oneOf(v.detector ?? 'trees', '--detector', ['trees', 'logistic'] as const),
    types: Object.fromEntries((v.type ?? []).map(parseColumnType)),
    dropMismatchedColumns: !!v['drop-mismatched-columns'],
    keepFormats: !!v['keep-formats'],
    real: v.real,
    synthetic,
    holdout: v.holdout,
    json: v.json,
    csv: v.csv,
    html: v.html,
    threshold:
      v.threshold !== undefined
        ? { kind: 'user', value: number(v.threshold, '--threshold', 0, 2) }
        : v['relative-threshold']
          ? { kind: 'relative' }
          : { kind: 'manifest' },
    folds: integer(v.folds ?? '5', '--folds', 2, 20),
    seed: integer(v.seed ?? '0', '--seed', 0, 2 ** 31 - 1),
    bootstrap: integer(v.bootstrap ?? '1000', '--bootstrap', 0, 100_000),
    cacheDir: v['cache-dir'],
    noCache: !!v['no-cache'],
    threads: v.threads === undefined ? undefined : integer(v.threads, '--threads', 1, 256),
    decode: oneOf(v.decode ?? 'exact', '--decode', ['exact', 'fast'] as const),
    maxPixels: v['max-pixels'] === undefined ? undefined : integer(v['max-pixels'], '--max-pixels', 1, 1_000_000_000),
    model: v.model,
    modelFlags: loneOnnxFlags(v),
    quiet: !!v.quiet,
  };
}

function loneOnnxFlags(v: Partial<Record<'model' | `model-${'size' | 'layout' | 'range' | 'mean' | 'std' | 'colour' | 'output'}`, string>>): LoneOnnxFlags {
  const f: LoneOnnxFlags = {};
  const size = v['model-size'];
  if (size !== undefined) {
    const m = /^(\d+)(?:x(\d+))?$/i.exec(size.trim());
    if (!m) throw new UsageError(`--model-size takes N or WxH in pixels, got "${size}".`);
    f.width = integer(m[1], '--model-size', 1, 4096);
    f.height = integer(m[2] ?? m[1], '--model-size', 1, 4096);
  }
  if (v['model-layout'] !== undefined) f.layout = oneOf(v['model-layout'].toUpperCase(), '--model-layout', ['NHWC', 'NCHW'] as const);
  if (v['model-colour'] !== undefined) f.colour = oneOf(v['model-colour'].toUpperCase(), '--model-colour', ['RGB', 'BGR'] as const);
  const numbers = (flag: string, s: string, n: number): number[] => {
    const xs = s.split(',').map((x) => Number(x.trim()));
    if (xs.length !== n || xs.some((x) => !Number.isFinite(x) || s.trim() === '')) throw new UsageError(`${flag} takes ${n} numbers separated by commas, got "${s}".`);
    return xs;
  };
  if (v['model-range'] !== undefined) {
    const [lo, hi] = numbers('--model-range', v['model-range'], 2);
    if (lo === hi) throw new UsageError(`--model-range needs two different numbers, got "${v['model-range']}".`);
    f.range = [lo, hi];
  }
  if (v['model-mean'] !== undefined) f.mean = numbers('--model-mean', v['model-mean'], 3) as [number, number, number];
  if (v['model-std'] !== undefined) {
    f.std = numbers('--model-std', v['model-std'], 3) as [number, number, number];
    if (f.std.includes(0)) throw new UsageError(`--model-std cannot hold a 0, got "${v['model-std']}".`);
  }
  if (v['model-output'] !== undefined) f.output = v['model-output'];
  if (Object.keys(f).length && v.model === undefined) throw new UsageError('The --model-* flags describe a lone .onnx file: give it with --model FILE.onnx.');
  return f;
}

function parseNamedPath(arg: string): { name: string; path: string } {
  // A bare path is named after its folder; "name=path" names it explicitly. A path may hold '='
  // (data/year=2024): what exists is a path, and a "name" with a slash is part of a path unless
  // what follows the '=' exists.
  const eq = arg.indexOf('=');
  if (eq > 0 && !existsSync(arg)) {
    const name = arg.slice(0, eq);
    const path = arg.slice(eq + 1);
    if (!/[\\/]/.test(name) || existsSync(path)) return { name, path };
  }
  return { name: basename(arg.replace(/[\\/]+$/, '')) || arg, path: arg };
}

function oneOf<T extends string>(s: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(s)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${s}".`);
  return s as T;
}

const COLUMN_TYPES = ['number', 'category', 'boolean', 'datetime', 'text', 'identifier', 'ignore'] as const;

function parseColumnType(arg: string): [string, (typeof COLUMN_TYPES)[number]] {
  const eq = arg.lastIndexOf('=');
  if (eq <= 0) throw new UsageError(`--type takes COLUMN=TYPE, got "${arg}".`);
  return [arg.slice(0, eq), oneOf(arg.slice(eq + 1), '--type', COLUMN_TYPES)];
}

function number(s: string, flag: string, min: number, max: number): number {
  const x = Number(s);
  if (!Number.isFinite(x) || x < min || x > max) throw new UsageError(`${flag} must be a number in [${min}, ${max}], got "${s}".`);
  return x;
}

function integer(s: string, flag: string, min: number, max: number): number {
  const x = number(s, flag, min, max);
  if (!Number.isInteger(x)) throw new UsageError(`${flag} must be a whole number, got "${s}".`);
  return x;
}
