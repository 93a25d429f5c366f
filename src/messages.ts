// One typed protocol for every message between content script, background, popup and options, and
// the other contracts the contexts share (global handles, the options page's address). Each request
// is declared once here, checked on receipt with `parseRequest` and answered by the background's
// handler table (`answerRequests`, src/background/start.ts). What the popup and the badge ask a page
// goes another way, `askPage`, answered by the content script's handle (src/page/start.ts). The
// checks are hand-written rather than zod so the content script, which must stay tiny, can use them.
import type { Entry } from '@/src/glossary/schema';
import type { NewFormulation } from '@/src/brief/radar';

export interface Pattern {
  /** Surface text to find (term, variant or traditional form). */
  text: string;
  /** Entry id this surface form belongs to. */
  id: string;
  /** Confirm the match by word segmentation before painting it. */
  ambiguous: boolean;
}

export interface Span {
  /** UTF-16 offsets into the text sent along. */
  start: number;
  end: number;
  /** The entry key of the match (src/glossary/page-glossary.ts): what the badge counts once it is confirmed. */
  id?: string;
}

/** The script of a page's Chinese: simplified, or traditional by Taiwan's or Hong Kong's conventions. */
export type PageScript = 'simplified' | 'tw' | 'hk';

/** What an entry key stands for: the entry's id and term, and the entry when asked for. */
export interface EntryName {
  id: string;
  term: string;
  entry?: Entry;
}

/**
 * How many distinct terms a page holds (what the badge shows). `partial`: the top frame has not read
 * all of a long page yet (src/page/scanner.ts, AHEAD_CHARS), so there may be more.
 */
export interface PageCount {
  enabled: boolean;
  count: number;
  partial: boolean;
}

export interface PageReport {
  enabled: boolean;
  terms: Array<{ id: string; term: string; count: number }>;
}

/** Every request, with the response it gets (a failed handler answers with an error instead). */
interface Protocol {
  /** content/options → background: the effective glossary and the patterns compiled from it. */
  'tifa:get-glossary': { request: {}; response: { entries: Entry[]; patterns: Pattern[] } };
  /**
   * content → background: the page glossary (src/glossary/page-glossary.ts) encoded, when a page
   * found none in storage (just installed, or storage cleared); the background also stores it.
   */
  'tifa:get-page-glossary': { request: {}; response: { encoded: string } };
  /**
   * content (report, tooltip)/popup (brief) → background: the entries that a page's entry keys
   * (src/glossary/page-glossary.ts) stand for: null for a key of another glossary version, or none;
   * with the whole entry when `entries`.
   */
  'tifa:name-entries': { request: { keys: string[]; entries?: boolean }; response: { names: Array<EntryName | null> } };
  /** popup (brief) → background: the entries with these ids (those that exist), for explaining them. */
  'tifa:get-entries': { request: { ids: string[] }; response: { entries: Entry[] } };
  /**
   * content (tooltip) → background: the script `sample` (the page's text around a term) is written
   * in, and the glossary's Chinese `texts` converted to it (none when it is simplified), so the
   * tooltip follows a traditional-character page.
   */
  'tifa:in-page-script': { request: { sample: string; texts: string[] }; response: { script: PageScript; texts: string[] } };
  /**
   * content → background: which ambiguous candidate spans are whole words by jieba segmentation.
   * `terms`: the terms the page holds besides, by entry key (the badge's count rides along, so a
   * page with ambiguous terms sends one message, not two): the background tells the badge how many
   * there are with the confirmed spans' entries, and `told` is that count as the page compares it
   * (src/page/session.ts), absent where nothing was told.
   */
  'tifa:segment-check': {
    request: { text: string; candidates: Span[]; terms?: Array<{ key: string }> };
    response: { confirmed: boolean[]; told?: string };
  };
  /** popup/tests → page (top frame, `askPage`): which terms the page holds, named by the background, in order of first appearance. */
  'tifa:page-report': { request: {}; response: PageReport };
  /** badge → page (top frame, `askPage`): how many distinct terms the page holds; no names, so the page asks nothing in turn. */
  'tifa:page-count': { request: {}; response: PageCount };
  /** popup → page (top frame, `askPage`): scroll to the next occurrence of an entry and open its tooltip. */
  'tifa:reveal': { request: { id: string }; response: { found: boolean } };
  /**
   * background → every frame running the content script, in every tab (src/background/session-frames.ts):
   * the settings or the page glossary changed in storage: read them again (src/settings/session-copy.ts
   * rereadPageStart).
   */
  'tifa:stored-changed': { request: {}; response: void };
  /**
   * popup → background: formulations in a page's text that the glossary lacks (src/brief/radar.ts),
   * leaving out those the reader dismissed (normalised forms).
   */
  'tifa:new-formulations': { request: { text: string; dismissed: string[] }; response: { found: NewFormulation[] } };
  /** content → background: the page's distinct term count changed (for the badge). */
  'tifa:report-changed': { request: PageCount; response: void };
  /** content → background: open the options page, optionally at an entry (`optionsEntryHash`). */
  'tifa:open-options': { request: { entryId?: string }; response: void };
  /**
   * content → background: inject a script loaded on demand into the sending frame (the tooltip UI,
   * entrypoints/tooltip-ui.ts; the wrapping painter, entrypoints/wrap-painter.ts); false if it could not.
   */
  'tifa:load-script': { request: { script: OnDemandScript }; response: boolean };
  /**
   * content → background: a sub-frame running the content script, shown again from the back/forward
   * cache, asks to be told of changes again (src/background/session-frames.ts).
   */
  'tifa:keep-frame': { request: {}; response: void };
  /**
   * A small sub-frame's tooltip, shown in the top frame where it can be read (src/tooltip/frame-host.ts;
   * `declined` when the pointer has left that frame since, and the frame should show nothing):
   * the sub-frame's tooltip → background → the top frame's frame host (`show`, `close`, `act`), and
   * the host → background → that sub-frame (`closed`: the top frame closed it on its own). The
   * background adds `frameId`, the sub-frame's, to what it forwards.
   */
  'tifa:frame-tooltip': { request: FrameTooltipMessage; response: { shown: boolean; declined?: boolean } };
}

