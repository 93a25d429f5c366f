import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildDraft, draftUrl, MENU_ID, onMenuClick } from './context-menu';

describe('buildDraft', () => {
  test('term, sentence, page; no pinyin (the options page suggests it: the worker bundles no pinyin dictionary)', () => {
    expect(buildDraft(' 一带一路 ', '推进“一带一路”建设。', 'https://news.cn/a.htm')).toEqual({
      term: '一带一路',
      source: '推进“一带一路”建设。',
      origin: 'https://news.cn/a.htm',
    });
  });

  test('the selection stands in for a missing sentence', () => {
    expect(buildDraft('first secretary', undefined, 'https://a.org/')).toEqual({
      term: 'first secretary',
      source: 'first secretary',
      origin: 'https://a.org/',
    });
    expect(buildDraft('第1书记', '', undefined)).toEqual({ term: '第1书记', source: '第1书记' });
  });

  test('browser-internal addresses are not recorded as origins; long selections are capped', () => {
    const draft = buildDraft('长'.repeat(100), undefined, 'chrome-extension://x/y.html');
    expect(draft.term).toHaveLength(60);
    expect(draft.origin).toBeUndefined();
  });

  test('draftUrl round-trips through the hash', () => {
    const draft = buildDraft('两个维护', '做到“两个维护”。#&?', 'https://x.cn/?a=1&b=2#c');
    const url = draftUrl('chrome-extension://id/options.html', draft);
    const hash = new URL(url).hash;
    expect(hash.startsWith('#draft=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(hash.slice('#draft='.length)))).toEqual(draft);
  });
});

describe('onMenuClick', () => {
  beforeEach(() => fakeBrowser.reset());

  test('opens the options page with the draft next to the tab, falling back to the selection text', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/news' });
    // The fake browser delivers no tab messages (as a page without our content script): the selection
    // text stands in for the sentence.
    await onMenuClick({ menuItemId: MENU_ID, selectionText: '三会一课', pageUrl: 'https://example.com/news' }, tab);
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((t) => t.url?.includes('options.html'));
    expect(opened).toBeDefined();
    const draft = JSON.parse(decodeURIComponent(new URL(opened!.url!).hash.slice('#draft='.length)));
    expect(draft).toEqual({ term: '三会一课', source: '三会一课', origin: 'https://example.com/news' });
  });

  test('ignores other menu items and empty selections', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    await onMenuClick({ menuItemId: 'other', selectionText: '两个维护' }, undefined);
    await onMenuClick({ menuItemId: MENU_ID, selectionText: '   ' }, undefined);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});
