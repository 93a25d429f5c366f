// Writes a site switch (popup, keyboard command) into settings. Content scripts watch settings, so every
// open tab of the site follows at once (src/settings/site-watch.ts). Writes go through changeSettings,
// the read-modify-write serialised across extension pages, so a switch never undoes an options edit.
// Zod-free (./stored-settings.ts): the popup, which uses this, opens without loading the schema library.
import { isSiteEnabled, setSiteEnabled } from './site-rules';
import { changeSettings, readSettings } from './stored-settings';
import type { Settings } from './settings';

/** Switches the site of `url` on or off; returns the state it is in afterwards. */
export async function switchSite(url: string, enabled: boolean): Promise<boolean> {
  const next = await changeSettings((settings) => ({ ...settings, siteRules: setSiteEnabled(settings, url, enabled) }));
  return isSiteEnabled(next, url);
}

/** Flips the site of `url`; returns the state it is in afterwards. */
export async function toggleSite(url: string): Promise<boolean> {
  const settings = await readSettings();
  return switchSite(url, !isSiteEnabled(settings, url));
}

/** Sets the global pause. */
export async function setPaused(paused: boolean): Promise<void> {
  await changeSettings((settings) => ({ ...settings, paused }));
}

/** Sets which occurrences pages mark, and whether everyday words are marked (open tabs follow live). */
export async function setDisplay(change: Partial<Pick<Settings, 'displayMode' | 'showEveryday'>>): Promise<void> {
  await changeSettings((settings) => ({ ...settings, ...change }));
}
