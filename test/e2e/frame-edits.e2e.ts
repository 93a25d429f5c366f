// A sub-frame given the content script is told of a glossary edit by the background, which keeps
// such frames in storage.session (src/background/session-frames.ts): so it still is after MV3 has
// stopped the idle service worker, as it does after 30 s.
import { beforeAll, expect, test } from 'vitest';
import { screenshot } from './harness';
import { setUserGlossary as setStoredGlossary } from './glossary-storage';
import { painted, setUserGlossary, tally, TEST_GLOSSARY, testGlossaryWithout } from './highlight-support';
import { useExtensionBrowser } from './use-extension';
import { watchContentWorld } from './content-world';

const fixture = useExtensionBrowser();

beforeAll(async () => {
  await setUserGlossary(fixture.browser, TEST_GLOSSARY);
});

test('after the service worker stopped, a sub-frame running Tifa still follows a glossary edit; the frame without Chinese text runs none', { timeout: 60_000 }, async () => {
  const page = await fixture.browser.context.newPage();
  // A failure says what the child's content script and the worker were doing. (This test failed in
  // 2 of 8 fresh-clone CI runs, the child showing no mark for 10 s, when the tests' glossary writes
  // did not hold the extension's lock: see glossary-storage.ts.)
  const watch = await watchContentWorld(fixture.browser.context, page, fixture.browser.extensionId);
  await page.goto(fixture.server.url('pages/frame.html'));
  const child = page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
  await expect.poll(async () => tally(await painted(child)), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });

  const devtools = await fixture.browser.context.newCDPSession(await fixture.browser.context.newPage());
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');
  watch.mark('service workers stopped');
  // The edit comes from an extension page, as the options page saves one; storage's change event
  // starts the worker again.
  const writer = await fixture.browser.context.newPage();
  await writer.goto(`chrome-extension://${fixture.browser.extensionId}/welcome.html`);
  await setStoredGlossary(writer, testGlossaryWithout('san-hui-yi-ke'));
  watch.mark('glossary stored');
  await expect
    .poll(async () => tally(await painted(child)), { timeout: 10_000 })
    .toEqual({ 两个维护: 1, 四个意识: 1 })
    .catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await watch.describe(child)}`);
    });
  await screenshot(page, 'frame-edit-after-worker-restart');

  // The stored sub-frames: the child alone, not the advertisement's frame.
  const kept = await writer.evaluate(async () => (await chrome.storage.session.get('content-sub-frames'))['content-sub-frames']);
  expect(Object.values(kept as Record<string, Record<string, number>>).map(Object.keys)).toEqual([[expect.any(String)]]);
  await writer.close();
  await page.close();
});

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
