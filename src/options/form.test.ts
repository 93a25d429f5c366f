import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import type { Entry } from '@/src/glossary/schema';
import { emptyForm, emptySource, entryFromForm, fieldOf, formFromDraft, formFromEntry, parseDraft, rawFromForm } from './form';
import { problemText, translator } from './i18n';
import { suggestPinyin } from './search';

const shipped = defaultGlossary().entries;
const ids = new Set(shipped.map((e) => e.id));

describe('the entry form', () => {
  test('every shipped entry survives form → entry unchanged', () => {
    for (const entry of shipped) {
      const result = entryFromForm(formFromEntry(entry), ids, entry.id);
      expect(result).toEqual({ ok: true, entry });
    }
  });

  test('an empty form reports each required field where the user sees it', () => {
    const result = entryFromForm({ ...emptyForm(), term: '接诉即办' }, ids);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(
        ['category', 'english', 'explanationEn', 'explanationZh', 'pinyin', 'summaryEn', 'summaryZh'].sort(),
      );
      expect(result.errors.english?.[0]).toMatchObject({ kind: 'schema', code: 'too_small' });
    }
  });

  test('component halves, source halves, markup and id clashes land on their fields', () => {
    const base = formFromEntry(shipped[0]!);
    const result = entryFromForm(
      {
        ...base,
        id: shipped[1]!.id,
        components: [{ zh: '第一项', en: '' }],
        sourceQuote: '原文',
        sourceSection: '',
        summaryEn: 'see <img src=x onerror=alert(1)>',
        pinyin: 'liang3 ge4',
      },
      ids,
      shipped[0]!.id,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['components.0.en', 'id', 'pinyin', 'sourceSection', 'summaryEn'].sort());
      expect(result.errors.summaryEn?.[0]?.kind).toBe('markup');
      expect(result.errors.id?.[0]).toEqual({ kind: 'duplicate-id', id: shipped[1]!.id });
    }
  });

  test('a new entry without an id gets one from its pinyin', () => {
    const form = { ...formFromEntry(shipped[0]!), id: '', term: '新提法', pinyin: 'xīn tífǎ' };
    const result = entryFromForm(form, ids);
    expect(result.ok && result.entry.id).toBe('xin-tifa');
  });

  test('sources, official English, speech role and the no-definition flag: edited, validated, errors on their fields', () => {
    const base = { ...formFromEntry(shipped[0]!), sources: [], englishOfficialBy: '', speechRoleZh: '', speechRoleEn: '', noPublicDefinition: false };
    // A blank row the user added and left is not a source; whitespace-only official-by is none.
    const blank = entryFromForm({ ...base, sources: [emptySource()], englishOfficialBy: '  ' }, ids, shipped[0]!.id);
    expect(blank.ok).toBe(true);
    if (blank.ok) for (const k of ['sources', 'englishOfficialBy', 'speechRole', 'noPublicDefinition']) expect(blank.entry).not.toHaveProperty(k);

    const filled = entryFromForm(
      {
        ...base,
        sources: [{ title: '中国共产党支部工作条例（试行）', publisher: '中共中央', date: '2018-10', url: '', supports: ['items', 'meaning'] }],
        englishOfficialBy: 'Xinhua',
        speechRoleZh: '讲话要求落实。',
        speechRoleEn: 'The speech asks for it.',
        noPublicDefinition: true,
      },
      ids,
      shipped[0]!.id,
    );
    expect(filled.ok && filled.entry).toMatchObject({
      sources: [{ title: '中国共产党支部工作条例（试行）', publisher: '中共中央', date: '2018-10', supports: ['meaning', 'items'] }],
      englishOfficialBy: 'Xinhua',
      speechRole: { zh: '讲话要求落实。', en: 'The speech asks for it.' },
      noPublicDefinition: true,
    });
    expect(filled.ok && filled.entry.sources?.[0]).not.toHaveProperty('url');

    const bad = entryFromForm(
      {
        ...base,
        sources: [
          { title: '', publisher: 'Xinhua', date: '2018年', url: 'http://www.news.cn/a.htm', supports: [] },
          { title: 't', publisher: 'p', date: '', url: 'www.gov.cn', supports: ['english'] },
        ],
        speechRoleZh: '只有中文。',
      },
      ids,
      shipped[0]!.id,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(Object.keys(bad.errors).sort()).toEqual(['sources.0.date', 'sources.0.title', 'sources.0.url', 'sources.1.url', 'speechRoleEn'].sort());
      const en = translator('en');
      expect(problemText(bad.errors['sources.0.url']![0]!, en)).toBe('Must be a full https:// address, like https://www.gov.cn/…');
      expect(problemText(bad.errors['sources.0.date']![0]!, en)).toBe('Write the date as 2018, 2018-07 or 2018-07-31.');
      expect(problemText(bad.errors['sources.0.title']![0]!, en)).toBe('Required.');
      expect(problemText(bad.errors.speechRoleEn![0]!, translator('zh'))).toBe('必填。');
    }

    const four = entryFromForm({ ...base, sources: Array.from({ length: 4 }, () => ({ ...emptySource(), title: 't', publisher: 'p' })) }, ids, shipped[0]!.id);
    expect(!four.ok && problemText(four.errors.sources![0]!, translator('en'))).toBe('Too many (at most 3).');
  });

  test('the form of an entry gives back the same raw sources (the order of ticked boxes does not matter)', () => {
    const sourced: Entry = {
      ...shipped[0]!,
      sources: [
        { title: 'A', publisher: 'Xinhua', date: '2018-07-31', url: 'https://www.news.cn/a.htm', supports: ['meaning', 'english', 'date'] },
        { title: 'B', publisher: '中共中央', supports: [] },
      ],
    };
    const form = formFromEntry(sourced);
    form.sources = form.sources.map((s) => ({ ...s, supports: [...s.supports].reverse() }));
    expect(rawFromForm(form).sources).toEqual(sourced.sources);
  });

  test('field paths map to form fields', () => {
    expect(fieldOf('sources.1.url')).toBe('sources.1.url');
    expect(fieldOf('sources.0.supports.2')).toBe('sources.0.supports');
    expect(fieldOf('sources')).toBe('sources');
    expect(fieldOf('speechRole.en')).toBe('speechRoleEn');
    expect(fieldOf('englishOfficialBy')).toBe('englishOfficialBy');
    expect(fieldOf('summary.en')).toBe('summaryEn');
    expect(fieldOf('english.2')).toBe('english');
    expect(fieldOf('components.3.zh')).toBe('components.3.zh');
    expect(fieldOf('source')).toBe('sourceQuote');
  });
});