/** A rectangle in a frame's viewport (CSS pixels). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What flows between a small frame's tooltip and the top frame's frame host (`tifa:frame-tooltip`). */
export type FrameTooltipMessage = (
  | {
      op: 'show';
      /** The sub-frame's index in its parent's `frames`, from the top frame down. */
      path: number[];
      /** The term's box in the sub-frame's viewport. */
      anchor: Box;
      entry: Entry;
      /** The term as written on the page. */
      text: string;
      /** The page's text around it, which tells the script it is written in. */
      sample: string;
      /** The term's surroundings are dark. */
      dark: boolean;
      /** Opened by keyboard: announced, and not closed by the pointer. */
      announce: boolean;
      language: 'zh' | 'en' | 'both';
      /** When the pointer last moved in the frame (`Date.now()`; 0 when opened by keyboard): the top frame declines if it has seen the pointer elsewhere since. */
      movedAt: number;
    }
  /** `force`: closed by the reader or the page (Escape, scroll); otherwise the pointer left the term, and the host keeps a tooltip the pointer reached. */
  | { op: 'close'; force: boolean }
  /** The key or click that shows the details (`more`), copies the English (`copy`) or pins the tooltip (`pin`). */
  | { op: 'act'; action: 'more' | 'copy' | 'pin' }
  | { op: 'closed' }
) & { frameId?: number };

/** The requests a page's content script answers (its top frame, through `askPage`); the background answers the rest. */
type PageRequestType = 'tifa:page-report' | 'tifa:page-count' | 'tifa:reveal' | 'tifa:stored-changed';
export type PageRequest = { [K in PageRequestType]: RequestOf<K> }[PageRequestType];
export type BackgroundRequestType = Exclude<RequestType, PageRequestType>;

/** The most page text the popup reads and sends for new formulations (characters). */
export const MAX_PAGE_TEXT = 300_000;

/**
 * The scripts a content script may ask the background to inject into its frame. page-content is the
 * content script itself, asked for by a sub-frame's gate (src/page/frame-gate.ts) once the frame
 * holds Chinese text.
 */
const ON_DEMAND_SCRIPTS = ['tooltip-ui', 'wrap-painter', 'page-content'] as const;

