// The look of painted terms, from the user's settings. Pure: returns CSS text.
import type { Category } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';

export type HighlightLook = Pick<Settings, 'highlightStyle' | 'categoryColors'>;

/**
 * Every category's colour unless the user picked one (the options page shows it as each category's
 * default): one quiet colour, readable on white and on dark pages, and unlike the blue of links. A
 * page marked in nine colours would be loud, and its colours would mean nothing without a legend.
 */
export const DEFAULT_HIGHLIGHT_COLOR = '#d9730d';

export const DEFAULT_LOOK: HighlightLook = { highlightStyle: 'underline', categoryColors: {} };

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The colour for a category: the user's if valid, else the default. */
export function colorOf(look: HighlightLook, category: Category): string {
  const color = look.categoryColors[category];
  return color !== undefined && HEX.test(color) ? color : DEFAULT_HIGHLIGHT_COLOR;
}

/**
 * One `::highlight(<name>)` rule per category in use, under the registry name `names` gives it (names
 * that say nothing: see src/page/paint.ts). Only properties that highlight pseudo-elements accept
 * (colours, text decoration): they cannot change layout. (The category list comes from the caller:
 * importing CATEGORIES would bring zod into the content script.)
 */
export function highlightCss(look: HighlightLook, names: Iterable<[Category, string]>): string {
  return [...names].map(([category, name]) => {
    const color = colorOf(look, category);
    const declarations: string[] = [];
    if (look.highlightStyle !== 'underline') declarations.push(`background-color: ${color}33`);
    if (look.highlightStyle !== 'background') {
      declarations.push(`text-decoration: underline 2px ${color}`, 'text-underline-offset: 3px');
    }
    return `::highlight(${name}) { ${declarations.join('; ')}; }`;
  }).join('\n');
}
