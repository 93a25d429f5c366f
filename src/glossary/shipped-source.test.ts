import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shippedSource as bundled } from './shipped-source';

// The background's loader, fetching the files the build packages (wxt.config.ts SHIPPED_FILES) from
// the extension's own address. Here `fetch` reads them from data/, where the build copies them from;
// the built extension's background uses the real thing in every end-to-end test.
const DATA = path.resolve(import.meta.dirname, '../../data');
const fromDisk = (url: string): Response => {
  const file = /\/shipped\/([a-z]+\.json)$/.exec(url)?.[1];
  return file ? new Response(fs.readFileSync(path.join(DATA, file), 'utf8')) : new Response('', { status: 404 });
};

async function freshLoader() {
  vi.resetModules();
  return import('./shipped-source.fetched');
}

afterEach(() => vi.unstubAllGlobals());

describe('the shipped glossary in the background (fetched, not bundled)', () => {
  it('fetches the packaged files once and gives what the bundled module gives', async () => {
    const fetched = vi.fn<(url: string) => Promise<Response>>((url) => Promise.resolve(fromDisk(url)));
    vi.stubGlobal('fetch', fetched);
    const loader = await freshLoader();
    await Promise.all([loader.loadShippedSource(), loader.loadShippedSource()]);
    await loader.loadShippedSource();
    expect(fetched).toHaveBeenCalledTimes(2);
    expect(loader.shippedSource()).toEqual(bundled());
  });

  it('says so when read before it loaded', async () => {
    const loader = await freshLoader();
    expect(() => loader.shippedSource()).toThrow(/before it loaded/);
  });

  it('rejects with the file named when one does not load, and loads on the next call', async () => {
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(broken && url.endsWith('national.json') ? new Response('', { status: 404 }) : fromDisk(url)));
    const loader = await freshLoader();
    await expect(loader.loadShippedSource()).rejects.toThrow(/national\.json did not load \(404\)/);
    expect(() => loader.shippedSource()).toThrow();
    broken = false;
    await loader.loadShippedSource();
    expect(loader.shippedSource().national).toEqual(bundled().national);
  });
});
