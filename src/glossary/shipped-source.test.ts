import { afterEach, describe, expect, it, vi } from 'vitest';
import { shippedGlossary as bundled } from './shipped-source';

// The background's loader, fetching the validated glossary the build packages (wxt.config.ts
// PACKAGED_FILES: JSON.stringify of what the bundled module gives). Here `fetch` answers with the same;
// the built extension's background uses the real file in every end-to-end test.
const packaged = (url: string): Response =>
  url.endsWith('/shipped/glossary.json') ? new Response(JSON.stringify(bundled())) : new Response('', { status: 404 });

async function freshLoader() {
  vi.resetModules();
  return import('./shipped-source.fetched');
}

afterEach(() => vi.unstubAllGlobals());

describe('the shipped glossary in the background (validated by the build, fetched, not bundled)', () => {
  it('fetches the packaged file once and gives what the bundled module gives', async () => {
    const fetched = vi.fn<(url: string) => Promise<Response>>((url) => Promise.resolve(packaged(url)));
    vi.stubGlobal('fetch', fetched);
    const loader = await freshLoader();
    await Promise.all([loader.loadShippedGlossary(), loader.loadShippedGlossary()]);
    await loader.loadShippedGlossary();
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(loader.shippedGlossary()).toEqual(bundled());
    expect(loader.shippedGlossary().entries.length).toBeGreaterThan(300);
  });

  it('says so when read before it loaded', async () => {
    const loader = await freshLoader();
    expect(() => loader.shippedGlossary()).toThrow(/before it loaded/);
  });

  it('rejects with the file named when it does not load, and loads on the next call', async () => {
    let broken = true;
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(broken ? new Response('', { status: 404 }) : packaged(url)));
    const loader = await freshLoader();
    await expect(loader.loadShippedGlossary()).rejects.toThrow(/glossary\.json did not load \(404\)/);
    expect(() => loader.shippedGlossary()).toThrow();
    broken = false;
    await loader.loadShippedGlossary();
    expect(loader.shippedGlossary()).toEqual(bundled());
  });
});
