// What a page reads as it starts (its settings and the page glossary) comes from a copy in
// storage.session, kept by the background, where Chromium has one content scripts may read.
// storage.session lives in the browser's memory: a content script on an article got the page
// glossary and settings in ~5 ms from it against ~8 from storage.local, ~8 against ~13.5 with 5,000
// entries (a throwaway extension, 25 loads each). storage.local stays the store of record: every
// write goes there, and a page whose copy is missing (the browser just started and the worker has
// not yet run, or a Firefox build: Firefox lets no content script read storage.session) reads it.
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import type { Settings } from './settings';
import { SETTINGS_KEY } from './defaults';
import { withDefaults } from './stored-settings';

/** The keys a page reads as it starts, in storage.local and in its copy. */
const PAGE_START_KEYS = [SETTINGS_KEY, PAGE_GLOSSARY_KEY];

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
  const keys = [SETTINGS_KEY, PAGE_GLOSSARY_KEY];
  const copy = await sessionArea()
    ?.get(keys)
    .catch(() => undefined);
  // Settings are an object and the page glossary a non-empty string: both truthy when there.
  return copy?.[SETTINGS_KEY] && copy[PAGE_GLOSSARY_KEY] ? copy : browser.storage.local.get(keys);
}

/**
 * Calls back with the new value whenever `key` changes in storage.local or in its session copy. The
 * copy following storage.local tells a string again (the page glossary) only if it differs from the
 * last one told or `initial` (as the page read it); settings, objects, may be told twice, which
 * changes nothing. The copy being dropped is no change. (No Firefox build writes the copy.)
 */
export function watchPageValue(key: string, callback: (value: unknown) => void, initial?: unknown): () => void {
  let last = initial;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[key];
    if (change && (area === 'local' || (area === 'session' && change.newValue != null && change.newValue !== last))) callback((last = change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Background: opens storage.session to content scripts and keeps the copy of PAGE_START_KEYS equal
 * to storage.local, now and after every change, until `signal` aborts.
 */
export function startSessionCopy(signal: AbortSignal): void {
  const session = sessionArea();
  if (!session?.setAccessLevel) return;
  // Copies run one after another, each reading storage.local as it then is: the last one leaves the
  // latest values, whatever order the change events came in.
  let copying: Promise<void> = session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
  const copy = (): void => {
    copying = copying
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
      });
  };
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && PAGE_START_KEYS.some((key) => key in changes)) copy();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  copy();
}

/** watchPageValue for the settings. */
export function watchPageSettings(callback: (settings: Settings) => void): () => void {
  return watchPageValue(SETTINGS_KEY, (value) => callback(withDefaults(value)));
}
