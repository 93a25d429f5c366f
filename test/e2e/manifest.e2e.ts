// What the built extension asks of the browser and what the browser grants it, in a fresh profile:
// the site command's keyboard shortcut (the one the README, the store listing and the popup name)
// and the permissions the install prompt shows.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_DIR, ROOT, launchWithExtension, type ExtensionBrowser } from './harness';

declare const chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ settings: null });
});
afterAll(() => browser?.close());

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The shortcut a document says switches Tifa on or off for the current site. */
function claimedShortcut(text: string, says: RegExp): string {
  const found = says.exec(text)?.[1];
  if (!found) throw new Error(`no site shortcut named (${says})`);
  return found;
}

test('the site shortcut the README and the store listing name is the one a fresh profile gets', async () => {
  const readme = claimedShortcut(read('README.md'), /`(Alt\+Shift\+\w+)` switches Tifa on or off for the current site/);
  expect(claimedShortcut(read('store/listing.en.md'), /(Alt\+Shift\+\w+) switches Tifa/)).toBe(readme);
  expect(claimedShortcut(read('store/listing.zh_CN.md'), /(Alt\+Shift\+\w+) 在当前网站开启或关闭/)).toBe(readme);
  // What chrome://extensions/shortcuts shows: Chrome leaves a suggested key it uses itself unassigned.
  const page = await browser.openOptions();
  const commands = await page.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'toggle-site')?.shortcut).toBe(readme);
  await page.close();
});

test('the permissions: no "tabs" (host permissions give the addresses Tifa reads)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    host_permissions: string[];
  };
  expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'scripting', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
});