describe('drafts from the context menu', () => {
  test('the background’s draft (term, pinyin, source, origin) prefills the form', () => {
    const draft = parseDraft(JSON.stringify({ term: '三会一课', pinyin: 'sān huì yī kè', source: '落实“三会一课”。', origin: 'https://www.news.cn/a.html' }));
    expect(draft).toEqual({ term: '三会一课', pinyin: 'sān huì yī kè', source: '落实“三会一课”。', origin: 'https://www.news.cn/a.html' });
    const form = formFromDraft(draft!, suggestPinyin);
    expect(form).toMatchObject({ term: '三会一课', pinyin: 'sān huì yī kè', sourceQuote: '落实“三会一课”。', sourceSection: 'www.news.cn' });
  });

  test('without pinyin it is suggested with dictionary tones', () => {
    const form = formFromDraft(parseDraft('{"term":"三会一课"}')!, suggestPinyin);
    expect(form.pinyin).toBe('sān huì yī kè');
    expect(form.sourceSection).toBe('');
  });

  test('unreadable drafts are refused', () => {
    for (const bad of ['', '{', 'null', '[]', '{"term":""}', '{"term":5}', JSON.stringify({ term: 'x'.repeat(300) })]) {
      expect(parseDraft(bad)).toBeUndefined();
    }
  });
});
