// Long work on the options page's main thread, cut into slices with the page let back in between,
// so typing, scrolling and painting go on during an import of 50,000 entries.

/** Work per slice: well under the 50 ms after which a page feels stuck. */
const SLICE_MS = 12;

/** Lets the page handle input and paint, then resumes: scheduler.yield where there is one, else a task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `steps` (a generator yielding how much is done, returning the result) in slices of about
 * SLICE_MS, yielding to the page between them; `onProgress` hears how much is done at each pause.
 * Rejects with the signal's reason once `signal` aborts.
 */
export async function runInSlices<T>(steps: Generator<number, T, void>, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    onProgress?.(step.value);
    await yieldToPage();
    signal?.throwIfAborted();
    sliceStart = performance.now();
  }
}
