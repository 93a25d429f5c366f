// The tooltip's content, built from an entry with createElement and textContent only: glossary text
// (which users can edit and import) is never parsed as HTML.
import type { Entry } from '@/src/glossary/schema';
import type { Settings } from '@/src/settings/settings';
import { CATEGORY_LABELS } from '@/src/glossary/categories';
import { COLLECTION_LABELS } from '@/src/glossary/collections';

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

function label(l: Bilingual, language: Language): string {
  return language === 'zh' ? l.zh : language === 'en' ? l.en : `${l.zh} ${l.en}`;
}

/** A label introducing text on the same line, with the colon its language uses. */
function lead(l: Bilingual, language: Language): string {
  return language === 'zh' ? `${l.zh}：` : `${label(l, language)}: `;
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
function bilingual(doc: Document, parent: HTMLElement, value: Bilingual, language: Language, className: string): void {
  if (language !== 'en') parent.append(withLang(el(doc, 'p', className, value.zh), 'zh-CN'));
  if (language !== 'zh') parent.append(withLang(el(doc, 'p', className, value.en), 'en'));
}

function withLang<T extends HTMLElement>(node: T, lang: string): T {
  node.lang = lang;
  return node;
}

export interface ContentOptions {
  language: Language;
  /** The text as written on the page, when it differs from the entry's term (a variant). */
  matchedText?: string;
  /** The heading's id, which the tooltip's aria-labelledby points at. */
  headingId: string;
  onEdit(): void;
}

/** The tooltip body for one entry: a scrolling part and a footer that stays in view. */
export function renderEntry(doc: Document, entry: Entry, options: ContentOptions): HTMLElement {
  const { language } = options;
  const body = el(doc, 'div', 'scroll');

  const header = el(doc, 'header', 'head');
  const title = el(doc, 'div', 'title');
  const heading = withLang(el(doc, 'h2', 'term', entry.term), 'zh-CN');
  heading.id = options.headingId;
  const pinyin = withLang(el(doc, 'span', 'pinyin', entry.pinyin), 'zh-Latn-pinyin');
  title.append(heading, pinyin);
  const category = el(doc, 'span', `category cat-${entry.category}`, label(CATEGORY_LABELS[entry.category], language));
  const chips = el(doc, 'div', 'chips');
  chips.append(category);
  // Which shipped collection the entry belongs to, so a reader knows it is not from the speech.
  if (entry.collection) {
    const collection = el(doc, 'span', 'collection', label(LABELS.collection, language));
    collection.title = label(COLLECTION_LABELS[entry.collection], language);
    chips.append(collection);
  }
  header.append(title, chips);
  body.append(header);

  if (options.matchedText && options.matchedText !== entry.term) {
    const seen = el(doc, 'p', 'variant', lead(LABELS.onPage, language));
    seen.append(withLang(el(doc, 'span', 'variant-text', options.matchedText), 'zh'));
    body.append(seen);
  }

  const [official, ...alternatives] = entry.english;
  const english = el(doc, 'div', 'english');
  // The first rendering, labelled official (and by whom) or descriptive.
  const first = el(doc, 'div', 'english-first');
  const kind = entry.englishOfficialBy ? LABELS.official : LABELS.descriptive;
  first.append(withLang(el(doc, 'p', 'official', official ?? ''), 'en'));
  first.append(el(doc, 'span', `rendering ${entry.englishOfficialBy ? 'is-official' : 'is-descriptive'}`, label(kind, language)));
  english.append(first);
  if (entry.englishOfficialBy) {
    const by = el(doc, 'p', 'official-by', lead(LABELS.officialBy, language));
    by.append(withLang(el(doc, 'span', 'official-by-text', entry.englishOfficialBy), 'en'));
    english.append(by);
  }
  if (alternatives.length > 0) {
    english.append(withLang(el(doc, 'p', 'alternatives', `${lead(LABELS.alsoRendered, language)}${alternatives.join(' · ')}`), 'en'));
  }
  body.append(english);

  const summary = el(doc, 'div', 'summary');
  bilingual(doc, summary, entry.summary, language, 'summary-text');
  body.append(summary);

  const explanation = el(doc, 'div', 'explanation');
  bilingual(doc, explanation, entry.explanation, language, 'explanation-text');
  if (entry.noPublicDefinition) {
    const note = el(doc, 'div', 'no-definition');
    bilingual(doc, note, LABELS.noDefinition, language, 'no-definition-text');
    explanation.append(note);
  }
  body.append(explanation);

  if (entry.components.length > 0) {
    const section = el(doc, 'section', 'components');
    section.append(el(doc, 'h3', 'label', label(LABELS.enumerates, language)));
    const list = el(doc, 'ol', 'component-list');
    for (const component of entry.components) {
      const item = el(doc, 'li', 'component');
      if (language !== 'en') item.append(withLang(el(doc, 'span', 'component-zh', component.zh), 'zh-CN'));
      if (language !== 'zh') item.append(withLang(el(doc, 'span', 'component-en', component.en), 'en'));
      list.append(item);
    }
    section.append(list);
    body.append(section);
  }

  if (entry.source) {
    const section = el(doc, 'section', 'source');
    const { citation } = entry.source;
    const fromSpeech = !citation && entry.speechRole !== undefined;
    section.append(el(doc, 'h3', 'label', label(fromSpeech ? LABELS.fromSpeech : LABELS.source, language)));
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
      role.append(el(doc, 'p', 'speech-role-label', lead(LABELS.inSpeech, language)));
      bilingual(doc, role, entry.speechRole, language, 'speech-role-text');
      section.append(role);
    }
    body.append(section);
  }

  if (entry.sources?.length) body.append(renderSources(doc, entry.sources, language));

  const footer = el(doc, 'footer', 'foot');
  const info = el(doc, 'span', 'foot-info');
  if (entry.since) {
    const since = el(doc, 'span', 'since', `${label(LABELS.since, language)} ${entry.since}`);
    since.title = since.textContent ?? ''; // cut short with an ellipsis when long
    info.append(since);
  }
  // The only place the keyboard shortcut is visible while reading: worth its few pixels.
  const keys = el(doc, 'span', 'keys', 'Alt+Shift+. / ,');
  keys.title = label(LABELS.keys, language);
  info.append(keys);
  footer.append(info);
  const edit = el(doc, 'button', 'edit', label(LABELS.edit, language));
  edit.type = 'button';
  edit.addEventListener('click', (event) => {
    event.stopPropagation();
    options.onEdit();
  });
  footer.append(edit);
  const whole = el(doc, 'div', 'body');
  whole.append(body, footer);
  return whole;
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
function renderSources(doc: Document, sources: readonly Source[], language: Language): HTMLElement {
  const section = el(doc, 'section', 'sources');
  section.append(el(doc, 'h3', 'label', label(LABELS.sources, language)));
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
    const supports = source.supports.map((k) => label(SUPPORT_LABELS[k] ?? { zh: k, en: k }, language)).join(language === 'zh' ? '、' : ', ');
    const extra = [supports ? `${lead(LABELS.supports, language)}${supports}` : '', href ? label(LABELS.newTab, language) : '']
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
export function announcement(entry: Entry, language: Language): string {
  const summary = language === 'en' ? entry.summary.en : entry.summary.zh;
  return `${entry.term} (${entry.pinyin}), ${entry.english[0] ?? ''}: ${summary}`;
}
