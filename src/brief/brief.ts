// The brief of a page: every glossary term on it, in order of first appearance, with pinyin, the
// official (or descriptive) English, the one-line meaning, how often it occurs, the sentence where it
// first occurs and its sources; as Markdown or CSV. Built from the page report (terms and counts) and
// the page's first occurrences (./page-excerpts.ts), never from the DOM in the popup. Pure.
//
// Page text (title, address, sentences) and glossary text are quoted exactly and made inert: in
// Markdown every ASCII punctuation character is backslash-escaped, so nothing becomes a tag, a link,
// an image or emphasis; in CSV cells that a spreadsheet would run as a formula are prefixed.
import type { Entry, Reference } from '@/src/glossary/schema';
import { isHttpsUrl } from '@/src/glossary/https-url';
import { csvCell } from '@/src/glossary/csv';
import type { PageReport } from '@/src/messages';
import type { Settings } from '@/src/settings/settings';
import { sentenceAround } from '@/src/page/selection-context';
import type { FirstOccurrence } from './page-excerpts';

export type BriefLanguage = Settings['language'];

interface BriefRow {
  id: string;
  term: string;
  pinyin: string;
  english: string;
  /** Who uses the English (it is official), or undefined (descriptive). */
  officialBy: string | undefined;
  summary: { zh: string; en: string };
  /** The items the term lists, if any. */
  items: Array<{ zh: string; en: string }>;
  count: number;
  /** The sentence of the page where it first occurs ('' when the page could not tell). */
  sentence: string;
  /** The term as written there, when it differs (a variant, a traditional form). */
  written: string | undefined;
  sources: Reference[];
}

