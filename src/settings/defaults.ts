// The default settings and their storage key. Zod-free (the Settings type is imported as a type
// only), so the content script can read settings without the schema library.
import type { Settings } from './settings';

/** Key in storage.local of settingsItem. */
export const SETTINGS_KEY = 'settings';

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
