// Launches real Firefox (ESR, headless) with the built extension installed as a temporary add-on,
// and gives tests what a user has: tabs with fixture pages, the options page and the popup, real
// pointer moves and key presses, and screenshots saved under test-results/ (prefixed firefox-).
// Driven over WebDriver BiDi (bidi.ts); Firefox runs in its own process group and is killed by it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_HANDLE, WELCOME_PATH, type PageReport } from '../../src/messages';
import { waitFor } from '../support/wait-for';
import { BidiConnection } from './bidi';
export { waitFor };

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.TIFA_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const RESULTS_DIR = path.resolve(ROOT, 'test-results');

/** The add-on id in the manifest (wxt.config.ts) and the internal UUID the profile pins for it. */
export const ADDON_ID = 'tifa@example.org';
export const ADDON_UUID = '7a1f0c3e-4b2d-4e8a-9c61-5d0e2f7b8a90';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export const EVERY_OCCURRENCE = { displayMode: 'all', showEveryday: true } as const;

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) {
    throw new Error(
      'Firefox not found. Install it with `apt-get install -y --no-install-recommends firefox-esr` ' +
        '(scripts/setup.sh does), or set FIREFOX_PATH. End-to-end tests need a real browser.',
    );
  }
  return found;
}

export interface FirefoxLaunchOptions {
  /** The unpacked extension to install (default: the Firefox build). */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** Settings stored before any page opens (as test/e2e/harness.ts); null keeps the shipped defaults. */
  settings?: object | null;
  /** Extra preferences for the profile's user.js. */
  prefs?: Record<string, string | number | boolean>;
}

/** The user.js of every test profile: a pinned extension address, Chinese first, and no chatter. */
function userJs(extra: Record<string, string | number | boolean>): string {
  const prefs: Record<string, string | number | boolean> = {
    // moz-extension://<ADDON_UUID>/ instead of a random UUID per profile.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // navigator.language, which the popup and the options page follow (the Chromium suite runs zh-CN).
    'intl.accept_languages': 'zh-CN, zh, en',
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.newtabpage.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    // The fixture server is plain http on 127.0.0.1: never upgraded, never proxied.
    'dom.security.https_first': false,
    'network.proxy.type': 0,
    ...extra,
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

interface RemoteValue {
  type: string;
  value?: unknown;
}

/** One browser tab (a top-level browsing context). */
export class Tab {
  constructor(
    readonly browser: FirefoxBrowser,
    readonly context: string,
  ) {}

  get #bidi(): BidiConnection {
    return this.browser.bidi;
  }

  async goto(url: string): Promise<void> {
    await this.#bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Brings the tab to the front, as a user switching to it (Firefox gives hidden tabs no frames). */
  async activate(): Promise<void> {
    await this.#bidi.send('browsingContext.activate', { context: this.context });
  }

  /** Goes back one page in the tab's history, as the toolbar's Back button. */
  async back(): Promise<void> {
    await this.#bidi.send('browsingContext.traverseHistory', { context: this.context, delta: -1 });
  }

  async reload(): Promise<void> {
    await this.#bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  /** The frames inside this tab (child browsing contexts), e.g. same-origin iframes. */
  async frames(): Promise<Array<{ tab: Tab; url: string }>> {
    const { contexts } = await this.#bidi.send<{ contexts: Array<{ children?: Array<{ context: string; url: string }> }> }>(
      'browsingContext.getTree',
      { root: this.context },
    );
    return (contexts[0]?.children ?? []).map((c) => ({ tab: new Tab(this.browser, c.context), url: c.url }));
  }

  async url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.#bidi.send('browsingContext.setViewport', { context: this.context, viewport: { width, height } });
  }

  /**
   * Runs `fn(arg)` in the page's own world (for an extension page: with its extension API) and
   * returns its JSON result. `fn` travels as source text, so it may use nothing from this file.
   */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const functionDeclaration = `async function (json) {
      const result = await (${fn.toString()})(json === undefined ? undefined : JSON.parse(json));
      return result === undefined ? undefined : JSON.stringify(result);
    }`;
    const response = await this.#bidi.send<{
      type: 'success' | 'exception';
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.callFunction', {
      functionDeclaration,
      target: { context: this.context },
      arguments: arg === undefined ? [] : [{ type: 'string', value: JSON.stringify(arg) }],
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (response.type === 'exception') throw new Error(`evaluate: ${response.exceptionDetails?.text ?? 'exception'}`);
    const value = response.result;
    return (value?.type === 'string' ? JSON.parse(String(value.value)) : undefined) as R;
  }

  /** Moves the real mouse to (x, y) in viewport coordinates, gliding over `duration` ms like a hand. */
  async mouseMove(x: number, y: number, duration = 100): Promise<void> {
    await this.#pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration }]);
  }

  async click(x: number, y: number): Promise<void> {
    await this.#pointer([
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 50 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  /** Clicks the middle of the first element matching `selector` (scrolled into view first). */
  async clickElement(selector: string): Promise<void> {
    const at = await this.evaluate((sel) => {
      const element = document.querySelector(sel);
      if (!element) return null;
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = element.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, selector);
    if (!at) throw new Error(`clickElement: nothing matches ${selector}`);
    await this.click(at.x, at.y);
  }

  /** Types text with real key events (each character a key down and up). */
  async type(text: string): Promise<void> {
    await this.#keys([...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]));
  }

  /** Presses a key chord: e.g. press(KEY.Escape), press(KEY.Alt, KEY.Shift, 't'). */
  async press(...keys: string[]): Promise<void> {
    await this.#keys([...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))]);
  }

  async #pointer(actions: object[]): Promise<void> {
    await this.#bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  async #keys(actions: object[]): Promise<void> {
    await this.#bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Saves a screenshot of the viewport as test-results/firefox-<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const { data } = await this.#bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `firefox-${name}.png`);
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
    return file;
  }

  /** A PNG of a viewport box, base64. */
  async capture(box: { x: number; y: number; width: number; height: number }): Promise<string> {
    const { data } = await this.#bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
      context: this.context,
      clip: { type: 'box', ...box },
    });
    return data;
  }

  async close(): Promise<void> {
    await this.#bidi.send('browsingContext.close', { context: this.context });
  }
}

