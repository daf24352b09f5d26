// `synthscore score|calibrate|compare …`: the CLI entry. Exit codes: 0 ok, 1 usage, 2 input problem,
// 3 failure, 130 cancelled. Everything printed that comes from the user's data (names, paths,
// messages quoting them) goes through printable.ts.
import { jsonPieces } from '../core/json-pieces.ts';
import { reportCsvLines } from '../core/report-csv.ts';
import type { Report } from '../report/schema.ts';
import { parseCli, USAGE, UsageError, type CliOptions } from './args.ts';
import { runCalibrate } from './calibrate-command.ts';
import { runCompare } from './compare-command.ts';
import { detectModality } from './modality.ts';
import { createNodeEnv } from './node-env.ts';
import { checkOutputTargets, fileTargets, writeFailure, type OutputTarget } from './output-targets.ts';
import { printable, printableLines, terminalSafeJson } from './printable.ts';
import { stderrProgress } from './progress.ts';
import { cliRequest, runScore } from './run-score.ts';
import { setOverlapWarnings } from './set-overlap.ts';
import { formatTable } from './table.ts';
import { writePieces } from './write-pieces.ts';
import { reportHtml } from './html-thumbnails.ts';

const warn = (w: string) => process.stderr.write(`warning: ${printable(w)}\n`);

async function main(argv: string[]): Promise<number> {
  // compare takes report files, none of score's options.
  if (argv[0] === 'compare' && !argv.includes('--help') && !argv.includes('-h')) {
    if (argv.length < 3) throw new UsageError('compare needs two or more JSON reports (synthscore score --json FILE writes one).');
    process.stdout.write(await runCompare(argv.slice(1)));
    return 0;
  }
  const opts = parseCli(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // A target that cannot be written is found now, not after the run.
  await checkOutputTargets(fileTargets(opts.command === 'calibrate' ? { json: opts.json } : opts));
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const onProgress = opts.quiet ? undefined : stderrProgress();
  const modality = opts.modality === 'auto' ? await detectModality(opts.real, opts) : opts.modality;
  // Text needs a tokenizer a user's .onnx does not bring: only the built-in text model (docs/models.md).
  if (opts.model !== undefined && modality !== 'image') throw new UsageError(`--model chooses the image model; ${modality} runs use the built-in ${modality === 'text' ? 'text model' : 'table encoding'}.`);

  if (opts.command === 'calibrate') {
    if (modality !== 'image') throw new UsageError('calibrate works on a folder of real images.');
    const env = await createNodeEnv(opts);
    try {
      await runCalibrate(opts, env, controller.signal);
    } finally {
      await env.close();
    }
    return 0;
  }

  for (const w of await setOverlapWarnings(opts.real, opts.synthetic)) warn(w);
  const report = await runScore(cliRequest(modality, opts), opts, {
    signal: controller.signal,
    onProgress,
    onSkipped: (s) => process.stderr.write(`skipped ${s.side} ${printable(s.path)}: ${printable(s.reason)}\n`),
    onWarning: warn,
  });
  const failures = await writeReports(report, opts);
  // stdout carries exactly one thing when a writer asks for '-': the JSON or the CSV.
  const toStdout = opts.json === '-' || opts.csv === '-';
  const out = toStdout ? process.stderr : process.stdout;
  // The table is printed even when a report file could not be written: the run is not lost.
  out.write(formatTable(report));
  if (report.embedding.decode === 'fast') out.write('Decode: fast (large JPEGs decoded at reduced scale): compare only with other --decode fast runs; the app decodes exactly.\n');
  if (failures.length) throw new Error(failures.join('\n'));
  return 0;
}

/** Writes each report the flags ask for; returns a message per one that could not be written. */
async function writeReports(report: Report, opts: CliOptions): Promise<string[]> {
  const failures: string[] = [];
  // JSON and CSV go out piece by piece (a report of millions of rows is never one string); the
  // HTML report is bounded (5 MB) by construction.
  const writers: [OutputTarget['flag'], string | undefined, () => Promise<Iterable<string>>][] = [
    ['--json', opts.json, async () => withNewline(jsonPieces(report))],
    ['--csv', opts.csv, async () => linesOf(reportCsvLines(report))],
    ['--html', opts.html, async () => [await reportHtml(report)]],
  ];
  for (const [flag, path, text] of writers) {
    if (!path) continue;
    try {
      const pieces = await text();
      await writePieces(path, path === '-' ? map(pieces, (p) => forTerminal(flag, p)) : pieces);
    } catch (e) {
      failures.push(writeFailure({ flag, path }, e as Error));
    }
  }
  return failures;
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Lines, each with its line break, in pieces of about 1 MB. */
function* linesOf(lines: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length >= 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function* map<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}

/** Report text bound for stdout: JSON escapes what a terminal would act on losslessly; a CSV is escaped only when a terminal shows it. */
function forTerminal(flag: OutputTarget['flag'], text: string): string {
  if (flag === '--json') return terminalSafeJson(text);
  return process.stdout.isTTY ? printableLines(text) : text;
}

/** Errors a user fixes by changing what they gave: exit 2. */
function isInputProblem(e: Error): boolean {
  return e.name === 'InputError' || e.name === 'TooFewRowsError';
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    const code = e.name === 'UsageError' ? 1 : isInputProblem(e) ? 2 : e.name === 'AbortError' ? 130 : 3;
    process.stderr.write(`synthscore: ${printableLines(e.message)}\n`);
    if (code === 1) process.stderr.write(`\n${USAGE}\n`);
    if (code === 3 && process.env.SYNTHSCORE_DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = code;
  },
);