/** The script the background injects into a tab's top frame to show small frames' tooltips (entrypoints/frame-tooltip.ts). */
export const FRAME_TOOLTIP_SCRIPT = 'frame-tooltip';
export type OnDemandScript = (typeof ON_DEMAND_SCRIPTS)[number];

export type RequestType = keyof Protocol;
export type Request = { [K in RequestType]: { type: K } & Protocol[K]['request'] }[RequestType];
export type RequestOf<K extends RequestType> = { type: K } & Protocol[K]['request'];
export type ResponseOf<K extends RequestType> = Protocol[K]['response'];

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBox = (v: unknown): v is Box =>
  typeof v === 'object' && v !== null && ['left', 'top', 'width', 'height'].every((k) => isNumber((v as Record<string, unknown>)[k]));
const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && isInt((v as Span).start) && isInt((v as Span).end) && ((v as Span).id === undefined || isString((v as Span).id));

const validators: { [K in RequestType]: (m: Record<string, unknown>) => boolean } = {
  'tifa:get-glossary': () => true,
  'tifa:get-page-glossary': () => true,
  'tifa:get-entries': (m) => Array.isArray(m.ids) && m.ids.length <= 1000 && m.ids.every(isString),
  'tifa:name-entries': (m) =>
    Array.isArray(m.keys) && m.keys.length <= 20_000 && m.keys.every(isString) && (m.entries === undefined || typeof m.entries === 'boolean'),
  'tifa:in-page-script': (m) =>
    isString(m.sample) && m.sample.length <= 2000 && Array.isArray(m.texts) && m.texts.length <= 1000 && m.texts.every(isString),
  'tifa:segment-check': (m) =>
    isString(m.text) &&
    m.text.length <= 200_000 &&
    Array.isArray(m.candidates) &&
    m.candidates.length <= 20_000 &&
    m.candidates.every(isSpan) &&
    (m.terms === undefined || (Array.isArray(m.terms) && m.terms.length <= 20_000 && m.terms.every((t) => isString((t as { key?: unknown } | null)?.key)))),
  'tifa:page-report': () => true,
  'tifa:page-count': () => true,
  'tifa:reveal': (m) => isString(m.id),
  'tifa:stored-changed': () => true,
  'tifa:new-formulations': (m) =>
    isString(m.text) && m.text.length <= MAX_PAGE_TEXT && Array.isArray(m.dismissed) && m.dismissed.length <= 10_000 && m.dismissed.every(isString),
  'tifa:report-changed': (m) => isInt(m.count) && typeof m.enabled === 'boolean' && typeof m.partial === 'boolean',
  'tifa:open-options': (m) => m.entryId === undefined || isString(m.entryId),
  'tifa:load-script': (m) => (ON_DEMAND_SCRIPTS as readonly unknown[]).includes(m.script),
  'tifa:keep-frame': () => true,
  'tifa:frame-tooltip': (m) => (m.frameId === undefined || isInt(m.frameId)) && validFrameTooltip(m),
};

function validFrameTooltip(m: Record<string, unknown>): boolean {
  switch (m.op) {
    case 'show': {
      const entry = m.entry as Record<string, unknown> | null;
      return (
        Array.isArray(m.path) &&
        m.path.length > 0 &&
        m.path.length <= 32 &&
        m.path.every(isInt) &&
        isBox(m.anchor) &&
        typeof entry === 'object' &&
        entry !== null &&
        isString(entry.id) &&
        isString(entry.term) &&
        isString(m.text) &&
        m.text.length <= 200 &&
        isString(m.sample) &&
        m.sample.length <= 2000 &&
        typeof m.dark === 'boolean' &&
        typeof m.announce === 'boolean' &&
        isNumber(m.movedAt) &&
        ['zh', 'en', 'both'].includes(m.language as string)
      );
    }
    case 'close':
      return typeof m.force === 'boolean';
    case 'act':
      return ['more', 'copy', 'pin'].includes(m.action as string);
    case 'closed':
      return true;
    default:
      return false;
  }
}

