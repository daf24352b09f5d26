// The memory of a Chromium that a benchmark launched: its processes found in /proc by a tag
// argument given at launch, and their resident memory (VmRSS). Linux only.
import { readdir, readFile } from 'node:fs/promises';

/** Pids of the browser launched with the argument `tag` and of its descendants (a full /proc scan: done every few seconds only). */
export async function chromiumPids(tag: string): Promise<{ pid: number; renderer: boolean }[]> {
  const procs: { pid: number; ppid: number; cmd: string }[] = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = await readFile(`/proc/${d}/stat`, 'utf8');
      const cmd = (await readFile(`/proc/${d}/cmdline`, 'utf8')).replace(/\0/g, ' ');
      procs.push({ pid: +d, ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  const root = procs.find((p) => p.cmd.includes(tag) && !p.cmd.includes('--type='));
  if (!root) return [];
  const mine = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => mine.has(p.pid)).map((p) => ({ pid: p.pid, renderer: p.cmd.includes('--type=renderer') }));
}

/** RSS in bytes of those processes: [largest renderer, all together]. */
export async function rssOf(pids: { pid: number; renderer: boolean }[]): Promise<[number, number]> {
  let renderer = 0,
    all = 0;
  for (const p of pids) {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${p.pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
    all += 1024 * kb;
    if (p.renderer) renderer = Math.max(renderer, 1024 * kb);
  }
  return [renderer, all];
}
