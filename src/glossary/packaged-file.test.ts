import { afterEach, describe, expect, it, vi } from 'vitest';
import { packagedFile } from './packaged-file';

afterEach(() => vi.unstubAllGlobals());

const file = () => packagedFile('/shipped/glossary.json', 'the test data', 'loadTestData', (response) => response.text());

describe('a packaged file, fetched by the background when first needed', () => {
  it('is fetched once, from the extension’s own address, however many callers ask', async () => {
    const fetched = vi.fn<(url: string) => Promise<Response>>(() => Promise.resolve(new Response('data')));
    vi.stubGlobal('fetch', fetched);
    const data = file();
    await Promise.all([data.load(), data.load()]);
    await data.load();
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(fetched.mock.calls[0]?.[0]).toMatch(/^chrome-extension:\/\/[^/]+\/shipped\/glossary\.json$/);
    expect(data.read()).toBe('data');
  });

  it('says what to await when read before it loaded', () => {
    expect(() => file().read()).toThrow('Tifa: the test data was read before it loaded (await loadTestData first)');
  });

  it('rejects naming the file and status when it does not load, and loads on the next call', async () => {
    let broken = true;
    vi.stubGlobal('fetch', () => Promise.resolve(broken ? new Response('', { status: 404 }) : new Response('data')));
    const data = file();
    await expect(data.load()).rejects.toThrow('Tifa: the test data /shipped/glossary.json did not load (404)');
    expect(() => data.read()).toThrow(/before it loaded/);
    broken = false;
    await data.load();
    expect(data.read()).toBe('data');
  });
});
