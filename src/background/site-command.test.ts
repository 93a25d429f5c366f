import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '@/src/settings/settings';
import { isSiteEnabled } from '@/src/settings/site-rules';
import { TOGGLE_SITE_COMMAND } from '@/src/settings/site-shortcut';
import { onCommand } from './site-command';

beforeEach(() => fakeBrowser.reset());

test('the command switches the active tab’s site off and on again, and no other site', async () => {
  const tab = { url: 'https://www.people.com.cn/n1/a.html' };
  await onCommand(TOGGLE_SITE_COMMAND, tab);
  expect(isSiteEnabled(await loadSettings(), 'https://people.com.cn/')).toBe(false);
  expect(isSiteEnabled(await loadSettings(), 'https://xinhuanet.com/')).toBe(true);
  await onCommand(TOGGLE_SITE_COMMAND, tab);
  expect(isSiteEnabled(await loadSettings(), 'https://people.com.cn/')).toBe(true);
});

test('the command does nothing on a browser page or for other commands', async () => {
  await onCommand(TOGGLE_SITE_COMMAND, { url: 'chrome://settings' });
  await onCommand(TOGGLE_SITE_COMMAND, { url: 'https://chromewebstore.google.com/detail/x' });
  await onCommand('something-else', { url: 'https://example.com/' });
  expect((await loadSettings()).siteRules).toEqual([]);
});
