// Progress on stderr: stage, count, items/s and ETA. Redrawn in place on a terminal,
// one line every few seconds otherwise (logs stay readable).
import type { ProgressEvent } from '../core/progress.ts';
import { printable } from './printable.ts';

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): (e: ProgressEvent) => void {
  const tty = !!stream.isTTY;
  const minGapMs = tty ? 200 : 3000;
  let stage = '';
  let started = 0;
  let lastDraw = 0;

  return (e) => {
    const now = performance.now();
    if (e.stage !== stage) {
      stage = e.stage;
      started = now;
      lastDraw = 0;
    }
    if (e.status === 'initiate') {
      write(`${e.stage}…`);
      return;
    }
    if (e.status === 'progress' && now - lastDraw < minGapMs) return;
    lastDraw = now;
    const secs = (now - started) / 1000;
    if (e.done === undefined || e.total === undefined) {
      write(`${e.stage}: done in ${secs.toFixed(1)} s`, e.status === 'done');
      return;
    }
    if (e.total < 20) {
      // A handful of steps (folds, tiles): a count is all that means anything.
      write(`${e.stage}: ${e.done}/${e.total}${e.status === 'done' ? `  done in ${secs.toFixed(1)} s` : ''}`, e.status === 'done');
      return;
    }
    const rate = secs > 0 ? e.done / secs : 0;
    const eta = rate > 0 ? (e.total - e.done) / rate : 0;
    const tail = e.status === 'done' ? `done in ${secs.toFixed(1)} s` : `ETA ${eta.toFixed(0)} s`;
    write(`${e.stage}: ${e.done}/${e.total}  ${rate.toFixed(1)} items/s  ${tail}`, e.status === 'done');
  };

  // A stage names experiments (user data): escaped, so only our own \r and erase act on the terminal.
  function write(text: string, final = false): void {
    const line = printable(text);
    if (tty) stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else stream.write(line + '\n');
  }
}
