// The real and a synthetic set given as the same folder (or file), or one folder inside the
// other: the run still goes on, but its scores would compare data with itself, so the user is told.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** One warning per synthetic set that is, holds or lies inside the real set (links resolved). */
export async function setOverlapWarnings(real: string, synthetic: { name: string; path: string }[]): Promise<string[]> {
  const realPath = await realpath(real).catch(() => null);
  if (!realPath) return []; // a missing path is reported by the run, with its own message
  const warnings: string[] = [];
  for (const s of synthetic) {
    const synthPath = await realpath(s.path).catch(() => null);
    if (!synthPath) continue;
    const set = `synthetic set "${s.name}" (${s.path})`;
    if (synthPath === realPath) warnings.push(`the ${set} is the real set itself: the scores compare the real data with itself.`);
    else if (inside(synthPath, realPath))
      warnings.push(`the ${set} is inside the real set (${real}): its files may also be read as real data.`);
    else if (inside(realPath, synthPath))
      warnings.push(`the real set (${real}) is inside the ${set}: the real files may also be read as synthetic data.`);
  }
  return warnings;
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
