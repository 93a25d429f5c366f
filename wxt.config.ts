import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import STPhrases from 'opencc-js/dict/STPhrases';
import { defineConfig } from 'wxt';
import { shippedGlossary } from './src/glossary/shipped-source';

// jieba's 4 MB .wasm ships as its own file (public/ would need a copy in git): Vite would either drop
// it or inline it as base64 into every bundle. The background loads it by URL (src/background/segmenter.ts).
const JIEBA_WASM = path.join(path.dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm');
const JIEBA_DEFAULT_URL = "new URL('jieba_rs_wasm_bg.wasm', import.meta.url)";

// Data the background fetches from the package when it first needs it, rather than bundling it into
// its script: the shipped glossary, validated here by the schema as one file
// (src/glossary/shipped-source.fetched.ts: a data file the schema refuses fails the build), and
// opencc's simplified→traditional phrase dictionary (src/glossary/opencc-phrases.fetched.ts),
// written out from opencc-js's module.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const PACKAGED_FILES = [
  { contents: JSON.stringify(shippedGlossary()), relativeDest: 'shipped/glossary.json' },
  { contents: STPhrases, relativeDest: 'shipped/opencc-st-phrases.txt' },
] as const;

/**
 * The modules the background's build swaps for their `.fetched.ts` stand-ins, each with a text only
 * its data holds: the shipped glossary's first entry's summary, and a phrase of opencc's dictionary.
 */
const FETCHED_IN_BACKGROUND = [
  { module: path.join(ROOT, 'src/glossary/shipped-source.ts'), sample: '坚决维护习近平总书记党中央的核心、全党的核心地位' },
  { module: path.join(ROOT, 'src/glossary/opencc-phrases.ts'), sample: '一丝不挂 一絲不掛' },
] as const;

// How @wxt-dev/browser finds the extension API (Firefox's `browser`, else Chromium's `chrome`), as
// esbuild writes it, minified or not.
const BROWSER_LOOKUP = /globalThis\.browser\?\.runtime\?\.id ?\? ?globalThis\.browser ?: ?globalThis\.chrome/;

/**
 * The hooks of the plugin that swaps the modules of FETCHED_IN_BACKGROUND for their fetching
 * stand-ins in the background's build (WXT builds it on its own: its input names the background
 * entrypoint), and checks that the background's script holds none of their data.
 */
function backgroundBuildOnly() {
  let background = false;
  return {
    options(options: { input?: unknown }) {
      background = JSON.stringify(options.input ?? '').includes('background');
      return undefined;
    },
    async resolveId(this: { resolve(source: string, importer?: string, o?: { skipSelf: boolean }): Promise<{ id: string } | null> }, source: string, importer?: string) {
      if (!background) return undefined;
      const swapped = FETCHED_IN_BACKGROUND.find(({ module }) => source.endsWith(path.basename(module, '.ts')));
      if (!swapped) return undefined;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === swapped.module ? swapped.module.replace(/\.ts$/, '.fetched.ts') : undefined;
    },
    generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string }>) {
      // A background build not recognised as one would bundle the data again, unnoticed.
      if (!background) {
        if ('background.js' in bundle) throw new Error("the background's build was not recognised: see wxt.config.ts");
        return;
      }
      for (const [file, chunk] of Object.entries(bundle)) {
        for (const { module, sample } of FETCHED_IN_BACKGROUND) {
          if (chunk.code?.includes(sample)) throw new Error(`${file} bundles the data of ${path.relative(ROOT, module)}: see wxt.config.ts`);
        }
      }
    },
  };
}

