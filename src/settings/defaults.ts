// The default settings and their storage key. Zod-free (the Settings type is imported as a type
// only), so the content script can read settings without the schema library.
import type { Settings } from './settings';

/** Key in storage.local of the settings store (src/settings/stored-settings.ts). */
export const SETTINGS_KEY = 'settings';

/** Settings stored before format 2 were written with these (src/settings/migrations.ts): to change one, give the migration a copy first. */
export const DEFAULT_SETTINGS: Settings = {
  language: 'both',
  hoverDelayMs: 150,
  highlightStyle: 'underline',
  categoryColors: {},
  siteMode: 'everywhere',
  siteRules: [],
  paused: false,
  showBadge: true,
  displayMode: 'first',
  showEveryday: false,
};
