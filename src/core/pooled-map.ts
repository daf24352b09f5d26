// Async work over a list, a few items at a time, results in the list's order: the listing's head
// reads and sniffs (ingest/), where one at a time waits on every read and all at once opens
// thousands of reads together.
/** fn over every item with at most `concurrency` in flight; an abort (the signal's own error) stops taking new items. */
export async function pooledMap<T, R>(
  items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>, signal?: { throwIfAborted(): void },
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}
