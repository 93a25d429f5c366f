import { defineConfig } from 'wxt';

// TIFA_OUT_DIR lets parallel builds (tests, benchmarks, several developers) write to separate folders.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Tifa 提法',
    description: 'Finds Chinese party-state jargon on news pages and explains it on hover.',
    permissions: ['storage', 'tabs', 'contextMenus'],
    // jieba (WebAssembly) runs in extension pages and the background only.
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'tifa@example.org',
              strict_min_version: '128.0',
              // Tifa sends nothing anywhere: declared so Firefox can tell users.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
