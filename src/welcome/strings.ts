// The first-run page's words in Chinese and English; the browser's language picks one (as the popup's).
import type { Lang } from '@/src/popup/strings';

export interface WelcomeStrings {
  title: string;
  lead: string;
  whatHeading: string;
  what: string[];
  reloadNote: string;
  keysHeading: string;
  keySite: string;
  keyStep: string;
  keyClose: string;
  keyLoading: string;
  /** The site key has no key: the browser did not give it one (another extension holds it) or the user removed it. */
  keyNotSet: string;
  /** Followed by the place: the address of the browser's shortcut settings. */
  setKeyAt: string;
  changeKeyAt: string;
  firefoxShortcuts: string;
  openShortcuts: string;
  settingsHeading: string;
  settingsPopup: string;
  settingsPin: string;
  settingsOptions: string;
  settingsMenu: string;
  openOptions: string;
  sitesHeading: string;
  sites: string[];
  privacyHeading: string;
  privacy: string[];
}

const zh: WelcomeStrings = {
  title: '欢迎使用 Tifa 提法',
  lead: 'Tifa 在你读的中文网页上找出党政术语（提法），如“两个维护”“四个意识”“三会一课”，并逐一解释。',
  whatHeading: 'Tifa 做什么',
  what: [
    '在中文网页（http 和 https）上，Tifa 用一条淡淡的下划线标出词库里的提法；默认每个提法只标第一次出现。',
    '把鼠标停在标出的词上（或用下面的快捷键跳到它），就能看到它的含义、包括的内容、正式英文译法和出处。点一下可固定解释框，按 Esc 关闭。',
  ],
  reloadNote: '安装 Tifa 之前已经打开的网页，刷新后才会标注。',
  keysHeading: '快捷键',
  keySite: '在当前网站开启或关闭 Tifa',
  keyStep: '跳到本页下一个 / 上一个提法，并打开它的解释',
  keyClose: '关闭解释框',
  keyLoading: '正在读取…',
  keyNotSet: '未设置',
  setKeyAt: '设置位置：',
  changeKeyAt: '更改位置：',
  firefoxShortcuts: '附加组件管理器（about:addons）→ 齿轮菜单 →“管理扩展快捷键”',
  openShortcuts: '打开快捷键设置',
  settingsHeading: '设置在哪里',
  settingsPopup: '工具栏上的 Tifa 按钮：当前网站的开关、全部暂停、标注哪些，以及本页有哪些提法（点一下跳过去）。',
  settingsPin: '看不到按钮？点工具栏上的拼图形“扩展程序”按钮，把 Tifa 固定到工具栏。',
  settingsOptions: '词库与设置页：搜索、编辑、添加、导入导出词条；解释语言、标注样式与颜色、悬停延迟、网站规则。',
  settingsMenu: '在网页上选中一个词，右键“添加到提法词库”，即可把它加入词库。',
  openOptions: '打开词库与设置',
  sitesHeading: '按网站开关',
  sites: [
    '在工具栏按钮的弹出框里，“当前网站”开关可关闭（或重新开启）整个网站，这个网站所有已打开的标签页都会跟着变。',
    '上面的快捷键对当前标签页所在的网站做同样的事。',
    '“词库与设置”→“设置”→“网站”列出你开关过的每个网站，也可以在那里添加、删除，或改为只在列出的网站上运行。',
    '“全部暂停”让所有网站都不标注，直到你取消暂停。',
  ],
  privacyHeading: '隐私',
  privacy: [
    'Tifa 不发出任何网络请求：词库随扩展一起安装，解释都来自本地词库。只有你点了出处链接，浏览器才会在新标签页打开那个网页。',
    '你对词库的修改和你的设置只保存在这个浏览器的扩展存储里。',
    'Tifa 读取网页文字来查找提法，但从不读取你在输入框里输入的内容，也不改动网页。',
    '没有账号，没有统计，没有追踪。',
  ],
};

const en: WelcomeStrings = {
  title: 'Welcome to Tifa 提法',
  lead: 'Tifa finds Chinese party-state jargon (提法, “formulations”) such as 两个维护, 四个意识 and 三会一课 on the pages you read, and explains each one.',
  whatHeading: 'What Tifa does',
  what: [
    'On Chinese web pages (http and https), Tifa marks the terms its glossary knows with a quiet underline; by default each term is marked where it first appears.',
    'Hover a marked term (or step to it with the keys below) to read what it means, what it lists, its official English rendering and its sources. Click the explanation to pin it; Escape closes it.',
  ],
  reloadNote: 'Pages that were open before you installed Tifa are marked once you reload them.',
  keysHeading: 'Keyboard shortcuts',
  keySite: 'Switch Tifa on or off for the current site',
  keyStep: 'Step to the next / previous term on the page and open its explanation',
  keyClose: 'Close the explanation',
  keyLoading: 'Reading…',
  keyNotSet: 'Not set',
  setKeyAt: 'Set it at',
  changeKeyAt: 'Change it at',
  firefoxShortcuts: 'the add-ons manager (about:addons) → gear menu → “Manage Extension Shortcuts”',
  openShortcuts: 'Open shortcut settings',
  settingsHeading: 'Where the settings are',
  settingsPopup: 'The Tifa button in the toolbar: this site’s switch, pause everywhere, what to mark, and the terms on the current page (click one to go to it).',
  settingsPin: 'No button? Open the browser’s Extensions menu (the puzzle piece) and pin Tifa to the toolbar.',
  settingsOptions: 'The glossary and settings page: search, edit, add, import and export entries; explanation language, highlight style and colours, hover delay, site rules.',
  settingsMenu: 'Select a word on a page and right-click “Add to Tifa glossary” to add it.',
  openOptions: 'Open the glossary and settings',
  sitesHeading: 'Switching Tifa per site',
  sites: [
    'In the toolbar button’s popup, the “This site” switch turns Tifa off (or back on) for the whole site; every open tab of that site follows.',
    'The shortcut above does the same for the site of the current tab.',
    'Glossary & settings → Settings → Sites lists every site you switched; add or remove sites there, or run Tifa only on the sites listed.',
    '“Pause everywhere” stops marking on every site until you resume.',
  ],
  privacyHeading: 'Privacy',
  privacy: [
    'Tifa makes no network requests: the glossary comes with it, and every explanation comes from that glossary. A source’s link opens a page in a new tab only when you click it.',
    'Your glossary edits and settings stay in this browser’s extension storage.',
    'Tifa reads the text of pages to find terms; it never reads what you type into fields, and it does not change the page.',
    'No account, no analytics, no tracking.',
  ],
};

export const WELCOME_STRINGS: Record<Lang, WelcomeStrings> = { zh, en };