// TIFA_OUT_DIR lets parallel builds (tests, benchmarks, several developers) write to separate folders.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: JIEBA_WASM, relativeDest: 'jieba.wasm' }, ...PACKAGED_FILES);
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('jieba.wasm', ...PACKAGED_FILES.map((file) => file.relativeDest));
    },
  },
  vite: ({ browser }) => ({
    // TIFA_NO_MINIFY=1: readable function names, which test/bench/load-steps.ts stamps.
    ...(process.env.TIFA_NO_MINIFY ? { build: { minify: false } } : {}),
    plugins: [
      {
        // WXT wraps each unlisted script (the content script, the frame gate, the injected scripts) in
        // a try/catch that reports failures through a logger which does nothing in a production
        // build: ~430 bytes of the content script's 30 KB budget, evaluated in every frame. Only the
        // call stays; an error still reaches the console uncaught.
        name: 'tifa:bare-unlisted-scripts',
        enforce: 'pre',
        transform(code: string, id: string) {
          // WXT's virtual module: `\0virtual:wxt-unlisted-script-entrypoint?<the entrypoint's path>`.
          if (!id.startsWith('\0virtual:wxt-unlisted-script-entrypoint?')) return undefined;
          const entry = /^import definition from ("[^"]+");$/m.exec(code)?.[1];
          if (!entry || !code.includes('definition.main()') || !code.includes('initPlugins();')) {
            throw new Error("WXT's unlisted-script wrapper changed: update wxt.config.ts");
          }
          return [
            `import definition from ${entry};`,
            "import { initPlugins } from 'virtual:wxt-plugins';",
            'initPlugins();',
            'export default definition.main();',
          ].join('\n');
        },
      },
      {
        // WXT's `browser` is looked up as the script starts, and in Chromium the first look at
        // `chrome` builds the extension API's bindings in that world: ~0.2 ms of CPU, which a page
        // without Chinese text paid for nothing (test/bench/load-steps.ts on the bench's English
        // article). In the content script, and in the early style script, which every top frame
        // evaluates and which reads storage only on a page with a Chinese title, it is looked up on
        // each use instead, so the first use pays for it, where there is one. (Before the terser pass
        // below: plugins run in this order.)
        name: 'tifa:content-script-api-on-use',
        enforce: 'post',
        generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
          // Chromium has no `browser` global in a content script's world, so the lookup there is
          // `chrome` (66 bytes fewer); Firefox's build keeps WXT's.
          const api = browser === 'firefox' ? null : 'chrome';
          for (const file of ['page-content.js', 'early-style.js']) {
            const chunk = bundle[file];
            if (chunk?.type !== 'chunk' || chunk.code === undefined) continue;
            if (!BROWSER_LOOKUP.test(chunk.code)) throw new Error(`WXT's browser lookup changed (${file}): update wxt.config.ts`);
            chunk.code = chunk.code.replace(BROWSER_LOOKUP, (lookup) => `new Proxy({}, { get: (_, name) => (${api ?? lookup})[name] })`);
          }
        },
      },
      {
        // The content script is evaluated in every page with Chinese text and has a 30 KB budget
        // (issue 10): a second minifying pass with terser over esbuild's output takes ~2% more off it
        // (30,177 → 29,670 bytes here), which esbuild alone does not. Only this script: terser over the
        // 2.7 MB background would slow every build for nothing a page pays for.
        name: 'tifa:terse-content-script',
        enforce: 'post',
        async generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
          if (process.env.TIFA_NO_MINIFY) return;
          const chunk = bundle['page-content.js'];
          if (chunk?.type !== 'chunk' || chunk.code === undefined) return;
          const { minify } = await import('terser');
          // wrap_iife: `(function(){…})()` is a call V8 compiles at once; the bare `function(){…}()` it
          // preparses first and then parses again when called (an A/B over 8 articles: own tasks 4.5 against 4.8 ms).
          // unsafe_arrows: function expressions that use no `this` become arrows (~230 bytes); nothing in
          // the content script calls one with `new` or reads its prototype. hoist_funs: function
          // declarations moved to the top of their scope, where JavaScript puts them anyway, which
          // lets a fourth pass join more declarations (-85 bytes, 29,990 → 29,905). Six passes rather
          // than four, and toplevel: the IIFE's value (main() returns nothing) went to a global,
          // `pageContent`, that nothing reads, which terser then drops (a replace after terser did
          // before): 30,006 → 29,984 bytes.
          const result = await minify(chunk.code, { ecma: 2022, toplevel: true, compress: { passes: 6, unsafe_arrows: true, hoist_funs: true }, mangle: true, format: { wrap_iife: true } });
          if (!result.code) throw new Error('terser returned nothing for page-content.js');
          if (result.code.includes('pageContent')) throw new Error('page-content.js still names its global: see wxt.config.ts');
          chunk.code = result.code;
        },
      },
      {
        // The background reads the shipped glossary and opencc's phrase dictionary from their
        // packaged files (PACKAGED_FILES): bundled, their ~2.1 MB of strings sat in V8's code cache of
        // the worker's script, which Chromium reads back on the browser's main thread at every worker
        // start (docs/page-cost.md, *A cold start's first marks*). So its build gets the fetching
        // stand-ins of the modules that bundle them.
        name: 'tifa:background-fetches-packaged-data',
        enforce: 'pre',
        ...backgroundBuildOnly(),
      },
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
  // Manifest V3 for Firefox too (WXT builds Firefox as MV2 unless told): both stores expect it, and
  // nothing Tifa does needs MV2 there. jieba's WebAssembly runs in the background, which Firefox
  // MV3 keeps as an event page (background.scripts), allowed by 'wasm-unsafe-eval' in
  // extension_pages (MV3's default policy forbids WebAssembly). The tooltip and the wrapping
  // painter are injected with scripting.executeScript (src/background/inject-script.ts) into the
  // content script's world, which needs host permissions: since Firefox 127 an MV3 add-on's
  // host_permissions and content-script matches are asked for in the install prompt and granted
  // with it (before, they waited for the user to grant them; either browser lets the user revoke
  // them per site). The content script is declared in the manifest, as in Chrome.
  // test/e2e-firefox runs all of this in Firefox ESR.
  manifestVersion: 3,
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  // `npm run zip`: the Chrome package, the Firefox package and the source archive Firefox's review asks
  // for. The archive holds what a rebuild needs (store/REBUILD.md, included, says how): the code, the
  // glossary data, public/ and the lockfile. WXT already leaves out node_modules, dot-folders (.output*,
  // .wxt, .git) and *.test.* files; the tests' other files, the docs' and listing's images and any
  // local artefacts are left out here.
  zip: {
    excludeSources: ['docs/**', 'test/**', 'test-results/**', 'store/**', '**/*.log', 'vitest.config.ts', 'vitest.e2e.config.ts', 'vitest.e2e-firefox.config.ts'],
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
    // No `tabs` (its install prompt warns of reading the browsing history): the host permissions below
    // already show Tifa the address of every http(s) tab, which is all it reads (the popup's site
    // switch, the toolbar icon, the site command); other tabs' addresses stay hidden, and those are
    // pages Tifa cannot run on anyway.
    // The content script (entrypoints/page-content.ts): in the top frame of http(s) pages, as soon as
    // the page is parsed (`document_end`, a task or two after DOMContentLoaded). `document_idle`
    // waited, on a page whose images or ads were still loading, 200 ms more (Chromium runs idle
    // scripts once every subresource has loaded, or 200 ms after DOMContentLoaded): on real news
    // sites, nearly always.
    // Its first task is as small there as it was at idle (a look for Chinese text, then a storage
    // read; the scan waits for idle time). test/bench's late page measures the difference.
    // In sub-frames (ads, embeds; srcdoc, about:blank, blob: and data: ones too, by their parent's
    // origin) a small gate stands in for it and has it injected once the frame holds Chinese text
    // (src/page/frame-gate.ts): most such frames never have any.
    // And in top frames, as the page starts to parse, a small script adopts the highlight sheet of a
    // page that looks Chinese before the page is first styled (src/page/early-style.ts). Listed after
    // the content script: the bench's peers copy the first entry's matches and timing.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['page-content.js'], run_at: 'document_end' },
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['frame-gate.js'],
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
        run_at: 'document_idle',
      },
      { matches: ['http://*/*', 'https://*/*'], js: ['early-style.js'], run_at: 'document_start' },
    ],
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting'],
    // executeScript needs host access of its own: Chrome does not count the content script's matches.
    // Same sites as the content script, so the install prompt asks for nothing new.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Chrome leaves a suggested key unassigned ("Not set") when it is one of its own shortcuts, as
    // Alt+Shift+T is (focus the toolbar, on Windows, Linux and ChromeOS): Alt+Shift+O is free there and
    // in Firefox. test/e2e/manifest.e2e.ts checks that the browser assigns what the README says.
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commandToggleSite__',
      },
    },
    // jieba (WebAssembly) runs in extension pages and the background only.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    // 128: the first Chrome with caretPositionFromPoint, which finds the term under the pointer inside
    // open shadow roots too (src/page/hit-test.ts).
    minimum_chrome_version: browser === 'firefox' ? undefined : '128',
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'tifa@example.org',
              // 140: the first Firefox that reads data_collection_permissions (below), and the first with
              // the CSS Custom Highlight API, so every supported Firefox paints without touching the DOM.
              strict_min_version: '140.0',
              // Tifa sends nothing anywhere: declared so Firefox can tell users.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});
