// The keyboard command that switches Tifa for the current site (manifest `commands`; answered by
// src/background/site-command.ts), and the key the user has for it: the browser decides that (the
// suggested Alt+Shift+T is not given when another extension holds it, and users change it), so pages
// that name the key ask the browser rather than repeating the manifest.

export const TOGGLE_SITE_COMMAND = 'toggle-site';

/** The key the browser gives the site command, or undefined when it has none. */
export function siteShortcut(commands: ReadonlyArray<{ name?: string; shortcut?: string }>): string | undefined {
  return commands.find((c) => c.name === TOGGLE_SITE_COMMAND)?.shortcut || undefined;
}

/** The site command's key as the browser has it now; undefined when none is set (or it cannot tell). */
export async function readSiteShortcut(): Promise<string | undefined> {
  try {
    return siteShortcut(await browser.commands.getAll());
  } catch {
    return undefined;
  }
}

/**
 * Where the user sets an extension's keys: a page of Chromium's own (Chrome, Edge) or, in Firefox,
 * the add-ons manager's "Manage Extension Shortcuts", which no extension may open by address.
 */
export type ShortcutSettings = { kind: 'page'; url: string } | { kind: 'firefox' };

/** Decided from the extension's own address (moz-extension: in Firefox) and the browser's user agent. */
export function shortcutSettings(extensionUrl: string, userAgent: string): ShortcutSettings {
  if (extensionUrl.startsWith('moz-extension:')) return { kind: 'firefox' };
  return { kind: 'page', url: `${/\bEdg\//.test(userAgent) ? 'edge' : 'chrome'}://extensions/shortcuts` };
}
