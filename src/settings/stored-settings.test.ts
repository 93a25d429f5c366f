import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { replaceGlossary } from '@/src/glossary/storage/store';
import { GLOSSARY_KEY, SETTINGS_KEY, watchLocal, withDefaults } from './stored-settings';

describe('settings as stored (the zod-free reader of the content script and popup)', () => {
  test('reads the key settingsItem writes', async () => {
    const { settingsItem } = await import('@/src/settings/settings');
    expect(settingsItem.key).toBe(`local:${SETTINGS_KEY}`);
  });

  test('the glossary key it watches changes once per committed glossary change, carrying no entries', async () => {
    fakeBrowser.reset();
    const seen: unknown[] = [];
    const stop = watchLocal(GLOSSARY_KEY, (value) => seen.push(value));
    const entry = (await import('@/src/glossary/default')).defaultGlossary().entries[0]!;
    await replaceGlossary([entry, { ...entry, id: 'copy', term: '副本' }]);
    await replaceGlossary(null);
    stop();
    expect(seen).toEqual([
      expect.objectContaining({ rev: 1, shipped: false, slots: ['0', '1'] }),
      expect.objectContaining({ rev: 2, shipped: true, slots: [] }),
    ]);
  });

  test('fills fields an older stored value lacks, keeps what the user set', () => {
    const merged = withDefaults({ highlightStyle: 'background', categoryColors: { slogan: '#112233' } });
    expect(merged.highlightStyle).toBe('background');
    expect(merged.categoryColors).toEqual({ slogan: '#112233' });
    expect(merged.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(withDefaults(null)).toEqual(DEFAULT_SETTINGS);
    // Settings stored before display modes: the first occurrence of each term, no everyday words.
    expect([merged.displayMode, merged.showEveryday]).toEqual(['first', false]);
    const damaged = withDefaults({ displayMode: 'loud', showEveryday: 'yes' } as unknown as Partial<typeof DEFAULT_SETTINGS>);
    expect([damaged.displayMode, damaged.showEveryday]).toEqual(['first', false]);
    expect(withDefaults({ displayMode: 'core', showEveryday: true }).displayMode).toBe('core');
  });
});
