// The page's main-thread tasks between two performance marks, from Chromium's trace: each task's
// wall time (what a user waits for) and the CPU time the thread spent in it (the page's own work).
// On a busy machine the wall time also counts the time the thread waited for a core; the CPU time
// does not, so it tells the page's own long tasks apart from the machine's load. Shared by the e2e
// tests (test/e2e/app.test.ts) and the re-run benchmark (scripts/bench-browser-rerun.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export interface MainThreadTask {
  /** ms after the first mark. */
  start: number;
  wall: number;
  cpu: number;
}

// One event of the Chrome trace format; tasks are the "toplevel" ThreadControllerImpl::RunTask spans.
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { src_file?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

/** Tasks of the tracer itself (DevTools messages, the trace writer), not of the page: excluded. */
function tracerOwn(task: TraceEvent, devtoolsMessages: TraceEvent[]): boolean {
  if (task.args?.src_file?.includes('tracing/')) return true;
  const end = task.ts + (task.dur ?? 0);
  return devtoolsMessages.some((e) => e.ts >= task.ts && e.ts <= end);
}

/** E2E_TRACE_DIR=dir keeps each trace there (open it in Perfetto); E2E_TRACE_DETAIL=1 adds what the
 *  page did inside each task (layout, paint, scripts, GC): for finding a long task, not for timing
 *  one (the detail itself slows the page down). */
const TRACE_DIR = process.env.E2E_TRACE_DIR;

export async function startMainThreadTrace(browser: Browser, page: Page): Promise<void> {
  const detail = process.env.E2E_TRACE_DETAIL === '1' ? ['devtools.timeline', 'v8.gc', 'cppgc'] : [];
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', ...detail] });
}

/** Stops the trace: the tasks of the thread that made the marks, from the first mark to the last,
 *  each mark's time (ms after the first) and the first mark's own timestamp (µs, trace clock). */
export async function stopMainThreadTrace(
  browser: Browser,
  marks: string[],
): Promise<{ tasks: MainThreadTask[]; at: Record<string, number>; origin: number }> {
  const buffer = await browser.stopTracing();
  if (TRACE_DIR) await writeFile(join(TRACE_DIR, `trace-${Date.now()}.json`), buffer);
  const raw = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const found = marks.map((name) => {
    const e = events.find((x) => x.name === name && x.ph !== 'M');
    if (!e) throw new Error(`the trace has no mark "${name}" (performance.mark in the page, category blink.user_timing)`);
    return e;
  });
  const [a, b] = [found[0], found[found.length - 1]];
  const thread = events.filter((e) => e.pid === a.pid && e.tid === a.tid && e.ts >= a.ts && e.ts <= b.ts);
  const devtools = thread.filter(
    (e) => e.name === 'Receive mojo message' && e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
  );
  const tasks = thread
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && !tracerOwn(e, devtools))
    .map((e) => ({ start: (e.ts - a.ts) / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
  return { tasks, at: Object.fromEntries(found.map((e, i) => [marks[i], (e.ts - a.ts) / 1000])), origin: a.ts };
}

export const longest = (tasks: MainThreadTask[], key: 'wall' | 'cpu') => Math.max(0, ...tasks.map((t) => t[key]));
