// How prominent an entry is on a page. Pure module: no zod, so the content script can use it.
//  - core: a formula, numbered slogan or named institution-specific term a reader came for
//    (两个维护, 三会一课, 四包一);
//  - context: vocabulary worth explaining (第一书记, 民主集中制);
//  - everyday: words a reader of Chinese news already knows (干部, 党建, 市委, 疫情防控).
export const SALIENCES = ['core', 'context', 'everyday'] as const;
export type Salience = (typeof SALIENCES)[number];

/** An entry without a salience (older files, user entries) is vocabulary worth explaining. */
export const DEFAULT_SALIENCE: Salience = 'context';

export const SALIENCE_LABELS: Record<Salience, { zh: string; en: string }> = {
  core: { zh: '核心提法', en: 'Core formula' },
  context: { zh: '背景词汇', en: 'Context vocabulary' },
  everyday: { zh: '常用词', en: 'Everyday word' },
};

/** Which occurrences a page paints: every one, the first of each term, or core formulas only. */
export const DISPLAY_MODES = ['all', 'first', 'core'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

/** Whether entries of `salience` are shown at all under a display mode and the everyday switch. */
export function salienceShown(salience: Salience, mode: DisplayMode, showEveryday: boolean): boolean {
  if (mode === 'core') return salience === 'core';
  return salience !== 'everyday' || showEveryday;
}
