import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Sender } from '@/src/messages';
import { badgeText, countRidingAlong, startBadge } from './badge';

test('the badge shows the distinct term count only where Tifa is on and the badge is wanted', () => {
  expect(badgeText({ count: 7, enabled: true, partial: false }, true)).toBe('7');
  expect(badgeText({ count: 7, enabled: false, partial: false }, true)).toBe('');
  expect(badgeText({ count: 7, enabled: true, partial: false }, false)).toBe('');
  expect(badgeText({ count: 0, enabled: true, partial: false }, true)).toBe('');
  expect(badgeText(undefined, true)).toBe('');
  expect(badgeText({ count: 1500, enabled: true, partial: false }, true)).toBe('999+');
});

test('a long page read only in part shows its count so far as a lower bound', () => {
  expect(badgeText({ count: 12, enabled: true, partial: true }, true)).toBe('12+');
  expect(badgeText({ count: 1500, enabled: true, partial: true }, true)).toBe('999+');
  expect(badgeText({ count: 12, enabled: false, partial: true }, true)).toBe('');
});

describe('the count that rides along a segmentation request', () => {
  let life: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    life = new AbortController();
    startBadge(life.signal);
  });
  afterEach(() => life.abort());
  const top = { tab: { id: 7 }, frameId: 0 } as Sender;

  test('counts the entries held and those of the confirmed spans, once each, and tells the badge', async () => {
    const terms = [{ key: '#0@v' }, { key: '#1@v' }];
    const spans = [
      { start: 0, end: 2, id: '#2@v' },
      { start: 5, end: 7, id: '#2@v' },
      { start: 9, end: 11, id: '#0@v' },
      { start: 12, end: 14, id: '#3@v' },
    ];
    const told = countRidingAlong(terms, top, true)(spans, [true, true, true, false]);
    // The page's own PageCount, as it writes it (src/page/session.ts): it compares the two strings.
    expect(told).toBe(JSON.stringify({ enabled: true, count: 3, partial: false }));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3'));
  });

  test('nothing held and nothing confirmed: the badge is emptied, told as the page tells an empty one', async () => {
    // A page that held terms and lost them (its glossary changed, say) had a count on its badge.
    await fakeBrowser.action.setBadgeText({ tabId: 7, text: '5' });
    expect(countRidingAlong([], top, true)([{ start: 0, end: 2, id: '#2@v' }], [false])).toBe('');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(''));
  });

  test('a sub-frame, or a page the tab does not show, tells nothing: the page then tells its count itself', () => {
    const spans = [{ start: 0, end: 2, id: '#2@v' }];
    expect(countRidingAlong([], { tab: { id: 7 }, frameId: 3 } as Sender, true)(spans, [true])).toBeUndefined();
    expect(countRidingAlong([], { tab: { id: 7 }, frameId: 0, documentLifecycle: 'prerender' } as Sender, true)(spans, [true])).toBeUndefined();
    expect(countRidingAlong([], { frameId: 0 } as Sender, true)(spans, [true])).toBeUndefined();
  });

  test('a worker still loading jieba tells nothing: the reader may have moved on by its answer, and the page tells its own', () => {
    const spans = [{ start: 0, end: 2, id: '#2@v' }];
    expect(countRidingAlong([{ key: '#0@v' }], top, false)(spans, [true])).toBeUndefined();
    expect(countRidingAlong([{ key: '#0@v' }], top, true)(spans, [true])).toBe(JSON.stringify({ enabled: true, count: 2, partial: false }));
  });

  test('a tab that started a load while segmentation worked is not given the old page’s count', async () => {
    const spans = [{ start: 0, end: 2, id: '#2@v' }];
    const countOf = countRidingAlong([{ key: '#0@v' }], top, true);
    // Another tab's load changes nothing here.
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'loading' }, { id: 8 } as Browser.tabs.Tab);
    const other = countRidingAlong([{ key: '#0@v' }], top, true);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as Browser.tabs.Tab);
    expect(countOf(spans, [true])).toBeUndefined();
    expect(other(spans, [true])).toBeUndefined();
    // A request made on the new document is its own.
    expect(countRidingAlong([{ key: '#0@v' }], top, true)(spans, [true])).toBe(JSON.stringify({ enabled: true, count: 2, partial: false }));
    // The tab's other updates (its title, its load completing) leave the count alone.
    const complete = countRidingAlong([], top, true);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as Browser.tabs.Tab);
    expect(complete(spans, [true])).toBe(JSON.stringify({ enabled: true, count: 1, partial: false }));
  });
});