/** WebDriver key values for the keys the tests press. */
export const KEY = {
  Alt: '\uE00A',
  Shift: '\uE008',
  Escape: '\uE00C',
  End: '\uE010',
  Tab: '\uE004',
} as const;

export interface FirefoxBrowser {
  bidi: BidiConnection;
  version: string;
  /** A tab with the extension's popup page, kept open: the extension API the tests call runs there. */
  control: Tab;
  /** URLs requested by tabs from anything but the fixture server and the extension. */
  foreignRequests: string[];
  /** Uncaught errors of pages' scripts, by browsing context (Tab.context). */
  scriptErrors: Array<{ context: string; text: string }>;
  newTab(): Promise<Tab>;
  open(url: string): Promise<Tab>;
  openOptions(hash?: string): Promise<Tab>;
  /** The popup as a page, for the given tab (as the Chromium suite opens it: ?tab=<id>). */
  openPopupFor(tab: Tab): Promise<Tab>;
  tabIdOf(tab: Tab): Promise<number>;
  /** The content script's page report for `tab`, asked through scripting.executeScript as the popup does. */
  pageReport(tab: Tab): Promise<PageReport>;
  /** Asks the content script of `tab` (top frame) a page request, as the popup does (askPage of src/messages.ts). */
  askPage<T>(tab: Tab, request: unknown): Promise<T>;
  /** Stores items in the extension's storage.local, as the options page would. */
  storageSet(items: object): Promise<void>;
  close(): Promise<void>;
}

/** The extension API as the control tab (an extension page) sees it. */
declare const browser: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    remove(tabId: number): Promise<void>;
  };
  scripting: {
    executeScript<A extends unknown[], R>(injection: {
      target: { tabId: number; frameIds: number[] };
      func: (...args: A) => R;
      args: A;
    }): Promise<Array<{ result?: Awaited<R> }>>;
  };
};

