// Checks the shipped glossary (data/glossary.json) against its schema and its source speech
// (data/speech.txt), and the extractor's numbered slogans against the glossary and data/left-out.json.
import fs from 'node:fs';
import path from 'node:path';
import { cut } from 'jieba-wasm';
import { describe, expect, test } from 'vitest';
import { extractCandidates, normaliseForm, type LeftOut } from '@/src/glossary/extract';
import { glossarySchema, surfaceForms, type Glossary } from '@/src/glossary/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const raw: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8'));
const speech = fs.readFileSync(path.join(ROOT, 'data/speech.txt'), 'utf8');
const leftOut = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/left-out.json'), 'utf8')) as LeftOut[];
const parsed = glossarySchema.safeParse(raw);
const glossary: Glossary = parsed.success ? parsed.data : { format: 'tifa-glossary', version: 1, entries: [] };
const entries = glossary.entries;

/** `[id, problem]` pairs, so a failure names every offending entry at once. */
const problems = (check: (e: Glossary['entries'][number]) => string | undefined) =>
  entries.flatMap((e) => {
    const problem = check(e);
    return problem ? [[e.id, problem]] : [];
  });

describe('data/glossary.json', () => {
  test('passes the schema', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
  });

  test('every entry states its salience in the file (not left to the schema default)', () => {
    const rawEntries = (raw as { entries: Array<{ id: string; salience?: unknown }> }).entries;
    expect(rawEntries.filter((e) => !['core', 'context', 'everyday'].includes(e.salience as string)).map((e) => e.id)).toEqual([]);
    // The words the issue names as burying the formulas are everyday; the formulas are core.
    const of = (term: string) => entries.find((e) => e.term === term)?.salience;
    for (const term of ['干部', '党建', '党委', '市委', '县委', '组织工作', '领导干部', '党员干部', '疫情防控', '高质量发展', '接地气', '最后一公里', '真抓实干']) {
      expect([term, of(term)]).toEqual([term, 'everyday']);
    }
    for (const term of ['两个维护', '三会一课', '四包一', '四个意识']) expect([term, of(term)]).toEqual([term, 'core']);
  });

  test('every entry has its source: a quote found verbatim in the speech that holds the term or a variant', () => {
    expect(
      problems((e) => {
        if (!e.source) return 'no source';
        if (!speech.includes(e.source.quote)) return `quote not verbatim in data/speech.txt: ${e.source.quote.slice(0, 30)}…`;
        const quote = normaliseForm(e.source.quote);
        if (!surfaceForms(e).some((f) => quote.includes(normaliseForm(f)))) return 'neither term nor variant in the quote';
        return undefined;
      }),
    ).toEqual([]);
  });

  test('no term or variant belongs to two entries (also ignoring quotes and list commas)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const form of new Set(surfaceForms(e).map(normaliseForm))) {
        const other = owner.get(form);
        if (other !== undefined && other !== e.id) clashes.push(`${form}: ${other} and ${e.id}`);
        owner.set(form, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('related ids exist and are not the entry itself', () => {
    const ids = new Set(entries.map((e) => e.id));
    expect(problems((e) => e.related.filter((r) => !ids.has(r) || r === e.id).join(', ') || undefined)).toEqual([]);
  });

  test('pinyin is present and tone-marked (no tone numbers)', () => {
    expect(
      problems((e) => {
        if (!e.pinyin.trim()) return 'no pinyin';
        if (/\d/.test(e.pinyin)) return `tone numbers: ${e.pinyin}`;
        if (!/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/.test(e.pinyin)) return `no tone marks: ${e.pinyin}`;
        return undefined;
      }),
    ).toEqual([]);
  });

  test('the traps are flagged ambiguous: 党组 (党组织), 对表 (对表格), 对标 (对标准)', () => {
    for (const term of ['党组', '对表', '对标']) {
      const entry = entries.find((e) => surfaceForms(e).includes(term));
      expect(entry, term).toBeDefined();
      expect(entry?.ambiguous, term).toBe(true);
    }
  });
});

describe('data/speech.txt', () => {
  test('is the speech without the advert line', () => {
    expect(speech.startsWith(' 市委书记在2024年全市组织工作会议上的讲话') || speech.startsWith('市委书记')).toBe(true);
    expect(speech).not.toMatch(/www\.|DOCX|中词库/);
    expect(speech.length).toBeGreaterThan(5_000);
  });
});

describe('extraction over the speech', () => {
  const candidates = extractCandidates(speech, { segment: (t) => cut(t, false), entries, leftOut });

  test('every numbered slogan found is in the glossary (as a term, variant or part of one) or deliberately left out', () => {
    const missing = candidates
      .filter((c) => c.kinds.includes('numeral') && !c.covered && c.leftOut === undefined)
      .map((c) => `${c.text} — ${c.contexts[0] ?? ''}`);
    expect(missing).toEqual([]);
  });

  test('every deliberate omission has a reason, is still found in the speech, and is not in the glossary', () => {
    const found = new Set(candidates.map((c) => normaliseForm(c.text)));
    const glossaryForms = new Set(entries.flatMap((e) => surfaceForms(e).map(normaliseForm)));
    const stale = leftOut.flatMap((l) => {
      const form = normaliseForm(l.term);
      if (!l.reason?.trim()) return [`${l.term}: no reason`];
      if (!found.has(form)) return [`${l.term}: no longer a candidate in the speech`];
      if (glossaryForms.has(form)) return [`${l.term}: also in the glossary`];
      return [];
    });
    expect(stale).toEqual([]);
  });
});
