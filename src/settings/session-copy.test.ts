import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { SETTINGS_KEY } from './defaults';
import { withDefaults } from './stored-settings';
import { readPageStart, rereadPageStart, SEGMENTER_WARM_KEY, startSessionCopy, watchPageSettings, watchPageValue } from './session-copy';

/** fakeBrowser has no setAccessLevel: record what the background asks for. */
function withAccessLevel(): string[] {
  const asked: string[] = [];
  Object.assign(fakeBrowser.storage.session, {
    setAccessLevel: ({ accessLevel }: { accessLevel: string }) => {
      asked.push(accessLevel);
      return Promise.resolve();
    },
  });
  return asked;
}

/** Waits until storage.session holds what `check` wants (the copy is written asynchronously). */
async function sessionSettles(check: (copy: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  await vi.waitFor(async () => {
    expect(check(await fakeBrowser.storage.session.get(null))).toBe(true);
  });
  return fakeBrowser.storage.session.get(null);
}

describe('the session copy of what a page reads as it starts', () => {
  let life: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    life = new AbortController();
  });
  afterEach(() => life.abort());

  test('a page reads the copy when it holds every key, settings stored as {} included', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { highlightStyle: 'background' }, [PAGE_GLOSSARY_KEY]: 'local' });
    await fakeBrowser.storage.session.set({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'copy' });
    expect(await readPageStart()).toEqual({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'copy' });
    // {} is read as what storage.local's absent settings mean: the defaults.
    expect(withDefaults({})).toEqual(withDefaults(undefined));
  });

  test('a page reads, with the copy, when segmentation last answered; read from storage.local, that is absent', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'local' });
    await fakeBrowser.storage.session.set({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'copy', [SEGMENTER_WARM_KEY]: 1234 });
    expect(await readPageStart()).toEqual({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'copy', [SEGMENTER_WARM_KEY]: 1234 });
    await fakeBrowser.storage.session.remove(PAGE_GLOSSARY_KEY);
    expect(await readPageStart()).toEqual({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'local' });
  });

  test('a page reads storage.local when the copy lacks a key or cannot be read', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { highlightStyle: 'background' }, [PAGE_GLOSSARY_KEY]: 'local' });
    await fakeBrowser.storage.session.set({ [PAGE_GLOSSARY_KEY]: 'copy' });
    expect(await readPageStart()).toEqual({ [SETTINGS_KEY]: { highlightStyle: 'background' }, [PAGE_GLOSSARY_KEY]: 'local' });
    // Chromium refuses a content script's read until the background has opened the area to them.
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValueOnce(new Error('Access to storage is not allowed from this context.'));
    expect((await readPageStart())[PAGE_GLOSSARY_KEY]).toBe('local');
  });

  test('the background opens the area to content scripts and copies storage.local, {} for settings it lacks', async () => {
    const asked = withAccessLevel();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1', unrelated: 1 });
    startSessionCopy(life.signal, () => undefined);
    const copy = await sessionSettles((c) => c[PAGE_GLOSSARY_KEY] === 'v1');
    expect(copy).toEqual({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'v1' });
    expect(asked).toEqual(['TRUSTED_AND_UNTRUSTED_CONTEXTS']);
  });

  test('the copy follows every change of storage.local, the last one last, until the signal aborts', async () => {
    withAccessLevel();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1' });
    startSessionCopy(life.signal, () => undefined);
    await sessionSettles((c) => c[PAGE_GLOSSARY_KEY] === 'v1');
    for (let i = 2; i <= 5; i++) await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: `v${i}`, [SETTINGS_KEY]: { format: 2, showEveryday: i % 2 === 0 } });
    const copy = await sessionSettles((c) => c[PAGE_GLOSSARY_KEY] === 'v5');
    expect(copy[SETTINGS_KEY]).toEqual({ format: 2, showEveryday: false });
    // Settings removed (back to defaults): the copy says so with {}.
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    await sessionSettles((c) => JSON.stringify(c[SETTINGS_KEY]) === '{}');
    life.abort();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'after' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await fakeBrowser.storage.session.get(PAGE_GLOSSARY_KEY))[PAGE_GLOSSARY_KEY]).toBe('v5');
  });

  test('a copy that fails to be written is dropped, so pages read storage.local instead of a stale copy', async () => {
    withAccessLevel();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1' });
    startSessionCopy(life.signal, () => undefined);
    await sessionSettles((c) => c[PAGE_GLOSSARY_KEY] === 'v1');
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v2' });
    await sessionSettles((c) => !(PAGE_GLOSSARY_KEY in c) && !(SETTINGS_KEY in c));
    expect(error).toHaveBeenCalledWith('Tifa: session copy failed', expect.any(Error));
    expect((await readPageStart())[PAGE_GLOSSARY_KEY]).toBe('v2');
    error.mockRestore();
  });

  test('once the copy holds a change, the pages are told: once for changes in a row, not at start, not for other keys or areas', async () => {
    withAccessLevel();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1' });
    /** What storage.session held each time the pages were told. */
    const told: unknown[] = [];
    startSessionCopy(life.signal, () => void fakeBrowser.storage.session.get(PAGE_GLOSSARY_KEY).then((c) => told.push(c[PAGE_GLOSSARY_KEY])));
    await sessionSettles((c) => c[PAGE_GLOSSARY_KEY] === 'v1');
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.sync.set({ [PAGE_GLOSSARY_KEY]: 'elsewhere' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toEqual([]);
    // Three changes before the first is copied: told once, with the last one in the copy.
    await Promise.all(['v2', 'v3', 'v4'].map((v) => fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: v })));
    await vi.waitFor(() => expect(told).toEqual(['v4']));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { format: 2, showEveryday: true } });
    await vi.waitFor(() => expect(told).toEqual(['v4', 'v4']));
    life.abort();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'after' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toEqual(['v4', 'v4']);
  });

  test('without a copy to keep (Firefox), the pages are told after each change of what they read', async () => {
    // fakeBrowser.reset() leaves the setAccessLevel of an earlier test: take it away.
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: undefined });
    let told = 0;
    startSessionCopy(life.signal, () => told++);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { format: 2 } });
    await vi.waitFor(() => expect(told).toBe(1));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test('a page hears a value when it reads again and finds it new, not the value it read, and nothing once stopped', async () => {
    const seen: unknown[] = [];
    const stop = watchPageValue(PAGE_GLOSSARY_KEY, (value) => seen.push(value), 'v0');
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v0' }); // as read: not news
    await rereadPageStart();
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1' });
    await rereadPageStart();
    await rereadPageStart();
    // A complete copy is read first (the copy is a change ahead of a page that read storage.local).
    await fakeBrowser.storage.session.set({ [SETTINGS_KEY]: {}, [PAGE_GLOSSARY_KEY]: 'v2' });
    await rereadPageStart();
    stop();
    await fakeBrowser.storage.session.set({ [PAGE_GLOSSARY_KEY]: 'v3' });
    await rereadPageStart();
    expect(seen).toEqual(['v1', 'v2']);
  });

  test('a page is not told of storage changes until it reads again', async () => {
    const seen: unknown[] = [];
    const stop = watchPageValue(PAGE_GLOSSARY_KEY, (value) => seen.push(value), 'v0');
    await fakeBrowser.storage.local.set({ [PAGE_GLOSSARY_KEY]: 'v1' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    stop();
  });

  test('settings are told with their defaults, from either area', async () => {
    const seen: boolean[] = [];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { format: 2, showEveryday: true } });
    const stop = watchPageSettings((settings) => seen.push(settings.showEveryday));
    await rereadPageStart();
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    await rereadPageStart();
    stop();
    expect(seen).toEqual([true, false]);
  });
});
