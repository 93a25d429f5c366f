// Writes a site switch (popup, keyboard command) into settings. Content scripts watch settings, so every
// open tab of the site follows at once (src/settings/site-watch.ts). Writes go through updateSettings,
// the read-modify-write serialised across extension pages, so a switch never undoes an options edit.
import { updateSettings } from '@/src/settings/glossary-edits';
import { loadSettings } from '@/src/settings/settings';
import { isSiteEnabled, setSiteEnabled } from '@/src/settings/site-rules';

/** Switches the site of `url` on or off; returns the state it is in afterwards. */
export async function switchSite(url: string, enabled: boolean): Promise<boolean> {
  const next = await updateSettings((settings) => ({ ...settings, siteRules: setSiteEnabled(settings, url, enabled) }));
  return isSiteEnabled(next, url);
}

/** Flips the site of `url`; returns the state it is in afterwards. */
export async function toggleSite(url: string): Promise<boolean> {
  const settings = await loadSettings();
  return switchSite(url, !isSiteEnabled(settings, url));
}

/** Sets the global pause. */
export async function setPaused(paused: boolean): Promise<void> {
  await updateSettings((settings) => ({ ...settings, paused }));
}
