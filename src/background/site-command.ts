// The keyboard command (manifest `commands`, Alt+Shift+O by default) that switches Tifa on or off for the site of
// the active tab, like the popup's site switch.
import { toggleSite } from '@/src/settings/site-switch';
import { siteHostOf } from '@/src/settings/site-rules';
import { listen } from '@/src/messages';
import { TOGGLE_SITE_COMMAND } from '@/src/settings/site-shortcut';

/** `tab` is the active tab Chrome passes along; browsers that pass none get it looked up. */
export async function onCommand(command: string, tab?: { url?: string }): Promise<void> {
  if (command !== TOGGLE_SITE_COMMAND) return;
  const url = (tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0])?.url;
  // Browser pages, stores and PDFs have no site switch: there is nothing to toggle.
  if (!url || siteHostOf(url) === undefined) return;
  await toggleSite(url);
}

/** Answers the command until `signal` aborts (never, in the extension). */
export function startSiteCommand(signal: AbortSignal): void {
  listen(
    browser.commands.onCommand,
    (command, tab) => {
      onCommand(command, tab).catch((error: unknown) => console.error('Tifa: could not switch the site', error));
    },
    signal,
  );
}
