import { describe, expect, it } from 'vitest';
import { defaultGlossary } from './default';
import { compilePatterns } from './patterns';
import { buildPageGlossary, decodePageGlossary, encodePageGlossary } from './page-glossary';
import { compileMatcher } from '@/src/matcher/matcher';

const { entries } = defaultGlossary();
const patterns = compilePatterns(entries);

describe('page glossary', () => {
  it('holds every enabled entry and every compiled form, longest first, each with its entry', () => {
    const page = buildPageGlossary(entries, patterns);
    expect(page.ids).toEqual(entries.filter((e) => e.enabled).map((e) => e.id));
    expect(page.forms).toHaveLength(patterns.length);
    expect(new Set(page.forms)).toEqual(new Set(patterns.map((p) => p.text)));
    for (let i = 1; i < page.forms.length; i++) expect(page.forms[i - 1]!.length).toBeGreaterThanOrEqual(page.forms[i]!.length);
    const owner = new Map(patterns.map((p) => [p.text, p.id]));
    page.forms.forEach((form, i) => expect(page.ids[page.entryOf[i]!]).toBe(owner.get(form)));
    const ambiguous = new Set(patterns.filter((p) => p.ambiguous).map((p) => p.text));
    expect(new Set(page.ambiguous.map((i) => page.forms[i]))).toEqual(ambiguous);
    expect(page.terms[page.ids.indexOf('liang-ge-wei-hu')]).toBe('两个维护');
    expect(page.salience).toEqual(entries.map((e) => ['core', 'context', 'everyday'].indexOf(e.salience)));
    expect(page.salience[page.ids.indexOf('liang-ge-wei-hu')]).toBe(0);
    expect(page.salience[page.ids.indexOf('gan-bu')]).toBe(2);
  });

  it('leaves out disabled entries and their forms', () => {
    const off = entries.map((e) => (e.id === 'dang-zu' ? { ...e, enabled: false } : e));
    const page = buildPageGlossary(off, compilePatterns(off));
    expect(page.ids).not.toContain('dang-zu');
    expect(page.forms).not.toContain('党组');
  });

  it('is a fraction of the glossary it comes from', () => {
    const encoded = encodePageGlossary(buildPageGlossary(entries, patterns));
    expect(encoded.length).toBeLessThan(JSON.stringify(entries).length / 10);
  });

  it('round-trips through its encoding, and the matcher finds the same as with the patterns', () => {
    const page = buildPageGlossary(entries, patterns);
    const decoded = decodePageGlossary(encodePageGlossary(page));
    expect(decoded).toEqual(page);
    const text = '坚决做到两个维护，落实三会一课，加强基层党组织建设，黨組書記，党组会议';
    const byForms = compileMatcher(page.forms.map((text) => ({ text }))).scan(text);
    const byPatterns = compileMatcher(patterns).scan(text);
    expect(byForms.map((m) => [m.start, m.end, page.ids[page.entryOf[m.patternIndex]!]])).toEqual(
      byPatterns.map((m) => [m.start, m.end, patterns[m.patternIndex]!.id]),
    );
  });

  it('refuses anything else: missing, another format, damaged, inconsistent', () => {
    const good = JSON.parse(encodePageGlossary(buildPageGlossary(entries.slice(0, 3), compilePatterns(entries.slice(0, 3))))) as Record<string, unknown>;
    const variant = (change: Record<string, unknown>) => JSON.stringify({ ...good, ...change });
    expect(decodePageGlossary(undefined)).toBeUndefined();
    expect(decodePageGlossary(good)).toBeUndefined(); // an object, not the stored string
    expect(decodePageGlossary('{not json')).toBeUndefined();
    expect(decodePageGlossary(variant({ format: 1 }))).toBeUndefined(); // stored before salience
    expect(decodePageGlossary(variant({ format: 3 }))).toBeUndefined();
    expect(decodePageGlossary(variant({ salience: undefined }))).toBeUndefined();
    expect(decodePageGlossary(variant({ salience: [0, 1] }))).toBeUndefined(); // one short
    expect(decodePageGlossary(variant({ salience: [0, 1, 3] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ salience: [0, 1, 'core'] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ salience: [0, 1, 1.5] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ entryOf: [99] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ categories: ['slogan', 'nonsense', 'slogan'] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ ambiguous: [-1] }))).toBeUndefined();
    expect(decodePageGlossary(variant({ terms: ['x'] }))).toBeUndefined();
    expect(decodePageGlossary(variant({}))).toBeDefined();
  });
});
