// The toolbar icon as the real worker sets it (src/background/toolbar-icon.ts): the seal-red mark on a
// page Tifa works on, the grey one on a site switched off, given to Chromium as pixels decoded once
// (not as paths, which Chromium's setIcon fetches and decodes in the worker on every call). Chromium
// lets no extension read a tab's icon back, so the test watches the worker's calls to setIcon and
// what each one settled with.
import { expect, test } from 'vitest';
import { setUserSettings } from './highlight-support';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser();

/** What one setIcon call gave and how it ended: each size's width and height, and its opaque pixels' mean colour. */
interface IconCall {
  tabId: number;
  given: 'pixels' | 'path';
  sizes: Record<string, { width: number; height: number; rgb: [number, number, number] }>;
  error: string | null;
}

test('a page Tifa works on gets the red mark, a site switched off the grey one, as pixels Chromium accepts', { timeout: 60_000 }, async () => {
  const { serviceWorker: worker } = fixture.browser;
  await worker.evaluate(() => {
    const calls: IconCall[] = [];
    (globalThis as unknown as { iconCalls: IconCall[] }).iconCalls = calls;
    const action = chrome.action;
    const setIcon = action.setIcon.bind(action);
    action.setIcon = (details) => {
      const sizes: IconCall['sizes'] = {};
      for (const [size, image] of Object.entries(details.imageData ?? {})) {
        const sum = [0, 0, 0];
        let opaque = 0;
        for (let i = 0; i < image.data.length; i += 4) {
          if (image.data[i + 3]! < 255) continue;
          opaque++;
          for (let c = 0; c < 3; c++) sum[c]! += image.data[i + c]!;
        }
        sizes[size] = { width: image.width, height: image.height, rgb: sum.map((v) => Math.round(v / Math.max(1, opaque))) as IconCall['sizes'][string]['rgb'] };
      }
      const call = { tabId: details.tabId, given: details.imageData ? 'pixels' : 'path', sizes } as const;
      const done = setIcon(details);
      done.then(
        () => calls.push({ ...call, error: null }),
        (error: unknown) => calls.push({ ...call, error: String(error) }),
      );
      return done;
    };
  });
  const callsFor = async (url: string): Promise<IconCall[]> =>
    worker.evaluate(async (address) => {
      const [tab] = await chrome.tabs.query({ url: address });
      return (globalThis as unknown as { iconCalls: IconCall[] }).iconCalls.filter((c) => c.tabId === tab?.id);
    }, url);
  const lastFor = async (url: string) => (await callsFor(url)).at(-1);

  const url = fixture.server.url('pages/news-simplified.html');
  const page = await fixture.browser.open(url);
  // The tab's first call may be the grey one, for the blank page it opened on before navigating:
  // wait for the call that settles the article's, which must be the red mark.
  const redness = (call: IconCall | undefined): number => (call?.sizes['16'] ? call.sizes['16'].rgb[0] - call.sizes['16'].rgb[1] : NaN);
  await expect.poll(async () => redness(await lastFor(url)), { timeout: 10_000 }).toBeGreaterThan(40);
  const on = (await lastFor(url))!;
  expect(on).toMatchObject({ given: 'pixels', error: null });
  expect(Object.keys(on.sizes).sort()).toEqual(['16', '32']);
  expect(on.sizes['16']).toMatchObject({ width: 16, height: 16 });
  expect(on.sizes['32']).toMatchObject({ width: 32, height: 32 });
  // The seal red (#b3322a) dominates the mark.
  const [red, green] = on.sizes['16']!.rgb;
  expect(red - green).toBeGreaterThan(40);

  // The site switched off: the open tab turns grey, without a reload.
  const before = (await callsFor(url)).length;
  await setUserSettings(fixture.browser, { siteRules: [{ host: new URL(url).hostname, includeSubdomains: false, enabled: false }] });
  await expect.poll(async () => (await callsFor(url)).length, { timeout: 10_000 }).toBeGreaterThan(before);
  const off = (await lastFor(url))!;
  expect(off).toMatchObject({ given: 'pixels', error: null });
  for (const size of ['16', '32']) {
    const [r, g, b] = off.sizes[size]!.rgb;
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(12);
  }

  // And back on, on the next navigation too.
  await setUserSettings(fixture.browser, { siteRules: [] });
  await page.reload();
  await expect.poll(async () => (await lastFor(url))?.sizes['16']?.rgb[0], { timeout: 10_000 }).toBe(red);
  await page.close();
});

declare const chrome: {
  action: {
    setIcon(details: { tabId: number; imageData?: Record<string, ImageData>; path?: Record<string, string> }): Promise<void>;
  };
  tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
};
