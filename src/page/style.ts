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

/** What the highlight rules are scoped to (highlightCss says why, and why not in Firefox). */
const ROOT = import.meta.env.FIREFOX ? '' : ':root';

/** The colour for a category: the user's if valid, else the default. */
export function colorOf(look: HighlightLook, category: Category): string {
  const color = look.categoryColors[category];
  return color !== undefined && HEX.test(color) ? color : DEFAULT_HIGHLIGHT_COLOR;
}

/**
 * One `:root::highlight(<name>)` rule per category in use, under the registry name `names` gives it
 * (names that say nothing: see src/page/paint.ts). Only properties that highlight pseudo-elements
 * accept (colours, text decoration): they cannot change layout. (The category list comes from the
 * caller: importing CATEGORIES would bring zod into the content script.)
 * On the root only, in Chromium: a highlight's style passes there to every element below it
 * (highlight inheritance, shadow trees through their hosts), and a rule the browser matches against
 * the root alone costs the page's styling nothing, where `::highlight()` alone is matched against
 * every element: adopted as the 1 MB bench page started, nine such rules took its style
 * recalculations from 9.7 to 18.8 ms, and nine on the root 9.8 (medians of 6 loads,
 * test/bench/highlight-rule-cost.ts). Firefox (153 ESR) passes no custom highlight's style down
 * (with rules on the root, test/e2e-firefox's pixel checks found no underline): there the rules
 * stay on every element.
 */
export function highlightCss(look: HighlightLook, names: Iterable<[Category, string]>): string {
  return [...names].map(([category, name]) => {
    const color = colorOf(look, category);
    const declarations: string[] = [];
    // Written without spaces: the content script carries this text (and has 30 KB).
    if (look.highlightStyle !== 'underline') declarations.push(`background-color:${color}33`);
    if (look.highlightStyle !== 'background') {
      declarations.push(`text-decoration:underline 2px ${color}`, 'text-underline-offset:3px');
    }
    return `${ROOT}::highlight(${name}){${declarations.join(';')}}`;
  }).join('\n');
}
