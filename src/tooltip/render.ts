// The tooltip's content, built from an entry with createElement and textContent only: glossary text
// (which users can edit and import) is never parsed as HTML.
import type { Entry } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';
import { CATEGORY_LABELS } from '@/src/glossary/categories';
import { COLLECTION_LABELS } from '@/src/glossary/collections';
import { copyText } from './copy';

export type Language = Settings['language'];

type Bilingual = { zh: string; en: string };

/** Interface labels, in the tooltip's language ("both" shows Chinese then English). */
const LABELS = {
  enumerates: { zh: '包括', en: 'Covers' },
  source: { zh: '出处', en: 'Source' },
  fromSpeech: { zh: '出处：讲话', en: 'From the speech' },
  collection: { zh: '全国性提法', en: 'National formulation' },
  alsoRendered: { zh: '又译', en: 'Also' },
  onPage: { zh: '页面写作', en: 'Written here as' },
  edit: { zh: '编辑词条', en: 'Edit entry' },
  since: { zh: '始于', en: 'Since' },
  keys: { zh: '下一个 / 上一个提法', en: 'Next / previous term' },
  more: { zh: '更多', en: 'More' },
  less: { zh: '收起', en: 'Less' },
  copy: { zh: '复制', en: 'Copy' },
  copyEnglish: { zh: '复制英文译法', en: 'Copy the English' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '无法复制', en: 'Not copied' },
  official: { zh: '官方译法', en: 'official' },
  descriptive: { zh: '描述性译法', en: 'descriptive' },
  officialBy: { zh: '使用者', en: 'Used by' },
  inSpeech: { zh: '在讲话中', en: 'In the speech' },
  sources: { zh: '依据', en: 'Sources' },
  supports: { zh: '可核对', en: 'Supports' },
  newTab: { zh: '在新标签页打开', en: 'opens in a new tab' },
  noDefinition: {
    zh: '没有找到公开定义：这是地方说法，解释依据其用法。',
    en: 'No public definition found: a local coinage, explained from how it is used.',
  },
} satisfies Record<string, Bilingual>;

/** What a source backs up, as the tooltip names it. */
const SUPPORT_LABELS: Record<string, Bilingual> = {
  meaning: { zh: '含义', en: 'meaning' },
  english: { zh: '英文译法', en: 'English' },
  date: { zh: '日期', en: 'date' },
  items: { zh: '所列内容', en: 'items' },
};

/** How Chinese text is shown: the glossary's simplified text, or converted to the page's script. */
interface Words {
  language: Language;
  zh(text: string): string;
  /** The language tag of the Chinese shown, so the right glyphs are used. */
  lang: string;
}

function label(l: Bilingual, w: Words): string {
  return w.language === 'zh' ? w.zh(l.zh) : w.language === 'en' ? l.en : `${w.zh(l.zh)} ${l.en}`;
}

