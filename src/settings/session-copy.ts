// What a page reads as it starts (its settings and the page glossary) comes from a copy in
// storage.session, kept by the background, where Chromium has one content scripts may read.
// storage.session lives in the browser's memory: a content script on an article got the page
// glossary and settings in ~5 ms from it against ~8 from storage.local, ~8 against ~13.5 with 5,000
// entries (a throwaway extension, 25 loads each). storage.local stays the store of record: every
// write goes there, and a page whose copy is missing (the browser just started and the worker has
// not yet run, or a Firefox build: Firefox lets no content script read storage.session) reads it.
// After a change the background asks each page to read both again (`tifa:stored-changed`).
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import type { Settings } from './settings';
import { SETTINGS_KEY } from './defaults';
import { withDefaults } from './stored-settings';

/** The keys a page reads as it starts, in storage.local and in its copy. */
const PAGE_START_KEYS = [SETTINGS_KEY, PAGE_GLOSSARY_KEY];

/**
 * storage.session, beside the copy: when word segmentation last answered (Date.now()), 0 from the
 * worker's start until it does (src/background/segmenter-warmth.ts). A page reads it with the copy.
 */
export const SEGMENTER_WARM_KEY = 'segmenter-warm';

/**
 * A page meets a worker without jieba loaded when the time at SEGMENTER_WARM_KEY is 0, or older than
 * this: MV3 stops a worker idle for 30 s. (Absent, where a page read storage.local instead of the copy,
 * as in Firefox, it compares as neither, and the page holds its first marks back as it always did.)
 */
export const SEGMENTER_COLD_AFTER_MS = 30_000;

/**
 * storage.session where pages may read a copy: Chromium builds only. Firefox has no setAccessLevel
 * (bug 1724754), so a page there would pay a failed read on every load.
 */
function sessionArea(): typeof browser.storage.session | undefined {
  return import.meta.env.FIREFOX ? undefined : browser.storage.session;
}

/**
 * The settings and page glossary for a starting page: the session copy when it holds both, else
 * storage.local. (The copy holds settings as {} when storage.local has none: absent there means
 * defaults, absent in the copy means no copy.)
 */
export async function readPageStart(): Promise<Record<string, unknown>> {
  // PAGE_START_KEYS written out: the shared array costs the content script 9 bytes it has none of.
  // SEGMENTER_WARM_KEY is in the copy's area only: read from storage.local, it is absent.
  const keys = [SETTINGS_KEY, PAGE_GLOSSARY_KEY, SEGMENTER_WARM_KEY];
  const copy = await sessionArea()
    ?.get(keys)
    .catch(() => undefined);
  // Settings are an object and the page glossary a non-empty string: both truthy when there.
  return copy?.[SETTINGS_KEY] && copy[PAGE_GLOSSARY_KEY] ? copy : browser.storage.local.get(keys);
}

/** The page's watchers of what it starts with (watchPageValue), told by rereadPageStart. */
const watchers = new Set<(values: Record<string, unknown>) => void>();

/**
 * Calls back with the new value of `key` whenever the page reads it again (rereadPageStart, which the
 * background asks for after a change) and finds it other than the last one told or `initial` (as the
 * page read it as it started). Settings, an object read anew, are told each time, which changes nothing.
 * A page listens to no storage events: every change of storage.local reaches every listener, every
 * tab's content script included, with the old and new values (a glossary import writes each entry
 * under its own key), and registering one was each page's first use of the storage events' bindings.
 */
export function watchPageValue(key: string, callback: (value: unknown) => void, initial?: unknown): () => void {
  let last = initial;
  const watcher = (values: Record<string, unknown>): void => {
    if (values[key] !== last) callback((last = values[key]));
  };
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Page: reads its settings and page glossary again and tells the watchers (the background asks, `tifa:stored-changed`). */
export async function rereadPageStart(): Promise<void> {
  const values = await readPageStart();
  for (const watcher of [...watchers]) watcher(values);
}

/**
 * Background: opens storage.session to content scripts and keeps the copy of PAGE_START_KEYS equal
 * to storage.local, now and after every change, until `signal` aborts. After a change, once the copy
 * holds it, calls `changed` (which tells the pages to read again): once for changes in a row, after
 * the last one's copy; not for the copy made as the background starts, which changes nothing a page
 * read. Without a copy to keep (Firefox), it calls `changed` after each change.
 */
export function startSessionCopy(signal: AbortSignal, changed: () => void): void {
  const session = sessionArea();
  const copy = session?.setAccessLevel ? copierTo(session) : () => Promise.resolve();
  /** The number of the latest change: only the copy of the latest one tells the pages. */
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local' || !PAGE_START_KEYS.some((key) => key in changes)) return;
    const change = ++latest;
    void copy().then(() => {
      if (change === latest && !signal.aborted) changed();
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  void copy();
}

/**
 * Opens `session` to content scripts and returns what copies PAGE_START_KEYS from storage.local into
 * it. Copies run one after another, each reading storage.local as it then is: the last one leaves the
 * latest values, whatever order the change events came in. A copy never rejects.
 */
function copierTo(session: typeof browser.storage.session): () => Promise<unknown> {
  let copying: Promise<unknown> = session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
  return () =>
    (copying = copying
      .catch(() => undefined)
      .then(async () => {
        const local = await browser.storage.local.get(PAGE_START_KEYS);
        const values: Record<string, unknown> = { [SETTINGS_KEY]: local[SETTINGS_KEY] ?? {} };
        if (local[PAGE_GLOSSARY_KEY] !== undefined) values[PAGE_GLOSSARY_KEY] = local[PAGE_GLOSSARY_KEY];
        else await session.remove(PAGE_GLOSSARY_KEY);
        await session.set(values);
      })
      .catch((error: unknown) => {
        // A copy that may be stale must not be read: pages fall back to storage.local.
        console.error('Tifa: session copy failed', error);
        return session.remove(PAGE_START_KEYS).catch(() => undefined);
      }));
}

/** watchPageValue for the settings. */
export function watchPageSettings(callback: (settings: Settings) => void): () => void {
  return watchPageValue(SETTINGS_KEY, (value) => callback(withDefaults(value)));
}
