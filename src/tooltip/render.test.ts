// The tooltip body built from an entry (in linkedom): sources as compact lines with safe links, the
// first English labelled official or descriptive, the role in the speech under the quote, and the
// no-public-definition note.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import type { Entry } from '@/src/glossary/schema';
import { renderEntry, type ContentOptions, type Language } from './render';

const shipped = defaultGlossary().entries;

function render(entry: Entry, language: Language = 'en', more: Partial<ContentOptions> = {}) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const root = renderEntry(document as unknown as Document, entry, { language, headingId: 'h', onEdit: () => undefined, ...more });
  const all = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  return { root, all, text: (sel: string) => root.querySelector(sel)?.textContent ?? '' };
}

const base: Entry = { ...shipped[0]!, sources: undefined, englishOfficialBy: undefined, speechRole: undefined, noPublicDefinition: undefined };

describe('sources', () => {
  const entry: Entry = {
    ...base,
    sources: [
      { title: 'Ensure the Two Upholds', publisher: 'China Daily', date: '2019-07-09', url: 'https://www.chinadaily.com.cn/a.htm', supports: ['meaning', 'english'] },
      { title: '中国共产党支部工作条例（试行）', publisher: '中共中央', supports: ['items'] },
      // Not reachable through the schema; the renderer still refuses to make it a link.
      { title: 'x', publisher: 'Evil', url: 'javascript:alert(1)', supports: [] },
    ],
  };

  test('one line each: publisher and year, then the title; a link only for https, opening in a new tab without referrer', () => {
    const { all } = render(entry);
    const items = all('.source-item');
    expect(items).toHaveLength(3);
    expect(items[0]!.querySelector('.source-link')?.textContent).toBe('China Daily 2019');
    expect(items[0]!.querySelector('.source-title')?.textContent).toBe(' Ensure the Two Upholds');
    const link = all('a');
    expect(link).toHaveLength(1);
    expect(link[0]!.getAttribute('href')).toBe('https://www.chinadaily.com.cn/a.htm');
    expect(link[0]!.getAttribute('target')).toBe('_blank');
    expect(link[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items[1]!.querySelector('.source-name')?.textContent).toBe('中共中央');
    expect(items[2]!.querySelector('.source-name')?.textContent).toBe('Evil');
  });

  test('the full title and what it supports are in the hover text and read out', () => {
    const { all } = render(entry);
    const first = all('.source-item')[0]!;
    expect(first.getAttribute('title')).toBe('China Daily 2019 — Ensure the Two Upholds · Supports: meaning, English · opens in a new tab');
    expect(first.querySelector('.visually-hidden')?.textContent).toBe(' · Supports: meaning, English · opens in a new tab');
    expect(render(entry, 'zh').all('.source-item')[1]!.getAttribute('title')).toBe('中共中央 — 中国共产党支部工作条例（试行） · 可核对：所列内容');
  });

  test('a publisher that already names the year does not get it twice', () => {
    const { text } = render({ ...base, sources: [{ title: 't', publisher: '《学术界》2021年第6期', date: '2021', supports: ['meaning'] }] });
    expect(text('.source-name')).toBe('《学术界》2021年第6期');
  });

  test('no sources, no section', () => {
    expect(render(base).all('.sources')).toHaveLength(0);
  });
});

describe('the first English rendering', () => {
  test('official, with who uses it', () => {
    const { text } = render({ ...base, englishOfficialBy: 'Xinhua' });
    expect(text('.official')).toBe(base.english[0]);
    expect(text('.rendering.is-official')).toBe('official');
    expect(text('.official-by')).toBe('Used by: Xinhua');
  });

  test('descriptive otherwise', () => {
    const { text, all } = render(base, 'both');
    expect(text('.rendering.is-descriptive')).toBe('描述性译法 descriptive');
    expect(all('.official-by')).toHaveLength(0);
  });
});

test('the role in the speech sits under the quote, in the chosen language', () => {
  const entry: Entry = { ...base, speechRole: { zh: '讲话把它列为首要要求。', en: 'The speech makes it the first requirement.' } };
  const { all, text } = render(entry, 'zh');
  const source = all('.source')[0]!;
  expect(source.querySelector('.quote + .speech-role')).not.toBeNull();
  expect(text('.speech-role-label')).toBe('在讲话中：');
  expect(all('.speech-role-text').map((p) => p.textContent)).toEqual(['讲话把它列为首要要求。']);
});

test('an entry without a public definition says so under the explanation', () => {
  expect(render({ ...base, noPublicDefinition: true }).text('.no-definition')).toMatch(/^No public definition found/);
  expect(render(base).all('.no-definition')).toHaveLength(0);
});

test('every shipped entry renders its sources', () => {
  for (const entry of shipped) expect(render(entry).all('.source-item').length).toBe(entry.sources?.length ?? 0);
});

describe('where the entry comes from', () => {
  test('a national formulation says so, and cites the public text its quote comes from, as text', () => {
    const entry: Entry = {
      ...base,
      collection: 'national',
      source: {
        quote: '持续深化纠治“四风”。',
        section: '二、全面从严治党',
        citation: { title: '<img src=x onerror=alert(1)>公报', publisher: '中央纪委', date: '2024-01', url: 'https://www.ccdi.gov.cn/a.html', supports: [] },
      },
    };
    const { all, text, root } = render(entry, 'both');
    expect(text('.collection')).toBe('全国性提法 National formulation');
    expect(text('.source .label')).toBe('出处 Source');
    expect(text('.citation')).toBe('<img src=x onerror=alert(1)>公报 · 中央纪委 · 2024-01');
    expect(all('.citation-link')[0]?.getAttribute('href')).toBe('https://www.ccdi.gov.cn/a.html');
    expect(root.querySelector('img')).toBeNull();
  });

  test("the speech's entries say their quote is from the speech; no collection chip", () => {
    const speechEntry = shipped.find((e) => e.speechRole && e.source)!;
    const { all, text } = render(speechEntry, 'en');
    expect(text('.source .label')).toBe('From the speech');
    expect(all('.collection')).toHaveLength(0);
    expect(all('.citation')).toHaveLength(0);
  });

  test("a user's own entry with a quote is just a source", () => {
    const { text } = render(base, 'en');
    expect(text('.source .label')).toBe('Source');
  });
});

describe('at a glance and in the details', () => {
  const entry: Entry = {
    ...base,
    since: 'long-standing (in Party use since the revolutionary period)',
    englishOfficialBy: 'Xinhua',
    english: ['the Two Upholds', 'the two safeguards'],
    components: [
      { zh: '坚决维护核心地位', en: 'uphold the core' },
      { zh: '坚决维护集中统一领导', en: 'uphold centralised leadership' },
    ],
  };

  test('the glance holds term, pinyin, English, summary and items; the rest is in hidden details', () => {
    const { root, all } = render(entry, 'both');
    const glance = root.querySelector('.scroll')!;
    for (const selector of ['.term', '.pinyin', '.official', '.summary-text', '.component']) {
      expect(glance.querySelector(selector)?.closest('.details'), selector).toBeNull();
    }
    const details = all('.details')[0]!;
    expect(details.hidden).toBe(true);
    for (const selector of ['.explanation', '.since', '.official-by', '.alternatives', '.source', '.sources']) {
      if (glance.querySelector(selector)) expect(glance.querySelector(selector)!.closest('.details'), selector).toBe(details);
    }
    const more = all('.more')[0]!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(details.id);
    expect(more.textContent).toBe('更多 More M');
  });

  test('since is a line of its own in the details, in full', () => {
    const { text, root } = render(entry, 'en', { expanded: true });
    expect(text('.since')).toBe('Since: long-standing (in Party use since the revolutionary period)');
    expect(root.querySelector('.foot .since')).toBeNull();
    expect(root.querySelector<HTMLElement>('.details')!.hidden).toBe(false);
    expect(text('.more')).toBe('Less M');
  });

  test('a copy button sits by the English', () => {
    const { all } = render(entry, 'en');
    const copy = all('.english-first .copy')[0]!;
    expect(copy.textContent).toBe('Copy C');
    expect(copy.getAttribute('title')).toBe('Copy the English');
  });

  test("the glossary's Chinese is shown converted (page script); quotes stay as cited", () => {
    const convert = (text: string) => `T:${text}`;
    const { text, all } = render({ ...entry, source: { quote: '原话', section: '一' } }, 'both', { chinese: { convert, lang: 'zh-Hant-TW' } });
    expect(text('.term')).toBe(`T:${entry.term}`);
    expect(all('.term')[0]!.getAttribute('lang')).toBe('zh-Hant-TW');
    expect(all('.summary-text').map((p) => p.textContent)).toEqual([`T:${entry.summary.zh}`, entry.summary.en]);
    expect(all('.component-zh').map((p) => p.textContent)).toEqual(['T:坚决维护核心地位', 'T:坚决维护集中统一领导']);
    expect(text('.label')).toBe('T:包括 Covers');
    expect(text('.quote-text')).toBe('原话');
  });
});
