import { describe, expect, test } from 'vitest';
import type { SiteRule } from './settings';
import { isActiveOn, isSiteEnabled, normaliseHost, pageKind, ruleFor, setSiteEnabled, siteHostOf } from './site-rules';

const off = (host: string, includeSubdomains = false): SiteRule => ({ host, includeSubdomains, enabled: false });
const on = (host: string, includeSubdomains = false): SiteRule => ({ host, includeSubdomains, enabled: true });

describe('pageKind', () => {
  test.each([
    ['https://www.xinhuanet.com/politics/a.htm', 'ok'],
    ['http://127.0.0.1:8080/news/demo.html', 'ok'],
    ['chrome://extensions/', 'browser'],
    ['about:blank', 'browser'],
    ['edge://settings', 'browser'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', 'browser'],
    ['view-source:https://example.com/', 'browser'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://chrome.google.com/search', 'ok'],
    ['https://addons.mozilla.org/zh-CN/firefox/', 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
    ['file:///home/me/notes.html', 'file'],
    ['file:///home/me/report.PDF', 'pdf'],
    ['https://www.gov.cn/zhengce/report.pdf', 'pdf'],
    ['not a url', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('hosts', () => {
  test('rule hosts compare without case, www., trailing dot, scheme, path or port', () => {
    expect(normaliseHost('WWW.People.com.cn.')).toBe('people.com.cn');
    expect(normaliseHost(' https://www.example.com/a/b?c#d ')).toBe('example.com');
    expect(normaliseHost('example.com:8080')).toBe('example.com');
    expect(normaliseHost('[::1]')).toBe('[::1]');
    expect(normaliseHost('wwwx.example.com')).toBe('wwwx.example.com');
  });

  test('siteHostOf gives a host only where Tifa can run', () => {
    expect(siteHostOf('https://www.xinhuanet.com/x')).toBe('xinhuanet.com');
    expect(siteHostOf('http://localhost:5173/')).toBe('localhost');
    expect(siteHostOf('chrome://newtab')).toBeUndefined();
    expect(siteHostOf('https://a.org/doc.pdf')).toBeUndefined();
  });
});

describe('ruleFor', () => {
  test('an exact rule beats a covering subdomain rule, and the longest covering rule wins', () => {
    const rules = [off('example.com', true), on('news.example.com'), on('b.example.com', true)];
    expect(ruleFor(rules, 'news.example.com')).toEqual(on('news.example.com'));
    expect(ruleFor(rules, 'x.b.example.com')).toEqual(on('b.example.com', true));
    expect(ruleFor(rules, 'other.example.com')).toEqual(off('example.com', true));
    expect(ruleFor(rules, 'example.com')).toEqual(off('example.com', true));
  });

  test('a rule without includeSubdomains covers only its own host', () => {
    expect(ruleFor([off('example.com')], 'news.example.com')).toBeUndefined();
  });

  test('a suffix that is not a subdomain does not match', () => {
    expect(ruleFor([off('ample.com', true)], 'example.com')).toBeUndefined();
  });
});

describe('isSiteEnabled', () => {
  test('defaults: on everywhere', () => {
    expect(isSiteEnabled({}, 'https://example.com/')).toBe(true);
    expect(isSiteEnabled({ siteMode: 'everywhere', siteRules: [] }, 'https://example.com/')).toBe(true);
  });

  test("'everywhere' mode: on except sites switched off, others untouched", () => {
    const settings = { siteMode: 'everywhere' as const, siteRules: [off('example.com')] };
    expect(isSiteEnabled(settings, 'https://example.com/a')).toBe(false);
    expect(isSiteEnabled(settings, 'https://www.example.com/a')).toBe(false);
    expect(isSiteEnabled(settings, 'https://news.example.com/a')).toBe(true);
    expect(isSiteEnabled(settings, 'https://example.org/a')).toBe(true);
  });

  test("a page's host meets a rule however either is written (www., a trailing dot, case)", () => {
    const settings = { siteMode: 'everywhere' as const, siteRules: [off('WWW.Example.com.')] };
    expect(isSiteEnabled(settings, 'https://WWW.EXAMPLE.com./a')).toBe(false);
    expect(isSiteEnabled(settings, 'http://example.com:8080/')).toBe(false);
    expect(isSiteEnabled(settings, 'https://www.example.org/')).toBe(true);
    expect(isSiteEnabled({ siteMode: 'listed', siteRules: [on('example.com')] }, 'https://www.example.com./')).toBe(true);
  });

  test("'listed' mode: off except listed sites", () => {
    const settings = { siteMode: 'listed' as const, siteRules: [on('people.com.cn', true)] };
    expect(isSiteEnabled(settings, 'http://cpc.people.com.cn/n1/')).toBe(true);
    expect(isSiteEnabled(settings, 'http://people.com.cn/')).toBe(true);
    expect(isSiteEnabled(settings, 'https://xinhuanet.com/')).toBe(false);
  });

  test('never on addresses without a web host', () => {
    expect(isSiteEnabled({}, 'chrome://settings')).toBe(false);
    expect(isSiteEnabled({}, 'file:///tmp/a.html')).toBe(false);
    expect(isSiteEnabled({}, 'about:blank')).toBe(false);
    expect(isSiteEnabled({}, undefined)).toBe(false);
  });

  test('pause turns Tifa off everywhere without touching the site state', () => {
    expect(isActiveOn({ paused: true }, 'https://example.com/')).toBe(false);
    expect(isSiteEnabled({ paused: true }, 'https://example.com/')).toBe(true);
    expect(isActiveOn({ paused: false }, 'https://example.com/')).toBe(true);
  });
});

describe('setSiteEnabled', () => {
  test("'everywhere' mode: switching off adds an off rule, switching on again removes it", () => {
    const offRules = setSiteEnabled({}, 'https://www.example.com/page', false);
    expect(offRules).toEqual([off('example.com')]);
    expect(isSiteEnabled({ siteRules: offRules }, 'https://www.example.com/other')).toBe(false);
    expect(setSiteEnabled({ siteRules: offRules }, 'https://example.com/', true)).toEqual([]);
  });

  test('leaves other sites alone', () => {
    const rules = [off('a.com'), on('b.com')];
    const next = setSiteEnabled({ siteRules: rules }, 'https://c.com/', false);
    expect(next).toEqual([off('a.com'), on('b.com'), off('c.com')]);
    for (const url of ['https://a.com/', 'https://b.com/']) {
      expect(isSiteEnabled({ siteRules: next }, url)).toBe(isSiteEnabled({ siteRules: rules }, url));
    }
  });

  test("'listed' mode: switching on lists the site, switching off unlists it", () => {
    const listed = setSiteEnabled({ siteMode: 'listed' }, 'http://127.0.0.1:3000/', true);
    expect(listed).toEqual([on('127.0.0.1')]);
    expect(setSiteEnabled({ siteMode: 'listed', siteRules: listed }, 'http://127.0.0.1/', false)).toEqual([]);
  });

  test('a subdomain under a covering rule gets its own exception', () => {
    const settings = { siteRules: [off('example.com', true)] };
    const next = setSiteEnabled(settings, 'https://news.example.com/', true);
    expect(next).toEqual([off('example.com', true), on('news.example.com')]);
    expect(isSiteEnabled({ siteRules: next }, 'https://news.example.com/')).toBe(true);
    expect(isSiteEnabled({ siteRules: next }, 'https://sport.example.com/')).toBe(false);
  });

  test('a rule that covers subdomains is flipped, not dropped', () => {
    const settings = { siteMode: 'listed' as const, siteRules: [on('example.com', true)] };
    const next = setSiteEnabled(settings, 'https://example.com/', false);
    expect(next).toEqual([off('example.com', true)]);
    const back = setSiteEnabled({ ...settings, siteRules: next }, 'https://example.com/', true);
    expect(back).toEqual([on('example.com', true)]);
  });

  test('switching to the state a site already has changes nothing', () => {
    expect(setSiteEnabled({}, 'https://example.com/', true)).toEqual([]);
    expect(setSiteEnabled({ siteRules: [off('x.com')] }, 'https://x.com/', false)).toEqual([off('x.com')]);
  });

  test('pages Tifa cannot run on keep the rules as they are', () => {
    expect(setSiteEnabled({ siteRules: [off('a.com')] }, 'chrome://newtab', false)).toEqual([off('a.com')]);
  });

  test('every switch ends in the requested state (round trips over mixed rules)', () => {
    const rules = [off('example.com', true), on('news.example.com'), on('www.c.org')];
    for (const mode of ['everywhere', 'listed'] as const) {
      for (const url of ['https://example.com/', 'https://news.example.com/', 'https://a.example.com/', 'https://c.org/', 'https://d.net/']) {
        for (const want of [true, false]) {
          const next = setSiteEnabled({ siteMode: mode, siteRules: rules }, url, want);
          expect(isSiteEnabled({ siteMode: mode, siteRules: next }, url), `${mode} ${url} ${want}`).toBe(want);
        }
      }
    }
  });
});