async function waitForListening(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi in ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/[\w.:[\]-]+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before WebDriver BiDi listened:\n${seen}`));
    });
  });
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxBrowser> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-firefox-'));
  fs.writeFileSync(path.join(profile, 'user.js'), userJs(options.prefs ?? {}));
  // detached: Firefox and its content processes form their own process group, killed as one.
  const child = spawn(
    findFirefox(),
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      // Lets BiDi reach moz-extension:// pages (the options page, the popup).
      '--remote-allow-system-access',
      `--window-size=${viewport.width},${viewport.height}`,
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const kill = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // A test run that dies (a worker killed on timeout) must not leave Firefox behind.
  process.once('exit', kill);
  let bidi: BidiConnection;
  try {
    const address = await waitForListening(child, 30_000);
    child.stderr?.resume(); // keep draining Firefox's log so it never blocks on a full pipe
    bidi = await BidiConnection.connect(`${address}/session`);
  } catch (error) {
    kill();
    throw error;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const { capabilities } = await bidi.send<{ capabilities: { browserVersion: string } }>('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const foreignRequests: string[] = [];
  const scriptErrors: Array<{ context: string; text: string }> = [];
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] });
  bidi.onEvent(({ method, params }) => {
    if (method === 'log.entryAdded') {
      const { type, level, text, source } = params as { type: string; level: string; text: string; source: { context?: string } };
      if (type === 'javascript' && level === 'error' && source.context) scriptErrors.push({ context: source.context, text });
      return;
    }
    if (method !== 'network.beforeRequestSent') return;
    const url = (params.request as { url: string }).url;
    if (/^(data|blob|about|moz-extension|resource|chrome):/.test(url) || /^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url)) return;
    // Requests with no browsing context are Firefox's own (updates, telemetry), not a page's.
    if (params.context) foreignRequests.push(url);
  });

  const tabs: Tab[] = [];
  const newTab = async (): Promise<Tab> => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const tab = new Tab(handle, context);
    await tab.setViewport(viewport.width, viewport.height);
    tabs.push(tab);
    return tab;
  };

  const handle: FirefoxBrowser = {
    bidi,
    version: capabilities.browserVersion,
    control: undefined as unknown as Tab,
    foreignRequests,
    scriptErrors,
    newTab,
    async open(url) {
      const tab = await newTab();
      await tab.goto(url);
      return tab;
    },
    async openOptions(hash = '') {
      return handle.open(`${EXTENSION_ORIGIN}/options.html${hash}`);
    },
    async openPopupFor(tab) {
      const popup = await newTab();
      await popup.setViewport(340, 600);
      await popup.goto(`${EXTENSION_ORIGIN}/popup.html?tab=${await handle.tabIdOf(tab)}`);
      return popup;
    },
    async tabIdOf(tab) {
      const url = await tab.url();
      const id = await handle.control.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url);
      if (id === undefined) throw new Error(`no tab found for ${url}`);
      return id;
    },
    async askPage<T>(tab: Tab, request: unknown): Promise<T> {
      const tabId = await handle.tabIdOf(tab);
      // The content script's handle answers, called in its world (the function carries only its source).
      const answer = await handle.control.evaluate(
        async ({ id, req, key }) => {
          const [injection] = await browser.scripting.executeScript({
            target: { tabId: id, frameIds: [0] },
            func: async (handleKey: string, r: unknown): Promise<{ value?: unknown; error?: string }> => {
              const found = (globalThis as unknown as Record<symbol, { answer(r: unknown): Promise<unknown> } | undefined>)[Symbol.for(handleKey)];
              try {
                return found ? { value: await found.answer(r) } : { error: 'Tifa is not running in this page' };
              } catch (error) {
                return { error: String(error) };
              }
            },
            args: [key, req],
          });
          return injection?.result;
        },
        { id: tabId, req: request, key: CONTENT_HANDLE },
      );
      if (!answer || answer.error !== undefined) throw new Error(answer?.error ?? 'no answer from the page');
      return answer.value as T;
    },
    pageReport: (tab) => handle.askPage<PageReport>(tab, { type: 'tifa:page-report' }),
    async storageSet(items) {
      await handle.control.evaluate((i) => browser.storage.local.set(i), items);
    },
    async close() {
      bidi.close();
      kill();
      process.off('exit', kill);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };

  try {
    // The control tab: an extension page, whose `browser` is the extension API (storage, tabs).
    handle.control = await handle.open(`${EXTENSION_ORIGIN}/popup.html`);
    // A fresh profile is an install: Tifa opens its first-run page (src/background/welcome.ts). It is
    // closed once it has opened, so tests start from the tabs they open themselves.
    if (fs.existsSync(path.join(extensionDir, WELCOME_PATH))) {
      const welcomeUrl = `${EXTENSION_ORIGIN}${WELCOME_PATH}`;
      const id = await waitFor(
        () => handle.control.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, welcomeUrl),
        15_000,
      );
      await handle.control.evaluate((tabId) => browser.tabs.remove(tabId), id);
    }
    const settings = options.settings === undefined ? EVERY_OCCURRENCE : options.settings;
    if (settings) await handle.storageSet({ settings });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

