import { describe, expect, test } from 'vitest';
import { colorOf, DEFAULT_HIGHLIGHT_COLOR, highlightCss } from './style';

describe('highlight style', () => {
  test('one ::highlight rule on the root per category in use, under the name given for it, underlined by default', () => {
    const css = highlightCss({ highlightStyle: 'underline', categoryColors: {} }, [['slogan', 'qw'], ['plan', 'er']]);
    expect(css.split('\n')).toEqual([
      `:root::highlight(qw){text-decoration:underline 2px ${DEFAULT_HIGHLIGHT_COLOR};text-underline-offset:3px}`,
      `:root::highlight(er){text-decoration:underline 2px ${DEFAULT_HIGHLIGHT_COLOR};text-underline-offset:3px}`,
    ]);
  });

  test('background and both styles; per-category colours; invalid colours fall back', () => {
    const look = { highlightStyle: 'both' as const, categoryColors: { slogan: '#1f6feb', plan: 'red; }' } };
    const css = highlightCss(look, [['slogan', 'p'], ['plan', 'q']]);
    expect(css).toContain(':root::highlight(p){background-color:#1f6feb33;text-decoration:underline 2px #1f6feb;');
    expect(css).not.toContain('red');
    expect(colorOf(look, 'plan')).toBe(DEFAULT_HIGHLIGHT_COLOR);
    expect(highlightCss({ highlightStyle: 'background', categoryColors: {} }, [['jargon', 'p']])).not.toContain('underline');
  });
});
