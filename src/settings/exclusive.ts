// Serialises read-modify-write tasks: inside a page by a queue, across the extension's pages by a
// Web Lock of the same name (when navigator.locks exists), so two pages never overwrite each other.

// Started on first use: a top-level Promise.resolve() is a call bundlers cannot drop, and the
// content script, which imports this module's neighbours but never writes, would carry it.
let queue: Promise<unknown> | undefined;

export function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = () => (locks ? locks.request(name, task) : task());
  const result = (queue ?? Promise.resolve()).then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
