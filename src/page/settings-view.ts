// Settings and glossary changes as the content script sees them, read straight from
// browser.storage.local. src/settings/settings.ts builds zod schemas when it loads (~85 KB in the
// content script, whose cap is 30 KB) and WXT's storage helper adds ~9 KB, so this reads the raw
// values and takes the defaults and keys from the zod-free src/settings/defaults.ts.
import type { Settings } from '@/src/settings/settings';
import { GLOSSARY_INDEX_KEY } from '@/src/settings/glossary-layout';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/src/settings/defaults';

export { DEFAULT_SETTINGS, SETTINGS_KEY };

/**
 * The glossary's index (src/settings/glossary-layout.ts): small, rewritten on every change. The
 * content script watches only it and refetches the glossary from the background (tifa:get-glossary).
 */
export const GLOSSARY_KEY = GLOSSARY_INDEX_KEY;


/** Stored settings with any missing field (an older or damaged value) taken from the defaults. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  const value = stored && typeof stored === 'object' ? stored : {};
  return { ...DEFAULT_SETTINGS, ...value, categoryColors: { ...(value.categoryColors ?? {}) } };
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
