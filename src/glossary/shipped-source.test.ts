import { afterEach, expect, it, vi } from 'vitest';
import { shippedGlossary as bundled } from './shipped-source';

afterEach(() => vi.unstubAllGlobals());

// The background's loader (./packaged-file.test.ts tests the loading itself), given what the build
// packages (wxt.config.ts PACKAGED_FILES: JSON.stringify of what the bundled module gives); the built
// extension's background uses the real file in every end-to-end test.
it('the background’s shipped glossary, fetched from the package, is the bundled module’s', async () => {
  vi.stubGlobal('fetch', (url: string) => Promise.resolve(url.endsWith('/shipped/glossary.json') ? new Response(JSON.stringify(bundled())) : new Response('', { status: 404 })));
  vi.resetModules();
  const fetched = await import('./shipped-source.fetched');
  expect(() => fetched.shippedGlossary()).toThrow(/before it loaded/);
  await fetched.loadShippedGlossary();
  expect(fetched.shippedGlossary()).toEqual(bundled());
  expect(fetched.shippedGlossary().entries.length).toBeGreaterThan(300);
});
