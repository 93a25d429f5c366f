// Launches real Chromium with the built extension loaded, and gives tests what a user has:
// pages, the options page, the popup, and screenshots saved under test-results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CONTENT_HANDLE, WELCOME_PATH, type PageReport } from '../../src/messages';
import { waitFor } from '../support/wait-for';
export { waitFor };

// The parts of the `chrome` API the harness calls inside the extension's service worker.
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
  };
  scripting: {
    executeScript<A extends unknown[], R>(injection: {
      target: { tabId: number; frameIds: number[] };
      func: (...args: A) => R;
      args: A;
    }): Promise<Array<{ result?: Awaited<R> }>>;
  };
};

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Run by tsx (the demo, the store screenshots, the benchmark), code is compiled by esbuild keeping
 * function names: a function defined inside another, such as the one askPageVia hands to
 * executeScript, is wrapped in a call of esbuild's `__name` helper. Playwright sends a function's
 * source alone, so the service worker would meet a `__name` it does not have (the demo failed so).
 * There the worker gets a `__name` that returns the function as it is; Vitest's transform keeps no
 * names, and tests send nothing more. (A string: a function written here would be wrapped too.)
 */
const KEEPS_NAMES = String(() => ({ probe: () => 0 })).includes('__name');
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn';

/**
 * The popup's askPage (src/messages.ts), made from the service worker `worker` for tab `tabId`: the
 * content script's handle answers, called in its world through executeScript (a function sent there
 * carries only its source).
 */
export async function askPageVia<T>(worker: Worker, tabId: number, request: unknown): Promise<T> {
  if (KEEPS_NAMES) await worker.evaluate(NAME_HELPER);
  const answer = await worker.evaluate(
    async ([id, req, key]) => {
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: id as number, frameIds: [0] },
        func: async (handleKey: string, r: unknown): Promise<{ value?: unknown; error?: string }> => {
          const handle = (globalThis as unknown as Record<symbol, { answer(r: unknown): Promise<unknown> } | undefined>)[Symbol.for(handleKey)];
          try {
            return handle ? { value: await handle.answer(r) } : { error: 'Tifa is not running in this page' };
          } catch (error) {
            return { error: String(error) };
          }
        },
        args: [key as string, req],
      });
      return injection?.result;
    },
    [tabId, request, CONTENT_HANDLE] as const,
  );
  if (!answer || answer.error !== undefined) throw new Error(answer?.error ?? 'no answer from the page');
  return answer.value as T;
}

export const EXTENSION_DIR = path.resolve(ROOT, process.env.TIFA_EXTENSION_DIR ?? '.output/chrome-mv3');
export const RESULTS_DIR = path.resolve(ROOT, 'test-results');

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `apt-get install -y chromium fonts-noto-cjk` ' +
        '(or set CHROME_PATH to a Chromium binary). End-to-end tests need a real browser.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Network requests the browser made to anything other than the fixture server and the extension. */
  foreignRequests: string[];
  open(url: string): Promise<Page>;
  openOptions(hash?: string): Promise<Page>;
  openPopup(): Promise<Page>;
  /** The content script's page report for the tab showing `page`. */
  pageReport(page: Page): Promise<PageReport>;
  /** Asks the content script of the tab showing `page` (top frame) a page request, as the popup does. */
  askPage<T>(page: Page, request: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * Loads the extension's folder again through the DevTools protocol (`Extensions.loadUnpacked`, which
 * needs LaunchOptions.extensionDebugging), which Chromium treats as an update: runtime.onInstalled
 * says "update" in a new worker. Resolves with the id it loaded and that worker.
 */
export async function loadExtensionAgain(browser: ExtensionBrowser): Promise<{ id: string; worker: Worker }> {
  const { context, extensionId, serviceWorker } = browser;
  const restarted = context.waitForEvent('serviceworker', { predicate: (w) => w !== serviceWorker && w.url().includes(extensionId), timeout: 20_000 });
  const devtools = await context.browser()!.newBrowserCDPSession();
  const { id } = (await devtools.send('Extensions.loadUnpacked' as 'Browser.getVersion', { path: EXTENSION_DIR } as never)) as unknown as { id: string };
  await devtools.detach();
  return { id, worker: await restarted };
}

