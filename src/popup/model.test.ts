import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/src/settings/settings';
import { popupView, tabIdFromQuery, type ReportState } from './model';
import { langFor, STRINGS } from './strings';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const ok = (terms: Array<{ id: string; term: string; count: number }>, enabled = true): ReportState => ({
  status: 'ok',
  report: { enabled, terms },
});
const NEWS = 'https://www.xinhuanet.com/politics/2024/a.htm';

describe('popupView', () => {
  test('lists the page report’s terms with the total of mentions', () => {
    const view = popupView(NEWS, settings(), ok([{ id: 'a', term: '两个维护', count: 3 }, { id: 'b', term: '四个意识', count: 1 }]));
    expect(view.host).toBe('xinhuanet.com');
    expect(view.siteOn).toBe(true);
    expect(view.terms).toEqual({
      kind: 'terms',
      terms: [{ id: 'a', term: '两个维护', count: 3 }, { id: 'b', term: '四个意识', count: 1 }],
      total: 4,
    });
  });

  test('shows the display mode and the everyday switch from settings (first occurrence, no everyday words by default)', () => {
    expect([popupView(NEWS, settings(), ok([])).displayMode, popupView(NEWS, settings(), ok([])).showEveryday]).toEqual(['first', false]);
    const view = popupView(NEWS, settings({ displayMode: 'core', showEveryday: true }), ok([]));
    expect([view.displayMode, view.showEveryday]).toEqual(['core', true]);
  });

  test('a page without terms says so', () => {
    expect(popupView(NEWS, settings(), ok([])).terms).toEqual({ kind: 'empty' });
  });

  test.each([
    ['chrome://extensions', 'browser'],
    ['about:blank', 'browser'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['file:///tmp/a.html', 'file'],
    ['https://example.com/report.pdf', 'pdf'],
    [undefined, 'unknown'],
  ])('%s: Tifa cannot run there (%s), and there is no site switch', (url, reason) => {
    const view = popupView(url, settings(), { status: 'missing' });
    expect(view.terms).toEqual({ kind: 'unsupported', reason });
    expect(view.host).toBeUndefined();
  });

  test('a tab whose address the browser keeps from Tifa (no `tabs` permission: not http/https) is a page it cannot run on', () => {
    const view = popupView(undefined, settings(), { status: 'missing' }, true);
    expect(view.terms).toEqual({ kind: 'unsupported', reason: 'closed' });
    expect(view.host).toBeUndefined();
  });

  test('a switched-off site and the pause win over whatever the page last reported', () => {
    const offRules = settings({ siteRules: [{ host: 'xinhuanet.com', includeSubdomains: false, enabled: false }] });
    const view = popupView(NEWS, offRules, ok([{ id: 'a', term: '两个维护', count: 3 }]));
    expect(view.siteOn).toBe(false);
    expect(view.terms).toEqual({ kind: 'site-off' });
    const paused = popupView(NEWS, settings({ paused: true }), ok([{ id: 'a', term: '两个维护', count: 3 }]));
    expect(paused.terms).toEqual({ kind: 'paused' });
    expect(paused.siteOn).toBe(true);
  });

  test('no content script: offer a reload; still asking: loading; just switched on: loading', () => {
    expect(popupView(NEWS, settings(), { status: 'missing' }).terms).toEqual({ kind: 'reload' });
    expect(popupView(NEWS, settings(), { status: 'loading' }).terms).toEqual({ kind: 'loading' });
    expect(popupView(NEWS, settings(), ok([], false)).terms).toEqual({ kind: 'loading' });
  });
});

describe('tabIdFromQuery', () => {
  test('reads ?tab=<id> and nothing else', () => {
    expect(tabIdFromQuery('?tab=42')).toBe(42);
    expect(tabIdFromQuery('?x=1&tab=7')).toBe(7);
    expect(tabIdFromQuery('')).toBeUndefined();
    expect(tabIdFromQuery('?tab=')).toBeUndefined();
    expect(tabIdFromQuery('?tab=-3')).toBeUndefined();
    expect(tabIdFromQuery('?tab=1e3')).toBeUndefined();
    expect(tabIdFromQuery('?tab=99999999999999999999')).toBeUndefined();
  });
});

describe('strings', () => {
  test('Chinese for any zh locale, English otherwise', () => {
    expect(langFor('zh-CN')).toBe('zh');
    expect(langFor('zh-TW')).toBe('zh');
    expect(langFor('en-GB')).toBe('en');
    expect(langFor('de')).toBe('en');
    expect(langFor(undefined)).toBe('en');
  });

  test('both languages fill every string', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(STRINGS.zh)).toEqual(keys(STRINGS.en));
    expect(keys(STRINGS.zh.unsupported)).toEqual(keys(STRINGS.en.unsupported));
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        if (typeof value === 'string') expect(value.length, `${lang}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  test('English counts agree in number', () => {
    expect(STRINGS.en.termsSummary(1, 1)).toBe('1 term, 1 mention');
    expect(STRINGS.en.termsSummary(2, 5)).toBe('2 terms, 5 mentions');
    expect(STRINGS.zh.termsSummary(2, 5)).toBe('2 个提法，共 5 处');
  });
});
