// User preferences: typed, versioned storage items. Only the glossary is large; everything else is small.
import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './defaults';
import { CATEGORIES, COLLECTIONS } from '@/src/glossary/schema';
import { DISPLAY_MODES } from '@/src/glossary/salience';

const siteRuleSchema = z.object({
  host: z.string().min(1),
  includeSubdomains: z.boolean(),
  /** Whether Tifa runs on this host; hosts without a rule follow siteMode (src/settings/site-rules.ts). */
  enabled: z.boolean(),
});
export type SiteRule = z.infer<typeof siteRuleSchema>;

export const settingsSchema = z.object({
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

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads settings, filling any field an older or damaged value lacks from the defaults. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}
