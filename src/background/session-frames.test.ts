import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectContentScript, keepSubFrame, startInOpenTabs, tellContentFrames } from './session-frames';

/** What executeScript was asked for, and the frames it fails for as gone. */
let calls: Array<{ tabId: number; frameIds?: number[]; files?: string[]; func?: unknown }>;
let goneFrames: Set<number>;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  calls = [];
  goneFrames = new Set();
  // fakeBrowser has no scripting: record the calls; a frame gone fails its call, as in Chromium.
  Object.assign(fakeBrowser, {
    scripting: {
      executeScript: async ({ target, files, func }: { target: { tabId: number; frameIds?: number[] }; files?: string[]; func?: unknown }) => {
        calls.push({ ...target, ...(files ? { files } : { func: !!func }) });
        const frameId = target.frameIds?.[0] ?? 0;
        if (goneFrames.has(frameId)) throw new Error(`No frame with id ${frameId} in tab ${target.tabId}`);
        return [{ result: undefined }];
      },
    },
  });
});

const told = () => calls.filter((c) => c.func).map((c) => `${c.tabId}/${c.frameIds?.join()}`);

test('a change is told to each tab’s top frame and to the sub-frames given the content script, not to the others', async () => {
  const [a, b] = await Promise.all(['https://a.example/', 'https://b.example/'].map((url) => fakeBrowser.tabs.create({ url })));
  expect(await injectContentScript({ tab: { id: a!.id }, frameId: 7 })).toBe(true);
  await injectContentScript({ tab: { id: a!.id }, frameId: 7 }); // asked again (the frame's document reloaded)
  await injectContentScript({ tab: { id: b!.id }, frameId: 3 });
  expect(calls.filter((c) => c.files)).toEqual([
    { tabId: a!.id, frameIds: [7], files: ['/page-content.js'] },
    { tabId: a!.id, frameIds: [7], files: ['/page-content.js'] },
    { tabId: b!.id, frameIds: [3], files: ['/page-content.js'] },
  ]);

  await tellContentFrames({ type: 'tifa:stored-changed' });
  // The fake browser starts with a tab of its own.
  const [own] = await fakeBrowser.tabs.query({ url: undefined });
  expect(told().sort()).toEqual([`${own!.id}/0`, `${a!.id}/0`, `${a!.id}/7`, `${b!.id}/0`, `${b!.id}/3`].sort());
});

test('the sub-frames are kept across a restart of the worker (storage.session), and forgotten once gone or their tab closed', async () => {
  const a = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
  const b = await fakeBrowser.tabs.create({ url: 'https://b.example/' });
  await injectContentScript({ tab: { id: a.id }, frameId: 7 });
  await injectContentScript({ tab: { id: a.id }, frameId: 8 });
  await injectContentScript({ tab: { id: b.id }, frameId: 3 });
  // The worker restarts: a fresh copy of the module, which finds the frames in storage.session.
  vi.resetModules();
  const { tellContentFrames: tellAfterRestart } = await import('./session-frames');

  goneFrames.add(8);
  // Tab b is closed (fakeBrowser's tabs.remove fails here: the tabs are listed without it).
  const open = (await fakeBrowser.tabs.query({})).filter((tab) => tab.id !== b.id);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(open);
  calls = [];
  await tellAfterRestart({ type: 'tifa:stored-changed' });
  expect(told()).toContain(`${a.id}/7`);
  expect(told()).toContain(`${a.id}/8`);
  expect(told()).not.toContain(`${b.id}/3`);

  calls = [];
  await tellContentFrames({ type: 'tifa:stored-changed' });
  expect(told().filter((t) => t.startsWith(`${a.id}/`)).sort()).toEqual([`${a.id}/0`, `${a.id}/7`]);
  expect(await fakeBrowser.storage.session.get('content-sub-frames')).toEqual({ 'content-sub-frames': { [a.id!]: { 7: expect.any(Number) } } });
});

test('a frame out of reach while told, but given the script again meanwhile (it navigated), is kept', async () => {
  let now = 1_000;
  vi.spyOn(Date, 'now').mockImplementation(() => ++now);
  const a = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
  await injectContentScript({ tab: { id: a.id }, frameId: 8 });
  const scripting = (fakeBrowser as unknown as { scripting: { executeScript(o: { target: { frameIds?: number[] }; func?: unknown }): Promise<unknown> } }).scripting;
  const execute = scripting.executeScript.bind(scripting);
  scripting.executeScript = async (options) => {
    if (options.func && options.target.frameIds?.[0] === 8) {
      // The frame is between documents: out of reach, and its new document's gate asks at once.
      await injectContentScript({ tab: { id: a.id }, frameId: 8 });
      throw new Error('No frame with id 8');
    }
    return execute(options);
  };
  await tellContentFrames({ type: 'tifa:stored-changed' });
  expect(await fakeBrowser.storage.session.get('content-sub-frames')).toEqual({ 'content-sub-frames': { [a.id!]: { 8: 1_002 } } });
});

test('a top frame’s own request keeps nothing (it is told anyway), nor does one without a tab', async () => {
  await injectContentScript({ tab: { id: 5 }, frameId: 0 });
  await injectContentScript({ frameId: 4 });
  expect(await fakeBrowser.storage.session.get('content-sub-frames')).toEqual({});
});

test('a sub-frame shown again from the back/forward cache, forgotten while it was out of reach, is kept again when it asks, without a second script', async () => {
  const a = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
  await injectContentScript({ tab: { id: a.id }, frameId: 7 });
  // The page is in the cache: its frame cannot be reached, and is forgotten.
  goneFrames.add(7);
  await tellContentFrames({ type: 'tifa:stored-changed' });
  expect(await fakeBrowser.storage.session.get('content-sub-frames')).toEqual({ 'content-sub-frames': {} });

  // Shown again, it asks to be kept (tifa:keep-frame): told of the next change, given no script.
  goneFrames.delete(7);
  calls = [];
  await keepSubFrame({ tab: { id: a.id }, frameId: 7 });
  await tellContentFrames({ type: 'tifa:stored-changed' });
  expect(told()).toContain(`${a.id}/7`);
  expect(calls.filter((c) => c.files)).toEqual([]);
});

test('installed or updated, Tifa gives every open web page the content script (top frame) and the gate (every frame), and goes on past a page it may not script', async () => {
  const a = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
  const b = await fakeBrowser.tabs.create({ url: 'http://b.example/news' });
  goneFrames.add(0); // every top frame's call fails: each tab is still tried
  calls = [];
  // fakeBrowser's query matches no URL patterns: the browser's answer to Tifa's question.
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([a, b]);
  await startInOpenTabs();
  expect(query).toHaveBeenCalledWith({ url: ['http://*/*', 'https://*/*'], discarded: false });
  const web = [a.id, b.id];
  const injected = calls.filter((c) => web.includes(c.tabId));
  expect(injected).toEqual(
    expect.arrayContaining([
      { tabId: a.id, files: ['/page-content.js'] },
      { tabId: a.id, allFrames: true, files: ['/frame-gate.js'] },
      { tabId: b.id, files: ['/page-content.js'] },
      { tabId: b.id, allFrames: true, files: ['/frame-gate.js'] },
    ]),
  );
  expect(injected).toHaveLength(4);
});
