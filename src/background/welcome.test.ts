import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onInstalled } from './welcome';

beforeEach(() => fakeBrowser.reset());

// The fake browser starts with one blank tab (no address): the pages opened are the tabs with one.
const openUrls = async () => (await fakeBrowser.tabs.query({})).flatMap((t) => (t.url ? [t.url] : []));

test('installing Tifa opens the first-run page', async () => {
  await onInstalled({ reason: 'install' });
  expect(await openUrls()).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
});

test('an update of Tifa or of the browser opens nothing', async () => {
  for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) await onInstalled({ reason });
  expect(await openUrls()).toEqual([]);
});
