import { describe, expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import { emptyForm, entryFromForm, fieldOf, formFromDraft, formFromEntry, parseDraft } from './form';
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

  test('field paths map to form fields', () => {
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
