// The settings store, zod-free. storage.local `settings` holds only what the user changed (format 2,
// ./migrations.ts); every read runs the one list of migrations, then fills the rest from the current
// defaults, so a default that changes reaches everyone who left it alone. Every write is a change
// applied to the latest stored settings under one Web Lock (./exclusive.ts), from any page.
//
// Two readers share this: the raw one here (the content script and the popup: src/settings/settings.ts
// builds zod schemas when it loads, ~450 KB with its locales, against the content script's 30 KB cap,
// and WXT's storage helper adds ~9 KB), which checks the fields pages act on; and the validated one in
// ./settings.ts (the options page, the background), which checks every field with the schema.
import type { Settings } from './settings';
import { GLOSSARY_INDEX_KEY } from '@/src/glossary/storage/layout';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './defaults';
import { exclusive } from './exclusive';
import { LEGACY_SETTINGS_META_KEY, SETTINGS_FORMAT, isCurrentFormat, storedOverrides } from './migrations';
import { DISPLAY_MODES } from '@/src/glossary/salience';

export { SETTINGS_KEY };

/**
 * The glossary's index (src/glossary/storage/layout.ts): small, rewritten on every change. The
 * content script watches only it and refetches the glossary from the background (tifa:get-glossary).
 */
export const GLOSSARY_KEY = GLOSSARY_INDEX_KEY;

/** The Web Lock every settings write takes, from whichever page: see exclusive.ts. */
const SETTINGS_LOCK = 'tifa:settings';

/** Settings from a stored value of any format: the user's overrides over the current defaults. */
export function withDefaults(stored?: unknown): Settings {
  const value = storedOverrides(stored);
  const merged = { ...DEFAULT_SETTINGS, ...value, categoryColors: { ...value.categoryColors } };
  // The display settings decide what pages paint: a damaged value falls back to the default.
  if (!(DISPLAY_MODES as readonly unknown[]).includes(merged.displayMode)) merged.displayMode = DEFAULT_SETTINGS.displayMode;
  if (typeof merged.showEveryday !== 'boolean') merged.showEveryday = DEFAULT_SETTINGS.showEveryday;
  return merged;
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return withDefaults(stored[SETTINGS_KEY]);
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
  return watchLocal(SETTINGS_KEY, (value) => callback(withDefaults(value)));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to store after a change from `current` (read from the stored `overrides`) to `next`: the
 * fields the user had changed, now with their values in `next`, and the fields this change changed.
 * A field the user changed stays theirs even when set back to its default's value (a rule list
 * emptied is the user's list). A stored override the read did not honour (damaged) is dropped.
 */
function overridesAfter(overrides: Partial<Settings>, current: Settings, next: Settings): Record<string, unknown> {
  const stored: Record<string, unknown> = { format: SETTINGS_FORMAT };
  for (const key of Object.keys(next) as Array<keyof Settings>) {
    const chosen = key in overrides && same(overrides[key], current[key]);
    if (chosen || !same(next[key], current[key])) stored[key] = next[key];
  }
  return stored;
}

/**
 * Applies `change` to the latest stored settings, as `read` completes them, and stores what the user
 * changed; serialised with every other settings write (this page's and other pages'). Returns the
 * result. `change` may throw (a value that fails validation): nothing is stored then.
 */
export function writeSettings(read: (stored: unknown) => Settings, change: (settings: Settings) => Settings): Promise<Settings> {
  return exclusive(SETTINGS_LOCK, async () => {
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    const overrides = storedOverrides(stored);
    const current = read(stored);
    const next = change(current);
    await browser.storage.local.set({ [SETTINGS_KEY]: overridesAfter(overrides, current, next) });
    if (!isCurrentFormat(stored)) await browser.storage.local.remove(LEGACY_SETTINGS_META_KEY);
    return next;
  });
}

/** Replaces the stored settings by these overrides (whatever was stored before is dropped). */
export function storeOverrides(overrides: Partial<Settings>): Promise<void> {
  return exclusive(SETTINGS_LOCK, () => browser.storage.local.set({ [SETTINGS_KEY]: { ...overrides, format: SETTINGS_FORMAT } }));
}

/**
 * The raw writer (the popup's and the background's site switch and pause: values this code builds).
 * The options page writes through ./settings.ts updateSettings, which validates with the schema.
 */
export function changeSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return writeSettings(withDefaults, change);
}
