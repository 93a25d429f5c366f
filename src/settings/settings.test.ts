import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, updateSettings, type Settings } from './settings';
import { storedOverrides } from './migrations';
import { changeSettings, readSettings, withDefaults } from './stored-settings';

beforeEach(() => fakeBrowser.reset());

const stored = async (): Promise<Record<string, unknown>> => browser.storage.local.get(null);
const plant = (values: Record<string, unknown>) => browser.storage.local.set(values);

describe('settings', () => {
  test('updates are validated and stored', async () => {
    await updateSettings((s) => ({ ...s, hoverDelayMs: 400, categoryColors: { slogan: '#aa0000' } }));
    expect(await loadSettings()).toMatchObject({ hoverDelayMs: 400, categoryColors: { slogan: '#aa0000' } });
    await expect(updateSettings((s) => ({ ...s, hoverDelayMs: -5 }))).rejects.toThrow();
    expect((await loadSettings()).hoverDelayMs).toBe(400);
  });

  test('an older stored value lacking newer fields is completed from the defaults', async () => {
    await settingsItem.setValue({ language: 'en', hoverDelayMs: 300 } as never);
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, language: 'en', hoverDelayMs: 300 });
    await updateSettings((s) => ({ ...s, siteMode: 'listed' }));
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', hoverDelayMs: 300, siteMode: 'listed' });
  });
});

// Values as earlier releases stored them (format 1: the whole object, defaults included, written by
// WXT's storage item; see git history of src/settings/settings.ts and defaults.ts).
const SCAFFOLD_DEFAULTS = {
  language: 'both',
  hoverDelayMs: 150,
  highlightStyle: 'underline',
  categoryColors: {},
  siteMode: 'everywhere',
  siteRules: [],
  paused: false,
  showBadge: true,
};
const rule = { host: 'people.com.cn', includeSubdomains: true, enabled: false };
const FORMAT_1: Array<{ name: string; value: Record<string, unknown>; changed: Partial<Settings> }> = [
  {
    // The scaffold (06cee70): no displayMode, showEveryday or collections.
    name: 'before display modes',
    value: { ...SCAFFOLD_DEFAULTS, hoverDelayMs: 400, siteRules: [rule] },
    changed: { hoverDelayMs: 400, siteRules: [rule] },
  },
  {
    // Display modes (af55fc1): no collections yet.
    name: 'with display modes',
    value: { ...SCAFFOLD_DEFAULTS, displayMode: 'all', showEveryday: false, categoryColors: { slogan: '#112233' } },
    changed: { displayMode: 'all', categoryColors: { slogan: '#112233' } },
  },
  {
    // Collections (8c97b8f): optional, present once the user switched one.
    name: 'with collections',
    value: { ...SCAFFOLD_DEFAULTS, displayMode: 'first', showEveryday: true, collections: { national: false } },
    changed: { showEveryday: true, collections: { national: false } },
  },
];

describe('stored settings of every older format', () => {
  for (const { name, value, changed } of FORMAT_1) {
    test(`format 1, ${name}: both readers see the user's changes over today's defaults`, async () => {
      // The fields that held their defaults are not the user's: they follow today's defaults.
      expect(storedOverrides(value)).toEqual(changed);
      await plant({ settings: value, settings$: { v: 1 } });
      const expected = { ...DEFAULT_SETTINGS, ...changed };
      expect(await readSettings()).toEqual(expected);
      expect(withDefaults(value)).toEqual(expected);
      expect(await loadSettings()).toEqual(expected);
      expect(await settingsItem.getValue()).toEqual(expected);
    });

    test(`format 1, ${name}: the first write stores only the user's changes and drops WXT's metadata key`, async () => {
      await plant({ settings: value, settings$: { v: 1 } });
      await updateSettings((s) => ({ ...s, language: 'zh' }));
      expect(await stored()).toEqual({ settings: { format: 2, ...changed, language: 'zh' } });
      await plant({ settings: value, settings$: { v: 1 } });
      await changeSettings((s) => ({ ...s, paused: true }));
      expect(await stored()).toEqual({ settings: { format: 2, ...changed, paused: true } });
    });
  }

  test('format 1 as the e2e harness and tests plant it (a few fields) reads as those fields', async () => {
    await plant({ settings: { displayMode: 'all', showEveryday: true } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, displayMode: 'all', showEveryday: true });
    expect(await loadSettings()).toEqual(await readSettings());
  });

  test('nothing stored, null or a number: the defaults, on both readers', async () => {
    for (const value of [undefined, null, 7, true]) {
      fakeBrowser.reset();
      if (value !== undefined) await plant({ settings: value });
      expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    }
  });

  test('a format 2 value is read as it is', async () => {
    await plant({ settings: { format: 2, hoverDelayMs: 400, showBadge: true } });
    expect(storedOverrides((await stored()).settings)).toEqual({ hoverDelayMs: 400, showBadge: true });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 400 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 400 });
  });
});

describe('only what the user changed is stored', () => {
  test('a change on a fresh install stores that field alone, from either writer', async () => {
    await updateSettings((s) => ({ ...s, hoverDelayMs: 400 }));
    expect(await stored()).toEqual({ settings: { format: 2, hoverDelayMs: 400 } });
    await changeSettings((s) => ({ ...s, paused: true }));
    expect(await stored()).toEqual({ settings: { format: 2, hoverDelayMs: 400, paused: true } });
  });

  test("a field the user changed stays theirs when set back to the default's value", async () => {
    await updateSettings((s) => ({ ...s, siteRules: [rule] }));
    await updateSettings((s) => ({ ...s, siteRules: [] }));
    expect(await stored()).toEqual({ settings: { format: 2, siteRules: [] } });
  });

  test('a damaged override is not kept by the next write', async () => {
    await plant({ settings: { format: 2, displayMode: 'loud', hoverDelayMs: 400 } });
    expect((await readSettings()).displayMode).toBe(DEFAULT_SETTINGS.displayMode);
    await changeSettings((s) => ({ ...s, paused: true }));
    expect(await stored()).toEqual({ settings: { format: 2, hoverDelayMs: 400, paused: true } });
  });

  test('watchers get whole settings, old and new', async () => {
    const seen: Array<[Settings, Settings]> = [];
    const stop = settingsItem.watch((next, previous) => seen.push([next, previous]));
    await updateSettings((s) => ({ ...s, showBadge: false }));
    stop();
    expect(seen).toEqual([[{ ...DEFAULT_SETTINGS, showBadge: false }, DEFAULT_SETTINGS]]);
  });
});
