// Settings (and the glossary's change signal) read and written as raw storage.local values, for the
// content script and the popup. src/settings/settings.ts builds zod schemas when it loads (zod is
// ~450 KB with its locales; the content script's cap is 30 KB and the popup should open at once) and
// WXT's storage helper adds ~9 KB, so this takes the defaults and keys from the zod-free defaults.ts.
// The options page validates what it writes with the schema; the writes here change only site rules
// and the pause, from values this code builds.
import type { Settings } from './settings';
import { GLOSSARY_INDEX_KEY } from '@/src/glossary/storage/layout';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './defaults';
import { exclusive } from './exclusive';
import { DISPLAY_MODES } from '@/src/glossary/salience';

export { SETTINGS_KEY };

/**
 * The glossary's index (src/glossary/storage/layout.ts): small, rewritten on every change. The
 * content script watches only it and refetches the glossary from the background (tifa:get-glossary).
 */
export const GLOSSARY_KEY = GLOSSARY_INDEX_KEY;

/** The Web Lock every settings write takes, from whichever page: see exclusive.ts. */
export const SETTINGS_LOCK = 'tifa:settings';

/** Stored settings with any missing field (an older or damaged value) taken from the defaults. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  const value = stored && typeof stored === 'object' ? stored : {};
  const merged = { ...DEFAULT_SETTINGS, ...value, categoryColors: { ...value.categoryColors } };
  // The display settings decide what pages paint: a damaged value falls back to the default.
  if (!(DISPLAY_MODES as readonly unknown[]).includes(merged.displayMode)) merged.displayMode = DEFAULT_SETTINGS.displayMode;
  if (typeof merged.showEveryday !== 'boolean') merged.showEveryday = DEFAULT_SETTINGS.showEveryday;
  return merged;
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return withDefaults(stored[SETTINGS_KEY] as Partial<Settings> | undefined);
}

/** Calls back with the new value whenever `key` changes in storage.local; returns the unwatch function. */
export function watchLocal(key: string, callback: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[key];
    if (area === 'local' && change) callback(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return watchLocal(SETTINGS_KEY, (value) => callback(withDefaults(value as Partial<Settings> | undefined)));
}

/**
 * Applies `change` to the latest stored settings and stores the result, serialised with every other
 * settings write (this page's and other pages', the options page's included). Returns the result.
 */
export function changeSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return exclusive(SETTINGS_LOCK, async () => {
    const next = change(await readSettings());
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
}
