// Cancellation: every stage checks the signal between units of work and throws an AbortError,
// which the CLI and the UI both recognise by its name.
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const e = new Error('The run was cancelled.');
    e.name = 'AbortError';
    throw e;
  }
}
