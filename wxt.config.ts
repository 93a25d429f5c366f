import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';

// jieba's 4 MB .wasm ships as its own file (public/ would need a copy in git): Vite would either drop
// it or inline it as base64 into every bundle. The background loads it by URL (src/background/segmenter.ts).
const JIEBA_WASM = path.join(path.dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm');
const JIEBA_DEFAULT_URL = "new URL('jieba_rs_wasm_bg.wasm', import.meta.url)";

// TIFA_OUT_DIR lets parallel builds (tests, benchmarks, several developers) write to separate folders.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: JIEBA_WASM, relativeDest: 'jieba.wasm' });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('jieba.wasm');
    },
  },
  vite: () => ({
    plugins: [
      {
        // The glue's fallback `new URL(…, import.meta.url)` makes Vite bundle the .wasm; we always pass the URL.
        name: 'tifa:jieba-no-default-wasm-url',
        enforce: 'pre',
        transform(code: string, id: string) {
          if (!id.replaceAll('\\', '/').includes('jieba-wasm/pkg/web/jieba_rs_wasm.js')) return undefined;
          if (!code.includes(JIEBA_DEFAULT_URL)) throw new Error('jieba-wasm glue changed: update wxt.config.ts');
          return code.replace(JIEBA_DEFAULT_URL, '(() => { throw new Error("jieba: pass module_or_path"); })()');
        },
      },
    ],
  }),
  srcDir: '.',
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  // `npm run zip`: the Chrome package, the Firefox package and the source archive Firefox's review asks
  // for. The archive holds what a rebuild needs (store/REBUILD.md, included, says how): the code, the
  // glossary data, public/ and the lockfile. WXT already leaves out node_modules, dot-folders (.output*,
  // .wxt, .git) and *.test.* files; the tests' other files, the docs' and listing's images and any
  // local artefacts are left out here.
  zip: {
    excludeSources: ['docs/**', 'test/**', 'test-results/**', 'store/**', '**/*.log', 'vitest.config.ts', 'vitest.e2e.config.ts'],
    includeSources: ['store/REBUILD.md'],
  },
  manifest: ({ browser }) => ({
    // Name, description and the command's label come from public/_locales/<lang>/messages.json (en,
    // zh_CN, zh_TW), so the browser shows them in its own language; English where it has no match.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: a user's glossary is stored whole; the shipped one is ~2.8 KB per entry, so a
    // 10,000-entry glossary (~28 MB) would exceed storage.local's 10 MB quota without it.
    // scripting: the tooltip UI is injected into a frame when first needed (src/background/tooltip-ui.ts).
    // The content script (entrypoints/page-content.ts): in every frame of http(s) pages, once the
    // page is parsed, as `document_idle` leaves the page's own start-up alone.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['page-content.js'], all_frames: true, run_at: 'document_idle' }],
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'contextMenus', 'scripting'],
    // executeScript needs host access of its own: Chrome does not count the content script's matches.
    // Same sites as the content script, so the install prompt asks for nothing new.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandToggleSite__',
      },
    },
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
