import { describe, expect, test } from 'vitest';
import { entry, SHIPPED } from './test-helpers';
import { sanitiseRaw, validateEntry } from './validate';

describe('export then import gives back the identical glossary', () => {
  test('the shipped glossary is already clean: sanitising changes nothing', () => {
    for (const e of SHIPPED) expect(sanitiseRaw(e)).toEqual(e);
  });
});

describe('sources, official English, speech role, no public definition', () => {
  test('empty sources and a false flag are the same as absent', () => {
    const r = validateEntry({ ...entry(), sources: [], noPublicDefinition: false, englishOfficialBy: ' ' });
    expect(r).toEqual({ ok: true, entry: entry() });
  });

  test('bad sources are refused with the field that is wrong', () => {
    const problems = (sources: unknown) => {
      const r = validateEntry({ ...entry(), sources });
      return r.ok ? [] : r.problems.map((p) => (p.kind === 'schema' ? p.field : p.kind));
    };
    const good = { title: 't', publisher: 'p', supports: ['meaning'] };
    expect(problems([good])).toEqual([]);
    expect(problems([{ ...good, url: 'http://www.gov.cn/' }])).toEqual(['sources.0.url']);
    expect(problems([{ ...good, url: 'https://' }])).toEqual(['sources.0.url']);
    expect(problems([{ ...good, url: 'www.gov.cn/x' }])).toEqual(['sources.0.url']);
    expect(problems([{ ...good, url: 'javascript:alert(1)' }])).toEqual(expect.arrayContaining(['markup', 'sources.0.url']));
    expect(problems([{ ...good, date: '2018年' }])).toEqual(['sources.0.date']);
    expect(problems([{ ...good, date: '2018-13' }])).toEqual(['sources.0.date']);
    expect(problems([{ ...good, supports: ['meaning', 'meaning'] }])).toEqual(['sources.0.supports']);
    expect(problems([{ ...good, supports: ['vibes'] }])).toEqual(['sources.0.supports.0']);
    expect(problems([{ ...good, title: '' }])).toEqual(['sources.0.title']);
    expect(problems([good, good, good, good])).toEqual(['sources']);
    expect(problems([{ ...good, extra: 1 }])).toEqual(['sources.0']);
  });
});

describe('pieces', () => {
  test('validateEntry reports schema problems by field', () => {
    const r = validateEntry({ ...entry(), english: [], category: 'nonsense' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => (p.kind === 'schema' ? p.field : p.kind)).sort()).toEqual(['category', 'english']);
  });

  test('sanitising is idempotent and strips invisible and control characters', () => {
    const dirty = { term: ' 两个\u200b维护\u0007 ', explanation: { zh: '第一行  \r\n\r\n\r\n\r\n第二行\u202e', en: 'x' } };
    const once = sanitiseRaw(dirty);
    expect(once).toEqual({ term: '两个维护', explanation: { zh: '第一行\n\n第二行', en: 'x' } });
    expect(sanitiseRaw(once)).toEqual(once);
  });
});

describe('sense cues', () => {
  const problems = (over: Record<string, unknown>) => {
    const r = validateEntry({ ...entry({ term: '四史', ambiguous: true }), ...over });
    return r.ok ? [] : r.problems.map((p) => (p.kind === 'schema' ? p.field : p.kind));
  };

  test('an expression the term is not within is refused: it could never cover an occurrence', () => {
    expect(problems({ notWithin: ['前四史'], otherSenseWords: ['二十四史'], ownSenseWords: ['党史'] })).toEqual([]);
    expect(problems({ notWithin: ['前四史', '史记'] })).toEqual(['notWithin.1']);
    expect(problems({ notWithin: ['四史'] })).toEqual(['notWithin.0']);
  });
});
