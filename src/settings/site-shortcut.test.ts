import { expect, test } from 'vitest';
import { shortcutSettings, siteShortcut, TOGGLE_SITE_COMMAND } from './site-shortcut';

test('the site key is the one the browser gives the command; none when it has an empty one or no command', () => {
  const other = { name: '_execute_action', shortcut: 'Alt+Shift+K' };
  expect(siteShortcut([other, { name: TOGGLE_SITE_COMMAND, shortcut: 'Alt+Shift+T' }])).toBe('Alt+Shift+T');
  // Chrome lists a command whose suggested key it did not give with an empty shortcut.
  expect(siteShortcut([other, { name: TOGGLE_SITE_COMMAND, shortcut: '' }])).toBeUndefined();
  expect(siteShortcut([other, { name: TOGGLE_SITE_COMMAND }])).toBeUndefined();
  expect(siteShortcut([other])).toBeUndefined();
});

test('shortcuts are set on a page of Chrome’s or Edge’s own, and in Firefox’s add-ons manager', () => {
  const linuxChrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
  const edge = `${linuxChrome} Edg/140.0.0.0`;
  expect(shortcutSettings('chrome-extension://abc/', linuxChrome)).toEqual({ kind: 'page', url: 'chrome://extensions/shortcuts' });
  expect(shortcutSettings('chrome-extension://abc/', edge)).toEqual({ kind: 'page', url: 'edge://extensions/shortcuts' });
  expect(shortcutSettings('moz-extension://7a1f/', 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toEqual({ kind: 'firefox' });
});
