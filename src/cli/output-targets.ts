// Where --json, --csv and --html write: checked before anything is read or embedded, so a typo in
// a path costs a message, not a run. A write that still fails at the end says which file and why.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../ingest/types.ts';

export interface OutputTarget {
  flag: '--json' | '--csv' | '--html';
  path: string;
}

/** The file targets the flags name ('-' is stdout and needs no check). */
export function fileTargets(opts: { json?: string; csv?: string; html?: string }): OutputTarget[] {
  const named: [OutputTarget['flag'], string | undefined][] = [
    ['--json', opts.json],
    ['--csv', opts.csv],
    ['--html', opts.html],
  ];
  return named.filter((t): t is [OutputTarget['flag'], string] => !!t[1] && t[1] !== '-').map(([flag, path]) => ({ flag, path }));
}

/** Throws InputError (exit 2) naming the flag and path when a target cannot be written. */
export async function checkOutputTargets(targets: OutputTarget[]): Promise<void> {
  for (const { flag, path } of targets) {
    const folder = dirname(resolve(path));
    const problem = await targetProblem(path, folder);
    if (problem) throw new InputError(`${flag} ${path} cannot be written: ${problem}.`);
  }
}

async function targetProblem(path: string, folder: string): Promise<string | null> {
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo) return `the folder ${folder} does not exist`;
  if (!folderInfo.isDirectory()) return `${folder} is not a folder`;
  const fileInfo = await stat(path).catch(() => null);
  if (fileInfo?.isDirectory()) return 'it is a folder';
  const writable = await access(fileInfo ? path : folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) return fileInfo ? 'the file is not writable' : `the folder ${folder} is not writable`;
  return null;
}

/** The message for a write that failed after the run: the target and the system's reason. */
export function writeFailure(target: OutputTarget, e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code && REASONS[code] ? REASONS[code] : e.message;
  return `${target.flag} ${target.path} could not be written: ${reason}.`;
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder no longer exists',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
};