/** A label introducing text on the same line, with the colon its language uses. */
function lead(l: Bilingual, w: Words): string {
  return w.language === 'zh' ? `${w.zh(l.zh)}：` : `${label(l, w)}: `;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Appends the Chinese and/or English text of `value` as paragraphs, each marked with its language. */
function bilingual(doc: Document, parent: HTMLElement, value: Bilingual, w: Words, className: string): void {
  if (w.language !== 'en') parent.append(withLang(el(doc, 'p', className, w.zh(value.zh)), w.lang));
  if (w.language !== 'zh') parent.append(withLang(el(doc, 'p', className, value.en), 'en'));
}

function withLang<T extends HTMLElement>(node: T, lang: string): T {
  node.lang = lang;
  return node;
}

/** A button of the tooltip: its clicks stay inside the tooltip (the page never sees them). */
function button(doc: Document, className: string, text: string, onClick: () => void): HTMLButtonElement {
  const node = el(doc, 'button', className, text);
  node.type = 'button';
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

/** The key that shows and hides the details while a tooltip is open (src/tooltip/tooltip.ts). */
export const MORE_KEY = 'm';
/** The key that copies the English while a tooltip is open. */
export const COPY_KEY = 'c';

/** Past this many items, a list takes two columns at a glance even if its items are cut short there. */
const MANY_ITEMS = 6;

/** A key's hint inside a button: shown, and read out as part of the button's name. */
function keyHint(doc: Document, key: string): HTMLElement {
  return el(doc, 'kbd', 'key', key.toUpperCase());
}

export interface Chinese {
  convert(text: string): string;
  lang: string;
}

export const SIMPLIFIED: Chinese = { convert: (text) => text, lang: 'zh-CN' };

export interface ContentOptions {
  language: Language;
  /** The text as written on the page, when it differs from the entry's term (a variant). */
  matchedText?: string;
  /** The heading's id, which the tooltip's aria-labelledby points at. */
  headingId: string;
  onEdit(): void;
  /** After the details were shown or hidden: the tooltip places itself again. */
  onToggle?(expanded: boolean): void;
  /**
   * The glossary's Chinese in the page's script (traditional characters on a Hong Kong or Taiwanese
   * page) and its language tag; simplified Chinese by default. Quotations and the titles of sources
   * are cited as published.
   */
  chinese?: Chinese;
  /** Start with the details shown (the options page's preview shows everything). */
  expanded?: boolean;
}

/**
 * The tooltip body for one entry: a scrolling part and a footer that stays in view. What a reader
 * needs at a glance comes first (term, pinyin, the English, the one-line summary, the items, one
 * line each); the explanation, the English's other renderings, since when, the quote and the sources
 * are details, shown by the "More" button or its key.
 */
export function renderEntry(doc: Document, entry: Entry, options: ContentOptions): HTMLElement {
  const chinese = options.chinese ?? SIMPLIFIED;
  const w: Words = { language: options.language, zh: chinese.convert, lang: chinese.lang };
  const { language } = w;
  const whole = el(doc, 'div', 'body');
  const body = el(doc, 'div', 'scroll');

  const header = el(doc, 'header', 'head');
  const title = el(doc, 'div', 'title');
  const heading = withLang(el(doc, 'h2', 'term', w.zh(entry.term)), w.lang);
  heading.id = options.headingId;
  const pinyin = withLang(el(doc, 'span', 'pinyin', entry.pinyin), 'zh-Latn-pinyin');
  title.append(heading, pinyin);
  const category = el(doc, 'span', `category cat-${entry.category}`, label(CATEGORY_LABELS[entry.category], w));
  const chips = el(doc, 'div', 'chips');
  chips.append(category);
  // Which shipped collection the entry belongs to, so a reader knows it is not from the speech.
  if (entry.collection) {
    const collection = el(doc, 'span', 'collection', label(LABELS.collection, w));
    collection.title = label(COLLECTION_LABELS[entry.collection], w);
    chips.append(collection);
  }
  header.append(title, chips);
  body.append(header);

  if (options.matchedText && options.matchedText !== w.zh(entry.term)) {
    const seen = el(doc, 'p', 'variant', lead(LABELS.onPage, w));
    seen.append(withLang(el(doc, 'span', 'variant-text', options.matchedText), 'zh'));
    body.append(seen);
  }

  const [official, ...alternatives] = entry.english;
  const english = el(doc, 'div', 'english');
  // The first rendering, labelled official (and by whom) or descriptive, and copied in one click.
  const first = el(doc, 'div', 'english-first');
  const kind = entry.englishOfficialBy ? LABELS.official : LABELS.descriptive;
  first.append(withLang(el(doc, 'p', 'official', official ?? ''), 'en'));
  first.append(el(doc, 'span', `rendering ${entry.englishOfficialBy ? 'is-official' : 'is-descriptive'}`, label(kind, w)));
  if (official) first.append(copyButton(doc, official, w));
  english.append(first);
  body.append(english);

  const summary = el(doc, 'div', 'summary');
  bilingual(doc, summary, entry.summary, w, 'summary-text');
  body.append(summary);

  // The items, one line each at a glance (the whole of each in the details).
  if (entry.components.length > 0) {
    const section = el(doc, 'section', 'components');
    section.append(el(doc, 'h3', 'label', label(LABELS.enumerates, w)));
    const list = el(doc, 'ol', entry.components.length > MANY_ITEMS ? 'component-list many' : 'component-list');
    for (const component of entry.components) {
      const item = el(doc, 'li', 'component');
      if (language !== 'en') item.append(withLang(el(doc, 'span', 'component-zh', w.zh(component.zh)), w.lang));
      if (language !== 'zh') item.append(withLang(el(doc, 'span', 'component-en', component.en), 'en'));
      item.title = item.textContent ?? '';
      list.append(item);
    }
    section.append(list);
    body.append(section);
  }

  const details = el(doc, 'div', 'details');
  details.id = `${options.headingId}-details`;
  if (entry.englishOfficialBy) {
    const by = el(doc, 'p', 'official-by', lead(LABELS.officialBy, w));
    by.append(withLang(el(doc, 'span', 'official-by-text', entry.englishOfficialBy), 'en'));
    details.append(by);
  }
  if (alternatives.length > 0) {
    details.append(withLang(el(doc, 'p', 'alternatives', `${lead(LABELS.alsoRendered, w)}${alternatives.join(' · ')}`), 'en'));
  }

  const explanation = el(doc, 'div', 'explanation');
  bilingual(doc, explanation, entry.explanation, w, 'explanation-text');
  if (entry.noPublicDefinition) {
    const note = el(doc, 'div', 'no-definition');
    bilingual(doc, note, LABELS.noDefinition, w, 'no-definition-text');
    explanation.append(note);
  }
  details.append(explanation);

  // Since when, in full: it can be a sentence ("long-standing (in Party use since the revolutionary period)").
  if (entry.since) details.append(el(doc, 'p', 'since', `${lead(LABELS.since, w)}${entry.since}`));

  if (entry.source) {
    const section = el(doc, 'section', 'source');
    const { citation } = entry.source;
    const fromSpeech = !citation && entry.speechRole !== undefined;
    section.append(el(doc, 'h3', 'label', label(fromSpeech ? LABELS.fromSpeech : LABELS.source, w)));
    const quote = el(doc, 'blockquote', 'quote');
    quote.append(withLang(el(doc, 'p', 'quote-text', entry.source.quote), 'zh-CN'));
    quote.append(withLang(el(doc, 'cite', 'section', entry.source.section), 'zh-CN'));
    if (citation) {
      // The public text the quote comes from, as text: its title, publisher and date.
      const cited = [citation.title, citation.publisher, citation.date].filter(Boolean).join(' · ');
      const cite = withLang(el(doc, 'cite', 'citation', cited), 'zh-CN');
      const href = httpsHref(citation.url);
      if (href) {
        const link = el(doc, 'a', 'citation-link', cited);
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        cite.textContent = '';
        cite.append(link);
      }
      quote.append(cite);
    }
    section.append(quote);
    if (entry.speechRole) {
      const role = el(doc, 'div', 'speech-role');
      role.append(el(doc, 'p', 'speech-role-label', lead(LABELS.inSpeech, w)));
      bilingual(doc, role, entry.speechRole, w, 'speech-role-text');
      section.append(role);
    }
    details.append(section);
  }

  if (entry.sources?.length) details.append(renderSources(doc, entry.sources, w));
  body.append(details);

  const footer = el(doc, 'footer', 'foot');
  const more = button(doc, 'more', '', () => {
    setExpanded(!whole.classList.contains('expanded'));
    options.onToggle?.(whole.classList.contains('expanded'));
  });
  more.setAttribute('aria-controls', details.id);
  const setExpanded = (expanded: boolean) => {
    whole.classList.toggle('expanded', expanded);
    details.hidden = !expanded;
    more.setAttribute('aria-expanded', String(expanded));
    more.replaceChildren(`${label(expanded ? LABELS.less : LABELS.more, w)} `, keyHint(doc, MORE_KEY));
  };
  setExpanded(!!options.expanded);
  footer.append(more);
  // The only place the stepping shortcut is visible while reading: worth its few pixels.
  const keys = el(doc, 'span', 'keys', 'Alt+Shift+. / ,');
  keys.title = label(LABELS.keys, w);
  footer.append(keys);
  footer.append(button(doc, 'edit', label(LABELS.edit, w), options.onEdit));
  whole.append(body, footer);
  return whole;
}

/**
 * Once shown: a list whose every item fits half its width takes two columns at a glance, both
 * languages kept (要求严 strict requirements). Measured, since only layout knows.
 */
export function pairShortItems(root: ParentNode): void {
  const list = root.querySelector<HTMLElement>('.component-list');
  if (!list || list.children.length < 3 || list.classList.contains('many')) return;
  const half = (list.clientWidth - COLUMN_GAP) / 2;
  // One line each, its marker inside: an item is as wide as from its start to the end of its last part.
  const width = (item: Element) => (item.lastElementChild?.getBoundingClientRect().right ?? Infinity) - item.getBoundingClientRect().left;
  list.classList.toggle('pairs', [...list.children].every((item) => width(item) <= half));
}

/** The gap between the two columns of items (tooltip.css). */
const COLUMN_GAP = 14;

/** Shows or hides the details of a rendered entry (the "More" key); false when there is none. */
export function toggleDetails(root: ParentNode): boolean {
  const more = root.querySelector<HTMLButtonElement>('.more');
  more?.click();
  return !!more;
}

/** Copies the English of a rendered entry (the copy key); false when there is none. */
export function copyEnglish(root: ParentNode): boolean {
  const copy = root.querySelector<HTMLButtonElement>('.copy');
  copy?.click();
  return !!copy;
}

/** The button that puts the English on the clipboard, and says so for a moment. */
function copyButton(doc: Document, english: string, w: Words): HTMLButtonElement {
  let timer = 0;
  const show = (text: string) => node.replaceChildren(`${text} `, keyHint(doc, COPY_KEY));
  const node = button(doc, 'copy', '', () => {
    void copyText(doc, english, node).then(
      () => show(label(LABELS.copied, w)),
      () => show(label(LABELS.copyFailed, w)),
    );
    const win = doc.defaultView;
    if (!win) return;
    win.clearTimeout(timer);
    timer = win.setTimeout(() => show(label(LABELS.copy, w)), 2500);
  });
  node.title = label(LABELS.copyEnglish, w);
  show(label(LABELS.copy, w));
  return node;
}

type Source = NonNullable<Entry['sources']>[number];

/** Only a well-formed https address becomes a link (the schema allows nothing else; this is a second lock). */
function httpsHref(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources, one compact line each: publisher and year (a link opening in a new tab when there is
 * an address: the only network request Tifa ever causes, and only on the reader's click), then the
 * title, cut short on screen.
 */
function renderSources(doc: Document, sources: readonly Source[], w: Words): HTMLElement {
  const section = el(doc, 'section', 'sources');
  section.append(el(doc, 'h3', 'label', label(LABELS.sources, w)));
  const list = el(doc, 'ul', 'source-list');
  for (const source of sources) {
    const item = el(doc, 'li', 'source-item');
    const year = source.date?.slice(0, 4);
    // "《学术界》2021年第6期" already says its year.
    const name = year && !source.publisher.includes(year) ? `${source.publisher} ${year}` : source.publisher;
    const href = httpsHref(source.url);
    let head: HTMLElement;
    if (href) {
      const link = el(doc, 'a', 'source-link', name);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.referrerPolicy = 'no-referrer';
      head = link;
    } else head = el(doc, 'span', 'source-name', name);
    const supports = source.supports.map((k) => label(SUPPORT_LABELS[k] ?? { zh: k, en: k }, w)).join(w.language === 'zh' ? '、' : ', ');
    const extra = [supports ? `${lead(LABELS.supports, w)}${supports}` : '', href ? label(LABELS.newTab, w) : '']
      .filter(Boolean)
      .join(' · ');
    // The title is cut short on screen: the whole line is in the hover text, and read out in full.
    item.title = `${name} — ${source.title}${extra ? ` · ${extra}` : ''}`;
    item.append(head, el(doc, 'span', 'source-title', ` ${source.title}`));
    if (extra) item.append(el(doc, 'span', 'visually-hidden', ` · ${extra}`));
    list.append(item);
  }
  section.append(list);
  return section;
}

/** One line for screen readers when a tooltip opens by keyboard. */
export function announcement(entry: Entry, language: Language, { convert: zh }: Chinese = SIMPLIFIED): string {
  const summary = language === 'en' ? entry.summary.en : zh(entry.summary.zh);
  return `${zh(entry.term)} (${entry.pinyin}), ${entry.english[0] ?? ''}: ${summary}`;
}
