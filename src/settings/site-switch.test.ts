import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from './settings';
import { isActiveOn, isSiteEnabled } from './site-rules';
import { setPaused, switchSite, toggleSite } from './site-switch';

beforeEach(() => fakeBrowser.reset());

test('switching a site off persists a rule and keeps every other preference', async () => {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, hoverDelayMs: 400, highlightStyle: 'both' });
  expect(await switchSite('http://localhost:3000/a', false)).toBe(false);
  const stored = await loadSettings();
  expect(stored.siteRules).toEqual([{ host: 'localhost', includeSubdomains: false, enabled: false }]);
  expect(stored.hoverDelayMs).toBe(400);
  expect(stored.highlightStyle).toBe('both');
  expect(isSiteEnabled(stored, 'http://127.0.0.1:3000/a')).toBe(true);
});

test('toggling twice returns to where it started, with no rule left behind', async () => {
  expect(await toggleSite('https://example.com/')).toBe(false);
  expect(await toggleSite('https://example.com/')).toBe(true);
  expect((await loadSettings()).siteRules).toEqual([]);
});

test('toggling on a fresh install (nothing stored) switches the site off', async () => {
  expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  expect(await toggleSite('https://www.people.com.cn/')).toBe(false);
  expect(isSiteEnabled(await loadSettings(), 'https://people.com.cn/')).toBe(false);
});

test('pause is global and leaves site rules alone', async () => {
  await switchSite('https://a.com/', false);
  await setPaused(true);
  const stored = await loadSettings();
  expect(stored.paused).toBe(true);
  expect(stored.siteRules).toHaveLength(1);
  expect(isActiveOn(stored, 'https://b.com/')).toBe(false);
  await setPaused(false);
  expect(isActiveOn(await loadSettings(), 'https://b.com/')).toBe(true);
});

test('a switch (popup, zod-free) and an options edit made at the same moment both survive', async () => {
  // Both writes read-modify-write the same stored value; the shared queue/Web Lock
  // (./exclusive.ts) runs them one after the other, so neither overwrites the other.
  const { updateSettings } = await import('./settings');
  await Promise.all([
    switchSite('https://a.com/', false),
    updateSettings((s) => ({ ...s, hoverDelayMs: 700 })),
    setPaused(true),
    updateSettings((s) => ({ ...s, highlightStyle: 'background' })),
  ]);
  const stored = await loadSettings();
  expect(stored).toMatchObject({ hoverDelayMs: 700, highlightStyle: 'background', paused: true });
  expect(stored.siteRules).toEqual([{ host: 'a.com', includeSubdomains: false, enabled: false }]);
});
