import { describe, expect, test } from 'vitest';
import { colorOf, DEFAULT_HIGHLIGHT_COLOR, highlightCss } from './style';

describe('highlight style', () => {
  test('one ::highlight rule per category in use, underlined by default', () => {
    const css = highlightCss('tifa-x', { highlightStyle: 'underline', categoryColors: {} }, ['slogan', 'plan']);
    expect(css.split('\n')).toEqual([
      `::highlight(tifa-x-slogan) { text-decoration: underline 2px ${DEFAULT_HIGHLIGHT_COLOR}; text-underline-offset: 3px; }`,
      `::highlight(tifa-x-plan) { text-decoration: underline 2px ${DEFAULT_HIGHLIGHT_COLOR}; text-underline-offset: 3px; }`,
    ]);
  });

  test('background and both styles; per-category colours; invalid colours fall back', () => {
    const look = { highlightStyle: 'both' as const, categoryColors: { slogan: '#1f6feb', plan: 'red; }' } };
    const css = highlightCss('p', look, ['slogan', 'plan']);
    expect(css).toContain('::highlight(p-slogan) { background-color: #1f6feb33; text-decoration: underline 2px #1f6feb;');
    expect(css).not.toContain('red');
    expect(colorOf(look, 'plan')).toBe(DEFAULT_HIGHLIGHT_COLOR);
    expect(highlightCss('p', { highlightStyle: 'background', categoryColors: {} }, ['jargon'])).not.toContain('underline');
  });
});
