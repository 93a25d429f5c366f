// A data file the build packages beside the background's script (wxt.config.ts PACKAGED_FILES),
// fetched from the extension's own address the first time it is needed: the background's stand-ins
// for modules that would otherwise bundle their data into its script (./*.fetched.ts).
import type { PublicPath } from 'wxt/browser';

export interface PackagedFile<T> {
  /** Loads the file once; a failed load is tried again by the next caller. */
  load(): Promise<void>;
  /** The file's data; throws if asked before `load` resolved (a path that forgot to await it). */
  read(): T;
}

/** `what` names the data in errors; `loadHint` says what a reader of it should have awaited. */
export function packagedFile<T>(file: PublicPath, what: string, loadHint: string, parse: (response: Response) => Promise<T>): PackagedFile<T> {
  let data: { value: T } | undefined;
  let loading: Promise<void> | undefined;
  return {
    load() {
      loading ??= fetch(browser.runtime.getURL(file))
        .then((response) => {
          if (!response.ok) throw new Error(`Tifa: ${what} ${file} did not load (${response.status})`);
          return parse(response);
        })
        .then(
          (value) => {
            data = { value };
          },
          (error: unknown) => {
            loading = undefined;
            throw error;
          },
        );
      return loading;
    },
    read() {
      if (!data) throw new Error(`Tifa: ${what} was read before it loaded (await ${loadHint} first)`);
      return data.value;
    },
  };
}
