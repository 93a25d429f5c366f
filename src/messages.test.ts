import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '@/src/glossary/schema';
import { answerRequests, CONTENT_HANDLE, parseRequest, sendRequest, tellFrames } from './messages';

describe('parseRequest', () => {
  test('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'tifa:page-report' })).toEqual({ type: 'tifa:page-report' });
    expect(parseRequest({ type: 'tifa:page-count' })).toEqual({ type: 'tifa:page-count' });
    expect(parseRequest({ type: 'tifa:name-entries', keys: ['#0@v'], entries: true })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:name-entries', keys: [0] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: '党组织', candidates: [{ start: 0, end: 2 }] })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:segment-check', text: '党组织', candidates: [{ start: 0, end: 2, id: '#3@v' }], terms: [{ key: '#0@v', count: 2 }] })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:reveal', id: 'dang-zu' })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:in-page-script', sample: '黨組織', texts: ['两个维护'] })).toBeTruthy();
  });
  test('rejects anything else', () => {
    expect(parseRequest(null)).toBeUndefined();
    expect(parseRequest('tifa:page-report')).toBeUndefined();
    expect(parseRequest({ type: 'other' })).toBeUndefined();
    expect(parseRequest({ type: 'toString' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:reveal' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: 'x', candidates: [{ start: 'a', end: 1 }] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: 'x', candidates: [{ start: 0, end: 1, id: 3 }] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: 'x', candidates: [], terms: ['#0@v'] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:segment-check', text: 'x', candidates: [], terms: [null] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:report-changed', count: 1.5, enabled: true })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:in-page-script', sample: '黨'.repeat(2001), texts: [] })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:in-page-script', sample: '黨', texts: [1] })).toBeUndefined();
  });
});

describe('tifa:frame-tooltip', () => {
  const show = {
    type: 'tifa:frame-tooltip',
    op: 'show',
    path: [0, 2],
    anchor: { left: 10, top: 20, width: 64, height: 22 },
    entry: { id: 'liang-ge-weihu', term: '两个维护' },
    text: '两个维护',
    sample: '会议要求做到两个维护',
    dark: false,
    announce: false,
    language: 'both',
    movedAt: 1_700_000_000_000,
  };
  test('accepts each operation, with the frame id the background adds', () => {
    expect(parseRequest(show)).toBeTruthy();
    expect(parseRequest({ ...show, frameId: 7 })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'close', force: false })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'act', action: 'copy' })).toBeTruthy();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'closed', frameId: 7 })).toBeTruthy();
  });
  test('refuses a malformed one', () => {
    expect(parseRequest({ ...show, path: [] })).toBeUndefined();
    expect(parseRequest({ ...show, path: [0.5] })).toBeUndefined();
    expect(parseRequest({ ...show, anchor: { left: 'x', top: 0, width: 1, height: 1 } })).toBeUndefined();
    expect(parseRequest({ ...show, anchor: { left: Infinity, top: 0, width: 1, height: 1 } })).toBeUndefined();
    expect(parseRequest({ ...show, entry: { id: 'x' } })).toBeUndefined();
    expect(parseRequest({ ...show, sample: '字'.repeat(2001) })).toBeUndefined();
    expect(parseRequest({ ...show, language: 'fr' })).toBeUndefined();
    expect(parseRequest({ ...show, frameId: 'top' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'close' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'act', action: 'delete' })).toBeUndefined();
    expect(parseRequest({ type: 'tifa:frame-tooltip', op: 'open' })).toBeUndefined();
  });
});

describe('answerRequests and the error channel', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a handler’s value is the answer; a failure rejects at the sender with its message', async () => {
    const { signal } = new AbortController();
    let fail = false;
    answerRequests(
      {
        'tifa:get-entries': ({ ids }) => {
          if (fail) throw new Error('storage unreadable');
          return { entries: ids.map((id) => ({ id }) as Entry) };
        },
      },
      parseRequest,
      signal,
    );
    await expect(sendRequest({ type: 'tifa:get-entries', ids: ['a'] })).resolves.toEqual({ entries: [{ id: 'a' }] });
    fail = true;
    await expect(sendRequest({ type: 'tifa:get-entries', ids: ['a'] })).rejects.toThrow(/storage unreadable/);
  });

  test('requests without a handler, or that do not parse, are left to other listeners', async () => {
    const { signal } = new AbortController();
    answerRequests({ 'tifa:reveal': () => ({ found: true }) }, parseRequest, signal);
    // The fake browser resolves with the first answer given: none here.
    await expect(sendRequest({ type: 'tifa:get-glossary' })).resolves.toBeUndefined();
    await expect(fakeBrowser.runtime.sendMessage({ type: 'tifa:reveal', id: 7 })).resolves.toBeUndefined();
    await expect(sendRequest({ type: 'tifa:reveal', id: 'x' })).resolves.toEqual({ found: true });
  });

  test('the listener goes when its signal aborts', async () => {
    const life = new AbortController();
    answerRequests({ 'tifa:reveal': () => ({ found: true }) }, parseRequest, life.signal);
    life.abort();
    await expect(sendRequest({ type: 'tifa:reveal', id: 'x' })).rejects.toThrow(/No listeners/);
  });
});

describe('tellFrames', () => {
  const slot = globalThis as unknown as Record<symbol, unknown>;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => delete slot[Symbol.for(CONTENT_HANDLE)]);

  test('asks each frame, one call a frame, through its content script’s handle; returns those it could not reach', async () => {
    const asked: unknown[] = [];
    slot[Symbol.for(CONTENT_HANDLE)] = { answer: (request: unknown) => Promise.resolve(asked.push(request)) };
    const targets: unknown[] = [];
    // fakeBrowser has no scripting: run the injected function here, as in each frame.
    Object.assign(fakeBrowser, {
      scripting: {
        executeScript: async ({ target, func, args }: { target: { tabId: number; frameIds: number[] }; func: (...a: unknown[]) => unknown; args: unknown[] }) => {
          targets.push(target);
          if (target.tabId === 2) throw new Error('Cannot access a chrome:// URL');
          if (target.frameIds[0] === 9) throw new Error('No frame with id 9 in tab 1');
          return [{ result: await func(...args) }];
        },
      },
    });
    const frames = [
      { tabId: 1, frameId: 0 },
      { tabId: 1, frameId: 9 },
      { tabId: 1, frameId: 4 },
      { tabId: 2, frameId: 0 },
    ];
    const unreached = await tellFrames({ type: 'tifa:stored-changed' }, frames);
    expect(targets).toEqual(frames.map(({ tabId, frameId }) => ({ tabId, frameIds: [frameId] })));
    expect(asked).toEqual(Array(2).fill({ type: 'tifa:stored-changed' }));
    expect(unreached).toEqual([frames[1], frames[3]]);
  });
});
