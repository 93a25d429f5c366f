// Where Tifa runs: per-site rules and the kinds of page it can never run on.
// Pure module: no DOM, no browser APIs, and no zod (the content script imports it and must stay tiny),
// so it accepts settings that an older version stored with fields missing.
import type { Settings, SiteRule } from '@/src/settings/settings';

export type SiteSettings = Partial<Pick<Settings, 'siteMode' | 'siteRules' | 'paused'>>;

/**
 * Why Tifa cannot run on a page, or 'ok'. Content scripts only run on http(s) pages, and browsers
 * refuse extensions on their own pages, their add-on stores and their PDF viewer.
 */
export type PageKind = 'ok' | 'browser' | 'store' | 'file' | 'pdf' | 'unknown';

// Stores where browsers block content scripts whatever the manifest says.
const STORES: Array<{ host: string; path?: string }> = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

export function pageKind(url: string | undefined): PageKind {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      break;
    case 'file:':
      return /\.pdf$/i.test(parsed.pathname) ? 'pdf' : 'file';
    default:
      // chrome:, about:, edge:, chrome-extension:, moz-extension:, view-source:, data:, blob: …
      return 'browser';
  }
  const host = parsed.hostname.toLowerCase();
  if (STORES.some((s) => s.host === host && (!s.path || parsed.pathname.startsWith(s.path)))) return 'store';
  // The PDF viewer shows the document's own address; its extension is the only reliable sign we get.
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'ok';
}

/**
 * The host a rule is written for: lower case, no trailing dot, and no leading "www." — people think
 * of www.example.com and example.com as one site, and a switch flipped on one should hold on the other.
 */
export function normaliseHost(host: string): string {
  // Tolerate a pasted address or a port ("https://example.com/a", "example.com:8080") in a rule.
  const bare = host.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d*$/, '');
  return bare.replace(/\.$/, '').replace(/^www\./, '');
}

/** The rule host for a page address, or undefined when the address has no host Tifa can run on. */
export function siteHostOf(url: string | undefined): string | undefined {
  const host = pageKind(url) === 'ok' ? webHostOf(addressOf(url)) : undefined;
  return host && normaliseHost(host);
}

/**
 * A page's address in parts: a parsed URL, or in the content script the page's own `location`,
 * whose parts are there to read (parsing its text was the world's first use of URL: ~0.2 ms of a
 * page load, docs/page-cost.md).
 */
export type PageAddress = Pick<URL, 'protocol' | 'hostname'>;

/** The parts of `url`; undefined when it is no address (parsed as site-watch.ts's tabPage parses an origin). */
const addressOf = (url: string | undefined): PageAddress | undefined => URL.parse(url ?? '') ?? undefined;

// The content script only ever runs on web pages, so it needs no store or PDF list (kept out of its
// bundle by using this rather than siteHostOf): any http(s) address has a host a rule can speak for.
// The host as the address gives it, normalised only where a rule is compared with it (ruleFor), and
// the protocol compared without a regular expression: each one a world runs for the first time is
// compiled then (tens of µs), and a page with no site rule, as most readers have, now runs none of
// the six it ran on every load to find its host.
function webHostOf(page: PageAddress | undefined): string | undefined {
  const protocol = page?.protocol;
  return protocol === 'http:' || protocol === 'https:' ? page?.hostname : undefined;
}

/**
 * The rule that decides `host`: an exact rule beats any subdomain rule, and among subdomain rules the
 * longest (most specific) host wins, so "news.example.com on" can carve an exception out of
 * "example.com and its subdomains off".
 */
export function ruleFor(rules: readonly SiteRule[], host: string): SiteRule | undefined {
  let best: SiteRule | undefined;
  let bestScore = -1;
  /** Normalised at the first rule, once: with no rules, no regular expression runs (webHostOf says why). */
  let h: string | undefined;
  for (const rule of rules) {
    h ??= normaliseHost(host);
    const r = normaliseHost(rule.host);
    // Exact matches score above any subdomain match of any length.
    const score = r === h ? 1e6 : rule.includeSubdomains && h.endsWith(`.${r}`) ? r.length : -1;
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/** What a site gets when no rule speaks for it. */
const defaultFor = (settings: SiteSettings): boolean => (settings.siteMode ?? 'everywhere') === 'everywhere';

/**
 * Whether the site rules let Tifa run on `url` (ignoring the global pause). In 'everywhere' mode a site
 * is on unless a rule switches it off; in 'listed' mode it is off unless a rule switches it on.
 * Addresses without a web host are off; whether the browser lets Tifa in at all (stores, the PDF
 * viewer) is pageKind's question.
 */
export function isSiteEnabled(settings: SiteSettings, url: string | undefined): boolean {
  return isSiteEnabledAt(settings, addressOf(url));
}

/** isSiteEnabled for an address in parts (the content script's: see PageAddress). */
function isSiteEnabledAt(settings: SiteSettings, page: PageAddress | undefined): boolean {
  const host = webHostOf(page);
  if (host === undefined) return false;
  return ruleFor(settings.siteRules ?? [], host)?.enabled ?? defaultFor(settings);
}

/** Whether Tifa should highlight on `url` right now: the site is on and Tifa is not paused. */
export function isActiveOn(settings: SiteSettings, url: string | undefined): boolean {
  return isActiveAt(settings, addressOf(url));
}

/** isActiveOn for an address in parts (the content script's: see PageAddress). */
export function isActiveAt(settings: SiteSettings, page: PageAddress | undefined): boolean {
  return !(settings.paused ?? false) && isSiteEnabledAt(settings, page);
}

/**
 * The rules after switching the site of `url` on or off. Touches only the rule for exactly that host:
 * other sites keep their state. Keeps the list short: an exact rule that would only repeat what the
 * mode or a parent rule already gives is removed rather than written.
 */
export function setSiteEnabled(settings: SiteSettings, url: string, enabled: boolean): SiteRule[] {
  const rules = settings.siteRules ?? [];
  const host = siteHostOf(url);
  if (host === undefined) return [...rules];
  const others = rules.filter((r) => normaliseHost(r.host) !== host);
  const exact = rules.find((r) => normaliseHost(r.host) === host);
  const inherited = ruleFor(others, host)?.enabled ?? defaultFor(settings);
  // A rule that also covers subdomains says more than this host's state: flip it, never drop it.
  if (exact?.includeSubdomains) return rules.map((r) => (r === exact ? { ...r, enabled } : r));
  if (inherited === enabled) return others;
  return [...others, { host, includeSubdomains: false, enabled }];
}
