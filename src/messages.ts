// One typed protocol for every message between content script, background, popup and options.
// Each request is declared once here and checked on receipt with `parseRequest`. The checks are
// hand-written rather than zod so the content script, which must stay tiny, can use them too.
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
}

export interface PageReport {
  enabled: boolean;
  terms: Array<{ id: string; term: string; count: number }>;
}

/** Every request, with the response it gets. */
interface Protocol {
  /** content/options → background: the effective glossary and the patterns compiled from it. */
  'tifa:get-glossary': { request: {}; response: { entries: Entry[]; patterns: Pattern[] } };
  /**
   * content → background: the page glossary (src/glossary/page-glossary.ts) encoded, when a page
   * found none in storage (just installed, or storage cleared); the background also stores it.
   */
  'tifa:get-page-glossary': { request: {}; response: { encoded: string } };
  /** content (tooltip) → background: the entries with these ids (those that exist), for explaining them. */
  'tifa:get-entries': { request: { ids: string[] }; response: { entries: Entry[] } };
  /** content → background: which ambiguous candidate spans are whole words by jieba segmentation. */
  'tifa:segment-check': { request: { text: string; candidates: Span[] }; response: { confirmed: boolean[] } };
  /** popup/tests → content (top frame): which terms the page holds. */
  'tifa:page-report': { request: {}; response: PageReport };
  /** popup → content: scroll to the next occurrence of an entry and open its tooltip. */
  'tifa:reveal': { request: { id: string }; response: { found: boolean } };
  /**
   * popup → background: formulations in a page's text that the glossary lacks (src/brief/radar.ts),
   * leaving out those the reader dismissed (normalised forms).
   */
  'tifa:new-formulations': { request: { text: string; dismissed: string[] }; response: { found: NewFormulation[]; error?: string } };
  /** content → background: the page's distinct term count changed (for the badge). */
  'tifa:report-changed': { request: { count: number; enabled: boolean }; response: void };
  /** content → background: open the options page, optionally at an entry. */
  'tifa:open-options': { request: { entryId?: string }; response: void };
  /**
   * content → background: inject a script loaded on demand into the sending frame (the tooltip UI,
   * entrypoints/tooltip-ui.ts; the wrapping painter, entrypoints/wrap-painter.ts); false if it could not.
   */
  'tifa:load-script': { request: { script: OnDemandScript }; response: boolean };
}

/** The most page text the popup reads and sends for new formulations (characters). */
export const MAX_PAGE_TEXT = 300_000;

/** The scripts a content script may ask the background to inject into its frame. */
const ON_DEMAND_SCRIPTS = ['tooltip-ui', 'wrap-painter'] as const;
export type OnDemandScript = (typeof ON_DEMAND_SCRIPTS)[number];

export type RequestType = keyof Protocol;
export type Request = { [K in RequestType]: { type: K } & Protocol[K]['request'] }[RequestType];
export type RequestOf<K extends RequestType> = { type: K } & Protocol[K]['request'];
export type ResponseOf<K extends RequestType> = Protocol[K]['response'];

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && isInt((v as Span).start) && isInt((v as Span).end);

const validators: { [K in RequestType]: (m: Record<string, unknown>) => boolean } = {
  'tifa:get-glossary': () => true,
  'tifa:get-page-glossary': () => true,
  'tifa:get-entries': (m) => Array.isArray(m.ids) && m.ids.length <= 1000 && m.ids.every(isString),
  'tifa:segment-check': (m) =>
    isString(m.text) &&
    m.text.length <= 200_000 &&
    Array.isArray(m.candidates) &&
    m.candidates.length <= 20_000 &&
    m.candidates.every(isSpan),
  'tifa:page-report': () => true,
  'tifa:reveal': (m) => isString(m.id),
  'tifa:new-formulations': (m) =>
    isString(m.text) && m.text.length <= MAX_PAGE_TEXT && Array.isArray(m.dismissed) && m.dismissed.length <= 10_000 && m.dismissed.every(isString),
  'tifa:report-changed': (m) => isInt(m.count) && typeof m.enabled === 'boolean',
  'tifa:open-options': (m) => m.entryId === undefined || isString(m.entryId),
  'tifa:load-script': (m) => (ON_DEMAND_SCRIPTS as readonly unknown[]).includes(m.script),
};

/**
 * The request, if `message` is one of the two a page's content script answers: the page report and
 * `tifa:reveal`. Checked here without the table above, which the size-capped content script would
 * otherwise carry whole.
 */
export function parsePageRequest(message: unknown): RequestOf<'tifa:page-report'> | RequestOf<'tifa:reveal'> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'tifa:page-report') return m as RequestOf<'tifa:page-report'>;
  if (m.type === 'tifa:reveal' && isString(m.id)) return m as RequestOf<'tifa:reveal'>;
  return undefined;
}

/** The request, if `message` is a well-formed Tifa request; otherwise undefined (ignored). */
export function parseRequest(message: unknown): Request | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  const type = m.type;
  if (!isString(type) || !Object.hasOwn(validators, type)) return undefined;
  return validators[type as RequestType](m) ? (m as unknown as Request) : undefined;
}

/** Sends a typed request to the background (or any extension page listening). */
export function sendRequest<K extends RequestType>(request: RequestOf<K>): Promise<ResponseOf<K>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<K>>;
}

/** Sends a typed request to a tab's content script (top frame unless frameId is given). */
export function sendToTab<K extends RequestType>(
  tabId: number,
  request: RequestOf<K>,
  frameId = 0,
): Promise<ResponseOf<K>> {
  return browser.tabs.sendMessage(tabId, request, { frameId }) as Promise<ResponseOf<K>>;
}