export interface Brief {
  title: string;
  url: string;
  /** YYYY-MM-DD, local. */
  date: string;
  rows: BriefRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The brief: the report's terms and counts, ordered by first occurrence in the page (terms the
 * excerpts did not reach keep the report's order, after the others). Entries missing from the
 * glossary (deleted meanwhile) are left out.
 */
export function buildBrief(
  report: PageReport,
  page: { title: string; url: string; firsts: readonly FirstOccurrence[] },
  entries: ReadonlyMap<string, Entry>,
  date: Date,
): Brief {
  const position = new Map(page.firsts.map((f, i) => [f.id, i]));
  const first = new Map(page.firsts.map((f) => [f.id, f]));
  const terms = report.terms
    .filter((t) => t.count > 0)
    .map((t, i) => ({ t, at: position.get(t.id) ?? page.firsts.length + i }))
    .sort((a, b) => a.at - b.at)
    .map(({ t }) => t);
  const rows: BriefRow[] = [];
  for (const t of terms) {
    const entry = entries.get(t.id);
    if (!entry) continue;
    const occurrence = first.get(t.id);
    const sentence = occurrence
      ? sentenceAround(occurrence.before + occurrence.text + occurrence.after, occurrence.before.length, occurrence.before.length + occurrence.text.length)
      : '';
    rows.push({
      id: entry.id,
      term: entry.term,
      pinyin: entry.pinyin,
      english: entry.english[0] ?? '',
      officialBy: entry.englishOfficialBy,
      summary: entry.summary,
      items: entry.components,
      count: t.count,
      sentence,
      written: occurrence && occurrence.text !== entry.term ? occurrence.text : undefined,
      sources: entry.sources ?? [],
    });
  }
  return { title: page.title, url: page.url, date: isoDay(date), rows };
}

type Label = { zh: string; en: string };
const L = {
  brief: { zh: '页面提法简报', en: 'Brief of this page' },
  address: { zh: '网址', en: 'Address' },
  date: { zh: '日期', en: 'Date' },
  terms: { zh: '提法', en: 'Terms' },
  occurrences: { zh: '次', en: 'occurrences' },
  english: { zh: '英文', en: 'English' },
  official: { zh: '官方译法', en: 'official' },
  descriptive: { zh: '描述性译法', en: 'descriptive' },
  meaning: { zh: '含义', en: 'Meaning' },
  items: { zh: '包括', en: 'Lists' },
  firstOnPage: { zh: '首次出现', en: 'First on the page' },
  writtenAs: { zh: '页面写作', en: 'written' },
  sources: { zh: '依据', en: 'Sources' },
  untitled: { zh: '（无标题）', en: '(untitled)' },
} satisfies Record<string, Label>;

function say(label: Label, language: BriefLanguage): string {
  return language === 'zh' ? label.zh : language === 'en' ? label.en : `${label.zh} ${label.en}`;
}

function inLanguage(value: { zh: string; en: string }, language: BriefLanguage): string {
  return language === 'zh' ? value.zh : language === 'en' ? value.en : `${value.zh} / ${value.en}`;
}

/**
 * `text` as Markdown that renders as exactly this text: whitespace runs become one space, and every
 * ASCII punctuation character is backslash-escaped (CommonMark allows escaping any of them), so no
 * tag, link, autolink (https\://, www\.), image, entity or emphasis can form.
 */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

function sourceLine(s: Reference): string {
  const name = [s.title, s.publisher, s.date].filter(Boolean).map((x) => markdownText(x as string)).join(', ');
  // Only a well-formed https address becomes a link, in angle brackets (no parenthesis tricks).
  return s.url && isHttpsUrl(s.url) && !/[<>\s]/.test(s.url) ? `${name} <${s.url}>` : name;
}

export function briefMarkdown(brief: Brief, language: BriefLanguage): string {
  const total = brief.rows.reduce((n, r) => n + r.count, 0);
  const lines = [
    `# ${say(L.brief, language)}: ${markdownText(brief.title) || say(L.untitled, language)}`,
    '',
    `- ${say(L.address, language)}: ${markdownText(brief.url)}`,
    `- ${say(L.date, language)}: ${brief.date}`,
    `- ${say(L.terms, language)}: ${brief.rows.length} (${total} ${say(L.occurrences, language)})`,
  ];
  brief.rows.forEach((r, i) => {
    lines.push('', `## ${i + 1}\\. ${markdownText(r.term)} (${markdownText(r.pinyin)}) ×${r.count}`, '');
    const kind = r.officialBy ? `${say(L.official, language)}: ${markdownText(r.officialBy)}` : say(L.descriptive, language);
    lines.push(`- ${say(L.english, language)}: **${markdownText(r.english)}** (${kind})`);
    lines.push(`- ${say(L.meaning, language)}: ${markdownText(inLanguage(r.summary, language))}`);
    if (r.items.length) lines.push(`- ${say(L.items, language)}: ${r.items.map((c) => markdownText(inLanguage(c, language))).join('; ')}`);
    if (r.sentence) {
      const written = r.written ? ` (${say(L.writtenAs, language)} ${markdownText(r.written)})` : '';
      lines.push(`- ${say(L.firstOnPage, language)}${written}:`, `  > ${markdownText(r.sentence)}`);
    }
    if (r.sources.length) lines.push(`- ${say(L.sources, language)}: ${r.sources.map(sourceLine).join('; ')}`);
  });
  return `${lines.join('\n')}\n`;
}

export const BRIEF_CSV_COLUMNS = [
  'order',
  'term',
  'pinyin',
  'english',
  'english_kind',
  'english_official_by',
  'meaning',
  'items',
  'count',
  'first_sentence',
  'written_as',
  'sources',
  'page_title',
  'page_url',
  'date',
] as const;

/** CSV for spreadsheets, as the glossary export writes it: UTF-8 with a BOM, CRLF, formula cells made inert. */
export function briefCsv(brief: Brief, language: BriefLanguage): string {
  const rows = brief.rows.map((r, i) => {
    const cells: Record<(typeof BRIEF_CSV_COLUMNS)[number], string> = {
      order: String(i + 1),
      term: r.term,
      pinyin: r.pinyin,
      english: r.english,
      english_kind: r.officialBy ? 'official' : 'descriptive',
      english_official_by: r.officialBy ?? '',
      meaning: inLanguage(r.summary, language),
      items: r.items.map((c) => inLanguage(c, language)).join('\n'),
      count: String(r.count),
      first_sentence: r.sentence,
      written_as: r.written ?? '',
      sources: r.sources.map((s) => [s.title, s.publisher, s.date, s.url].filter(Boolean).join(', ')).join('\n'),
      page_title: brief.title,
      page_url: brief.url,
      date: brief.date,
    };
    return BRIEF_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return `\ufeff${[BRIEF_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** "tifa-brief-example.com-2026-12-02.md": the site and the day. */
export function briefFileName(brief: Brief, kind: 'md' | 'csv'): string {
  let host = 'page';
  try {
    host = new URL(brief.url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
  } catch {
    // not an address: keep "page"
  }
  return `tifa-brief-${host}-${brief.date}.${kind}`;
}