/** The request, if `message` is a well-formed Tifa request; otherwise undefined (ignored). */
export function parseRequest(message: unknown): Request | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  const type = m.type;
  if (!isString(type) || !Object.hasOwn(validators, type)) return undefined;
  return validators[type as RequestType](m) ? (m as unknown as Request) : undefined;
}

// --- answers and the error channel ----------------------------------------------------------------

/**
 * The key of a failed handler's answer, `{ 'tifa:error': message }`. A success is answered with the
 * value itself, as before there was an error channel (the e2e tests and the benchmark read answers
 * raw), so a failure needs a key no response has.
 */
const FAILED = 'tifa:error';

/** Who sent a request: the frame (tab and frame id) for a content script. */
export interface Sender {
  tab?: { id?: number };
  frameId?: number;
  /** Chromium: 'active' for the document a tab shows (also 'prerender', 'cached', 'pending_deletion'). */
  documentLifecycle?: string;
}

/** One context's handler for each request it answers. */
export type Handlers<K extends RequestType> = {
  [T in K]: (request: RequestOf<T>, sender: Sender) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/**
 * Answers every request `parse` accepts and `handlers` has a handler for, until `signal` aborts:
 * with the handler's value, or `{ 'tifa:error': message }` when it throws or rejects, which
 * `sendRequest` and `sendToTab` turn back into a rejection. Other messages are left to other listeners.
 */
export function answerRequests<K extends RequestType>(
  handlers: Handlers<K>,
  parse: (message: unknown) => Request | undefined,
  signal: AbortSignal,
): void {
  listen(
    browser.runtime.onMessage,
    (message: unknown, sender: Sender, respond?: (answer: unknown) => void) => {
      const request = parse(message);
      const handler = request && (handlers as unknown as Record<string, (request: Request, sender: Sender) => unknown>)[request.type];
      if (!handler) return undefined;
      const answer = (async () => handler(request, sender))().catch((error: unknown) => ({ [FAILED]: String(error) }));
      // Browsers pass `respond` and keep the channel open on `true`; WXT's fake browser (unit tests)
      // passes none and reads the promise a listener returns, as Firefox also allows.
      if (!respond) return answer;
      void answer.then(respond);
      return true;
    },
    signal,
  );
}

/** The value of an answer, or a rejection when the handler failed. */
function valueOf<T>(answer: unknown): T {
  const failure = (answer as Record<string, string> | undefined)?.[FAILED];
  if (failure) throw new Error(failure);
  return answer as T;
}

/** Sends a typed request to the background (or any extension page listening); rejects when its handler failed. */
export async function sendRequest<K extends RequestType>(request: RequestOf<K>): Promise<ResponseOf<K>> {
  return valueOf(await browser.runtime.sendMessage(request));
}

/** Sends a typed request to a tab's content script (top frame unless frameId is given); rejects when its handler failed. */
export async function sendToTab<K extends RequestType>(tabId: number, request: RequestOf<K>, frameId = 0): Promise<ResponseOf<K>> {
  return valueOf(await browser.tabs.sendMessage(tabId, request, { frameId }));
}

const NOT_RUNNING = 'Tifa is not running in this page';

/**
 * Asks a tab's page (the content script of its top frame) a page request; rejects where Tifa is not
 * running and when the answer failed. Not a message: `answerInPage` runs in the content script's
 * world (scripting.executeScript) and calls the running instance's handle. So no page holds a
 * runtime.onMessage listener (woken by every message sent to its tab) for the few times the popup
 * opens or the badge's settings change.
 */
export async function askPage<K extends PageRequestType>(tabId: number, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const [injection] = await answerIn({ tabId, frameIds: [0] }, request);
  return valueOf(injection?.result ?? { [FAILED]: NOT_RUNNING });
}

/** A frame of a tab, as scripting.executeScript targets it (0: the top frame). */
export interface FrameRef {
  tabId: number;
  frameId: number;
}

/**
 * Tells each of `frames` a page request and drops the answers. Resolves with the frames it could not
 * reach (a browser page, a frame or tab gone since); a frame whose content script is not running
 * answers so, and was reached.
 */
export async function tellFrames<F extends FrameRef>(request: PageRequest, frames: readonly F[]): Promise<F[]> {
  const unreached: F[] = [];
  // One call a frame: one frame gone fails a call naming several.
  await Promise.all(frames.map((frame) => answerIn({ tabId: frame.tabId, frameIds: [frame.frameId] }, request).catch(() => void unreached.push(frame))));
  return unreached;
}

/** Runs answerInPage in the frames of `target`: the content script's world, where its handle is. */
function answerIn(target: Parameters<typeof browser.scripting.executeScript>[0]['target'], request: unknown) {
  return browser.scripting.executeScript({ target, func: answerInPage, args: [CONTENT_HANDLE, request, NOT_RUNNING] });
}

/**
 * Runs in the page: executeScript sends only its source, so everything it uses is passed in. A
 * failure is answered as `{ 'tifa:error': message }` (FAILED), which Chromium would otherwise drop.
 */
async function answerInPage(handleKey: string, request: unknown, notRunning: string): Promise<unknown> {
  const handle = (globalThis as unknown as Record<symbol, { answer?(request: unknown): Promise<unknown> } | undefined>)[Symbol.for(handleKey)];
  try {
    if (!handle?.answer) throw new Error(notRunning);
    return await handle.answer(request);
  } catch (error) {
    return { 'tifa:error': String(error) };
  }
}

// --- lifetimes -------------------------------------------------------------------------------------

interface BrowserEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/**
 * Adds a listener to a browser.* event (runtime.onMessage, tabs.onUpdated …) until `signal` aborts:
 * what `{ signal }` does for DOM listeners, which browser events lack.
 */
export function listen<L>(event: BrowserEvent<L>, listener: L, signal: AbortSignal): void {
  event.addListener(listener);
  onAbort(signal, () => event.removeListener(listener));
}

/** Runs `stop` when `signal` aborts: how a part's own stop function joins its context's lifetime. */
export function onAbort(signal: AbortSignal, stop: () => void): void {
  signal.addEventListener('abort', stop);
}

// --- shared handles and addresses ----------------------------------------------------------------

/**
 * Where an on-demand script (`tifa:load-script`) meets the content script waiting for it:
 * `Symbol.for('tifa.<script>')` on the global of the isolated world both run in, which page scripts
 * never see.
 */
const onDemandHook = (script: OnDemandScript): symbol => Symbol.for(`tifa.${script}`);
type Hooks = Record<symbol, ((value: unknown) => void) | undefined>;

/** Called by the injected script: hands what it carries to the content script waiting for it. */
export function registerOnDemand(script: OnDemandScript, value: unknown): void {
  (globalThis as unknown as Hooks)[onDemandHook(script)]?.(value);
}

/**
 * Asks the background to inject `script` into this frame and resolves with what it registers. No
 * network request and no web-accessible resource: the script comes from the extension package.
 */
export function loadOnDemand<T>(script: OnDemandScript): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    (globalThis as unknown as Hooks)[onDemandHook(script)] = resolve as (value: unknown) => void;
    // executeScript resolves after the script ran, so by the answer the hook has been called and
    // this rejection changes nothing; without it the script never ran.
    const failed = () => reject(new Error(`${script} not injected`));
    sendRequest({ type: 'tifa:load-script', script }).then(failed, failed);
  });
}

/**
 * Where a running content script keeps its handle (src/page/start.ts) on the isolated world's global:
 * `Symbol.for(CONTENT_HANDLE)`. Read by the popup's page reader (src/brief/page-excerpts.ts), which
 * is injected as a function and so gets the key as an argument.
 */
export const CONTENT_HANDLE = 'tifa.content';

/** Where a frame's content script publishes its page report to its parent frame (src/page/report.ts). */
export const FRAME_REPORT = 'tifa.frame-report';

/**
 * The service worker's global through which the e2e tests click "Add to Tifa glossary" (headless
 * Chromium opens no native menus): the very handler the menu calls (src/background/context-menu.ts).
 */
export const MENU_CLICK_HOOK = 'tifaOnMenuClick';

/** The options page's address at an entry: `#entry=<id>` (opened by `tifa:open-options`, read by the options page). */
export const optionsEntryHash = (entryId: string): string => `#entry=${encodeURIComponent(entryId)}`;

/** The first-run page inside the extension (entrypoints/welcome): opened on install and from the popup. */
export const WELCOME_PATH = '/welcome.html';
