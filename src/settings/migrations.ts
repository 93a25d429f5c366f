// The formats settings were stored in, and the one list of migrations that brings any of them to
// the current one. Pure and zod-free: every reader (the content script and popup through
// ./stored-settings.ts, the options page and background through ./settings.ts) runs it.
//
// Format 1 (no `format` field): the whole settings object, as WXT's storage item `settingsItem`
// (version 1, whose metadata key was `settings$`) wrote it, defaults included; older values lack
// the fields added later (displayMode and showEveryday, then collections). Writing the defaults
// froze them: a user who never touched a field would never see its default change.
// Format 2: `{ format: 2, ...overrides }`, only the fields the user changed; readers fill the rest
// from the current defaults (./defaults.ts).
import type { Settings } from './settings';
import { DEFAULT_SETTINGS } from './defaults';

export const SETTINGS_FORMAT = 2;

/** WXT's metadata key of the format 1 storage item; the first format 2 write removes it. */
export const LEGACY_SETTINGS_META_KEY = 'settings$';

type StoredFields = Record<string, unknown>;

/** MIGRATIONS[n - 1] turns the fields of a format n value (a copy) into those of format n + 1, in place. */
const MIGRATIONS: ReadonlyArray<(fields: StoredFields) => void> = [
  // 1 → 2: the whole object becomes the user's overrides. A field holding the defaults format 1 was
  // written with was, as far as anyone can tell, never changed. No default has changed since, so
  // they are today's (each byte counts in the content script); ./settings.test.ts pins them, so
  // changing a default fails there until a copy of these is put here.
  (fields) => {
    for (const key in fields) if (JSON.stringify(fields[key]) === JSON.stringify(DEFAULT_SETTINGS[key as keyof Settings])) delete fields[key];
  },
];

/** Whether a stored value is in the current format (format 1 values carry none). */
export function isCurrentFormat(stored: unknown): boolean {
  return (stored as { format?: unknown } | undefined)?.format === SETTINGS_FORMAT;
}

/**
 * The user's overrides in a stored value of any format (absent or null: none),
 * unvalidated: readers check each field (./stored-settings.ts withDefaults, ./settings.ts).
 */
export function storedOverrides(stored: unknown): Partial<Settings> {
  // Object(): absent and null give no fields (a string would give its characters: harmless, unread).
  const { format, ...fields } = Object(stored) as StoredFields;
  // From the value's format on; format 1 values carry none (NaN: all of them).
  for (const migrate of MIGRATIONS.slice((format as number) - 1 || 0)) migrate(fields);
  return fields as Partial<Settings>;
}
