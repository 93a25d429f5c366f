// The popup's words in Chinese and English; the browser's language picks one.
import type { UnsupportedReason } from './model';

export type Lang = 'zh' | 'en';

export function langFor(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export interface Strings {
  title: string;
  options: string;
  optionsHint: string;
  /** The link to the first-run page: what Tifa does, its keys, privacy. */
  about: string;
  thisSite: string;
  siteOn: string;
  siteOff: string;
  shortcutHint: (keys: string) => string;
  pause: string;
  pauseOn: string;
  pauseOff: string;
  termsHeading: string;
  termsSummary: (distinct: number, total: number) => string;
  revealHint: (term: string, count: number) => string;
  occurrences: (count: number) => string;
  /** What a screen reader says for the count badge. */
  occurrencesSpoken: (count: number) => string;
  notFound: string;
  unsupported: Record<UnsupportedReason, { title: string; body: string }>;
  paused: string;
  siteOffBody: string;
  loading: string;
  reload: string;
  reloadButton: string;
  empty: string;
  emptyBody: string;
  noSite: string;
  displayHeading: string;
  modes: Record<'first' | 'all' | 'core', string>;
  modesHint: Record<'first' | 'all' | 'core', string>;
  everyday: string;
  everydayOn: string;
  everydayOff: string;
  everydayCore: string;
}

const zh: Strings = {
  title: 'Tifa 提法',
  options: '词库与设置',
  optionsHint: '打开设置页',
  about: '使用说明',
  thisSite: '当前网站',
  siteOn: '已在此网站启用',
  siteOff: '已在此网站关闭',
  shortcutHint: (keys) => `快捷键 ${keys}`,
  pause: '全部暂停',
  pauseOn: '已暂停：所有网站都不标注',
  pauseOff: '暂停后所有网站都不标注',
  termsHeading: '本页提法',
  termsSummary: (distinct, total) => `${distinct} 个提法，共 ${total} 处`,
  revealHint: (term, count) => `跳到“${term}”的下一处（共 ${count} 处）`,
  occurrences: (count) => `${count} 处`,
  occurrencesSpoken: (count) => `，${count} 处`,
  notFound: '页面上已找不到这个提法',
  unsupported: {
    browser: { title: '此页不能使用 Tifa', body: '浏览器自带页面和扩展页面不允许扩展读取。' },
    store: { title: '此页不能使用 Tifa', body: '浏览器不允许扩展在扩展商店中运行。' },
    file: { title: '此页不能使用 Tifa', body: 'Tifa 只在网页（http/https）上运行，不读取本地文件。' },
    pdf: { title: '此页不能使用 Tifa', body: '浏览器的 PDF 阅读器不允许扩展读取文字。' },
    closed: { title: '此页不能使用 Tifa', body: 'Tifa 只在网页（http/https）上运行；浏览器自带页面、扩展商店、本地文件和 PDF 阅读器都不允许扩展读取。' },
    unknown: { title: '没有可用的页面', body: '打开一个中文新闻网页后再试。' },
  },
  paused: 'Tifa 已暂停。取消暂停后即可在本页标注。',
  siteOffBody: 'Tifa 在此网站已关闭。打开上方开关即可标注。',
  loading: '正在读取本页……',
  reload: '此页在 Tifa 安装之前就已打开，刷新后即可使用。',
  reloadButton: '刷新此页',
  empty: '本页没有词库中的提法',
  emptyBody: '选中一个词，右键“添加到提法词库”即可加入。',
  noSite: '此页',
  displayHeading: '标注哪些',
  modes: { first: '每词首次', all: '全部', core: '只标核心' },
  modesHint: {
    first: '每个提法只标第一次出现；后面的仍可用 Alt+Shift+. 逐个跳到，并计入下方列表',
    all: '标出每一处',
    core: '只标“两个维护”“三会一课”这类核心提法',
  },
  everyday: '也标常用词',
  everydayOn: '干部、党建、市委等也标出',
  everydayOff: '干部、党建、市委等不标',
  everydayCore: '“只标核心”时不标常用词',
};

const en: Strings = {
  title: 'Tifa 提法',
  options: 'Glossary & settings',
  optionsHint: 'Open the options page',
  about: 'About Tifa and its shortcuts',
  thisSite: 'This site',
  siteOn: 'On for this site',
  siteOff: 'Off for this site',
  shortcutHint: (keys) => `Shortcut ${keys}`,
  pause: 'Pause everywhere',
  pauseOn: 'Paused: no site is marked',
  pauseOff: 'Stops marking on every site',
  termsHeading: 'Terms on this page',
  termsSummary: (distinct, total) => `${distinct} ${distinct === 1 ? 'term' : 'terms'}, ${total} ${total === 1 ? 'mention' : 'mentions'}`,
  revealHint: (term, count) => `Go to the next “${term}” (${count} on the page)`,
  occurrences: (count) => `×${count}`,
  occurrencesSpoken: (count) => `, ${count} ${count === 1 ? 'mention' : 'mentions'}`,
  notFound: 'This term is no longer on the page',
  unsupported: {
    browser: { title: 'Tifa can’t run here', body: 'Browser and extension pages are closed to extensions.' },
    store: { title: 'Tifa can’t run here', body: 'Browsers don’t let extensions run in their add-on stores.' },
    file: { title: 'Tifa can’t run here', body: 'Tifa reads web pages (http/https), not files on your computer.' },
    pdf: { title: 'Tifa can’t run here', body: 'The browser’s PDF viewer doesn’t let extensions read the text.' },
    closed: { title: 'Tifa can’t run here', body: 'Tifa runs on web pages (http/https). Browser pages, add-on stores, files on your computer and the PDF viewer are closed to extensions.' },
    unknown: { title: 'No page to read', body: 'Open a Chinese news page and try again.' },
  },
  paused: 'Tifa is paused. Resume to mark terms on this page.',
  siteOffBody: 'Tifa is off for this site. Switch it on above to mark terms.',
  loading: 'Reading this page…',
  reload: 'This page was open before Tifa was installed. Reload it to use Tifa.',
  reloadButton: 'Reload page',
  empty: 'No glossary terms on this page',
  emptyBody: 'Select a word and right-click “Add to Tifa glossary” to add it.',
  noSite: 'this page',
  displayHeading: 'What to mark',
  modes: { first: 'First of each', all: 'All', core: 'Core only' },
  modesHint: {
    first: 'Each term is marked where it first appears; later ones are still reached with Alt+Shift+. and counted below',
    all: 'Every occurrence is marked',
    core: 'Only core formulas such as 两个维护 and 三会一课',
  },
  everyday: 'Also mark everyday words',
  everydayOn: '干部, 党建, 市委 and the like are marked too',
  everydayOff: '干部, 党建, 市委 and the like are left unmarked',
  everydayCore: 'Not in “core only”',
};

export const STRINGS: Record<Lang, Strings> = { zh, en };
