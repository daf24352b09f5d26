// `synthscore score|calibrate …`: the CLI entry. Exit codes: 0 ok, 1 usage, 2 input problem,
// 3 failure, 130 cancelled.
import { writeFile } from 'node:fs/promises';
import { reportToCsv } from '../core/report-csv.ts';
import { parseCli, USAGE, UsageError } from './args.ts';
import { runCalibrate } from './calibrate-command.ts';
import { detectModality } from './modality.ts';
import { createNodeEnv } from './node-env.ts';
import { stderrProgress } from './progress.ts';
import { cliRequest, runScore } from './run-score.ts';
import { formatTable } from './table.ts';
import { reportHtml } from './html-thumbnails.ts';

async function main(argv: string[]): Promise<number> {
  const opts = parseCli(argv);
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const onProgress = opts.quiet ? undefined : stderrProgress();
  const modality = opts.modality === 'auto' ? await detectModality(opts.real, opts) : opts.modality;

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

  const report = await runScore(cliRequest(modality, opts), opts, {
    signal: controller.signal,
    onProgress,
    onSkipped: (s) => process.stderr.write(`skipped ${s.side} ${s.path}: ${s.reason}\n`),
    onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
  });
  // stdout carries exactly one thing when a writer asks for '-': the JSON or the CSV.
  const toStdout = opts.json === '-' || opts.csv === '-';
  if (opts.json) await emit(opts.json, JSON.stringify(report, null, 1) + '\n');
  if (opts.csv) await emit(opts.csv, reportToCsv(report));
  if (opts.html) await emit(opts.html, await reportHtml(report));
  const out = toStdout ? process.stderr : process.stdout;
  out.write(formatTable(report));
  if (report.embedding.decode === 'fast') out.write('Decode: fast (large JPEGs decoded at reduced scale): compare only with other --decode fast runs; the app decodes exactly.\n');
  return 0;
}

/** Errors a user fixes by changing what they gave: exit 2. */
function isInputProblem(e: Error): boolean {
  return e.name === 'InputError' || e.name === 'TooFewRowsError';
}

async function emit(target: string, text: string): Promise<void> {
  if (target === '-') process.stdout.write(text);
  else await writeFile(target, text);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    const code = e.name === 'UsageError' ? 1 : isInputProblem(e) ? 2 : e.name === 'AbortError' ? 130 : 3;
    process.stderr.write(`synthscore: ${e.message}\n`);
    if (code === 1) process.stderr.write(`\n${USAGE}\n`);
    if (code === 3 && process.env.SYNTHSCORE_DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = code;
  },
);
