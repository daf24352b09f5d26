// Typed errors: the kind travels in `name` (only name/message/stack cross a worker boundary).
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Errors a user can fix by changing what they gave us: the CLI exits 2 on these. */
export function isInputProblem(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === 'InputError' || name === 'TooFewRowsError';
}
