import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { glossaryItem } from '@/src/settings/glossary-store';
import { CONTENT_DEFAULT_SETTINGS, GLOSSARY_KEY, SETTINGS_KEY, withDefaults } from './settings-view';

describe('content-script settings view', () => {
  test('mirrors the real defaults and storage key', async () => {
    expect(CONTENT_DEFAULT_SETTINGS).toEqual(DEFAULT_SETTINGS);
    const { settingsItem } = await import('@/src/settings/settings');
    expect(settingsItem.key).toBe(`local:${SETTINGS_KEY}`);
    expect(glossaryItem.key).toBe(`local:${GLOSSARY_KEY}`);
  });

  test('fills fields an older stored value lacks, keeps what the user set', () => {
    const merged = withDefaults({ highlightStyle: 'background', categoryColors: { slogan: '#112233' } });
    expect(merged.highlightStyle).toBe('background');
    expect(merged.categoryColors).toEqual({ slogan: '#112233' });
    expect(merged.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(withDefaults(null)).toEqual(DEFAULT_SETTINGS);
  });
});
