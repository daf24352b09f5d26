// Typed errors. Only name/message/stack survive a worker boundary (comlink), so the kind of
// error lives in `name`, and callers test `err.name`, never `instanceof`.

/** An Error class whose instances carry `name`; `defaultMessage` is used when none is given. */
export function errorClass(name: string, defaultMessage = '') {
  return class extends Error {
    constructor(message = defaultMessage) {
      super(message);
      this.name = name;
    }
  };
}

export const AbortError = errorClass('AbortError', 'The analysis was aborted.');
export const TooFewRowsError = errorClass('TooFewRowsError');

/** The part of AbortSignal we use; core compiles without DOM or Node typings. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

// Timers and clocks exist in every host (window, worker, Node) but are not in lib ES2022.
const host = globalThis as unknown as {
  setTimeout?: (fn: () => void, ms: number) => unknown;
  performance?: { now(): number };
};

/** Milliseconds from a monotonic clock where one exists. */
export function now(): number {
  return host.performance ? host.performance.now() : Date.now();
}

export function throwIfAborted(signal?: AbortSignalLike): void {
  if (signal?.aborted) throw new AbortError();
}

/**
 * Let queued macrotasks (an abort click, a progress repaint) run between heavy synchronous
 * steps; awaiting a resolved promise alone would not yield to them.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (host.setTimeout ? host.setTimeout(resolve, 0) : resolve()));
}

/** Yield, then throw if aborted meanwhile. Call between blocks of heavy work. */
export async function checkpoint(signal?: AbortSignalLike): Promise<void> {
  throwIfAborted(signal);
  if (signal) {
    await yieldToEventLoop();
    throwIfAborted(signal);
  }
}