export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** Origins whose requests are expected (the fixture server). */
  allowedOrigins?: string[];
  /**
   * Settings stored before any page opens. By default every occurrence of every entry is painted
   * (EVERY_OCCURRENCE), which the tests of painting, hovering and reporting were written for; the
   * display modes are tested in calm.e2e.ts, which passes null to keep the shipped defaults.
   */
  settings?: object | null;
  /**
   * Leaves open the first-run page Tifa opens on install. By default it is closed as soon as it has
   * opened, so every test starts from the same tabs, none of them opened behind its back.
   */
  keepWelcome?: boolean;
  /**
   * Keeps Chromium's back/forward cache, which Playwright's launch turns off by default: with it, a
   * page gone back to is shown again from the cache, with its scripts' state, rather than loaded anew.
   */
  backForwardCache?: boolean;
  /**
   * Lets the DevTools protocol load the extension again (`Extensions.loadUnpacked`), as an update
   * does; chrome://extensions's reload would disable an extension loaded from the command line.
   */
  extensionDebugging?: boolean;
}

/** The settings that paint every occurrence of every entry, as before display modes. */
/**
 * Chromium's flags for tests and the benchmark: no sandbox (root in a container), no GPU, and none of
 * the background traffic a closed network refuses by the hundred.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const EVERY_OCCURRENCE = { displayMode: 'all', showEveryday: true } as const;

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const headless = options.headless ?? true;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-e2e-'));
  const locale = options.locale ?? 'zh-CN';
  // Playwright's locale reaches a page only once it has attached to it: a page an extension opens
  // (the popup's "About" link) could render first in the browser's own language (en-US here). The
  // profile's languages make it the browser's own.
  fs.mkdirSync(path.join(userDataDir, 'Default'));
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: locale, selected_languages: locale } }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: false, // headless is chosen by the --headless=new flag below, which supports extensions
    ignoreDefaultArgs: ['--disable-extensions', ...(options.backForwardCache ? ['--disable-back-forward-cache'] : [])],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale,
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_FLAGS,
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // A fresh profile is an install: Tifa opens its first-run page (src/background/welcome.ts). Builds
  // from before it (a benchmark's older build) have none to wait for.
  if (fs.existsSync(path.join(EXTENSION_DIR, WELCOME_PATH))) {
    const welcomeUrl = `chrome-extension://${extensionId}${WELCOME_PATH}`;
    const welcome = await waitFor(() => context.pages().find((p) => p.url() === welcomeUrl), 15_000);
    if (!options.keepWelcome) await welcome?.close();
  }
  const settings = options.settings === undefined ? EVERY_OCCURRENCE : options.settings;
  if (settings) await serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);

  const foreignRequests: string[] = [];
  const allowed = [...(options.allowedOrigins ?? []), `chrome-extension://${extensionId}`];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    if (!allowed.some((o) => url.startsWith(o)) && !/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) foreignRequests.push(url);
  });

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const id = await serviceWorker.evaluate(async (u) => {
      // The newest tab with that address: a test that failed leaves its page open, and a later test
      // opening the same page must not be answered by the old one.
      const ids = (await chrome.tabs.query({})).flatMap((t) => (t.url === u && t.id !== undefined ? [t.id] : []));
      return ids.length ? Math.max(...ids) : undefined;
    }, url);
    if (id === undefined) throw new Error(`no tab found for ${url}`);
    return id;
  };

  const askPage = async <T>(page: Page, request: unknown): Promise<T> => askPageVia<T>(serviceWorker, await tabIdOf(page), request);

  return {
    context,
    extensionId,
    serviceWorker,
    foreignRequests,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openOptions(hash = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    pageReport: (page) => askPage<PageReport>(page, { type: 'tifa:page-report' }),
    askPage,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

