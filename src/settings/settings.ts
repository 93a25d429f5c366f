// User preferences: the schema, and the settings store read and written with it (validated).
import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './defaults';
import { CATEGORIES, COLLECTIONS } from '@/src/glossary/schema';
import { DISPLAY_MODES } from '@/src/glossary/salience';
import { storedOverrides } from './migrations';
import { storeOverrides, writeSettings } from './stored-settings';

const siteRuleSchema = z.object({
  host: z.string().min(1),
  includeSubdomains: z.boolean(),
  /** Whether Tifa runs on this host; hosts without a rule follow siteMode (src/settings/site-rules.ts). */
  enabled: z.boolean(),
});
export type SiteRule = z.infer<typeof siteRuleSchema>;

const settingsSchema = z.object({
  language: z.enum(['zh', 'en', 'both']),
  hoverDelayMs: z.number().int().min(0).max(2000),
  highlightStyle: z.enum(['underline', 'background', 'both']),
  categoryColors: z.partialRecord(z.enum(CATEGORIES), z.string().regex(/^#[0-9a-fA-F]{6}$/)),
  siteMode: z.enum(['everywhere', 'listed']),
  siteRules: z.array(siteRuleSchema),
  paused: z.boolean(),
  showBadge: z.boolean(),
  /** Which occurrences pages paint (src/glossary/salience.ts): all, the first of each term, core only. */
  displayMode: z.enum(DISPLAY_MODES),
  /** Whether everyday words (干部, 党建…) are marked too (never in the core-only mode). */
  showEveryday: z.boolean(),
  /**
   * Shipped collections switched off (src/glossary/collections.ts); absent means on. Optional, so
   * the content script (which never reads it) carries no default for it.
   */
  collections: z.partialRecord(z.enum(COLLECTIONS), z.boolean()).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export { DEFAULT_SETTINGS } from './defaults';

/** The stored overrides over the current defaults, validated: a damaged value gives the defaults. */
function validated(overrides: Partial<Settings>): Settings {
  const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...overrides });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

/**
 * The settings store (src/settings/stored-settings.ts) as the options page and the background use
 * it: every value read is validated with the schema, every value written is validated before it is
 * stored. Stored under storage.local `settings`, the key WXT's storage item used.
 */
export const settingsItem = {
  key: `local:${SETTINGS_KEY}`,
  getValue: loadSettings,
  /** Stores `overrides` as all the user changed (tests plant stored values with it). */
  setValue: (overrides: Partial<Settings>): Promise<void> => storeOverrides(overrides),
  /** Calls back with the settings, and those before, whenever any page changes them; returns the unwatch function. */
  watch(callback: (next: Settings, previous: Settings) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string): void => {
      const change = changes[SETTINGS_KEY];
      if (area === 'local' && change) callback(validated(storedOverrides(change.newValue)), validated(storedOverrides(change.oldValue)));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/** Reads settings: the user's overrides (of any stored format) over the current defaults, validated. */
export async function loadSettings(): Promise<Settings> {
  return validated(storedOverrides((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]));
}

/** Applies `change` to the latest stored settings; the result is validated before it is stored. */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return writeSettings((stored) => validated(storedOverrides(stored)), (settings) => settingsSchema.parse(change(settings)));
}
