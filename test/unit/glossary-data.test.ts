// Checks the shipped glossary (data/glossary.json) against its schema and its source speech
// (data/speech.txt), and the extractor's numbered slogans against the glossary and data/left-out.json.
import fs from 'node:fs';
import path from 'node:path';
import { cut } from 'jieba-wasm';
import { describe, expect, test } from 'vitest';
import { extractCandidates, normaliseForm, type LeftOut } from '@/src/glossary/extract';
import { exportCsv, exportJson } from '@/src/glossary/export';
import { parseImportText } from '@/src/glossary/import/parse';
import { defaultGlossary } from '@/src/glossary/default';
import { glossarySchema, isHttpsUrl, surfaceForms, type Glossary } from '@/src/glossary/schema';
import { checkCollection } from '../support/collection-checks';

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

  test('every entry cites 1–3 public sources, each with a title, a publisher and what it supports', () => {
    expect(
      problems((e) => {
        const sources = e.sources ?? [];
        if (sources.length < 1 || sources.length > 3) return `${sources.length} sources`;
        const bad = sources.findIndex((s) => !s.title.trim() || !s.publisher.trim() || s.supports.length === 0);
        return bad >= 0 ? `source ${bad + 1}: no title, publisher or supports` : undefined;
      }),
    ).toEqual([]);
  });

  test('source links are well-formed https addresses', () => {
    expect(
      problems((e) => {
        const bad = (e.sources ?? []).filter((s) => s.url !== undefined && !(isHttpsUrl(s.url) && new URL(s.url).href.startsWith('https://')));
        return bad.length ? bad.map((s) => s.url).join(', ') : undefined;
      }),
    ).toEqual([]);
  });

  test('an English rendering marked official is backed by a source that supports the English', () => {
    expect(
      problems((e) =>
        e.englishOfficialBy !== undefined && !(e.sources ?? []).some((s) => s.supports.includes('english'))
          ? `official (${e.englishOfficialBy.slice(0, 30)}) but no source supports the English`
          : undefined,
      ),
    ).toEqual([]);
  });

  test('explanations and summaries are written for any page: none speaks of "the speech" (that is speechRole\'s job)', () => {
    const speech = /\b(?:the|this) speech\b|本讲话|该讲话|这篇讲话|本次讲话/i;
    expect(
      problems((e) => {
        const texts = { 'explanation.zh': e.explanation.zh, 'explanation.en': e.explanation.en, 'summary.zh': e.summary.zh, 'summary.en': e.summary.en };
        const hit = Object.entries(texts).find(([, t]) => speech.test(t));
        return hit ? `${hit[0]}: ${speech.exec(hit[1])?.[0]}` : undefined;
      }),
    ).toEqual([]);
  });

  test('the role in the speech goes with a source quote, and names the speech rather than the page', () => {
    expect(problems((e) => (e.speechRole && !e.source ? 'speechRole without a source quote' : undefined))).toEqual([]);
  });

  test('an entry without a public definition says so plainly in both languages', () => {
    const en = /\bno\b[^.;]*\b(?:definition|defined|source|origin)\b[^.;]*\bfound\b|\bwas not found\b|\bnot found in\b/i;
    const zh = /(?:没有|未)(?:找到|查到|见)/;
    expect(
      problems((e) => {
        if (!e.noPublicDefinition) return undefined;
        if (!en.test(e.explanation.en)) return 'English explanation does not say no public definition was found';
        if (!zh.test(e.explanation.zh)) return 'Chinese explanation does not say no public definition was found';
        return undefined;
      }),
    ).toEqual([]);
  });

  test('sources, official English, speech role and the no-definition flag survive export and import (JSON and CSV)', () => {
    for (const [text, name] of [
      [exportJson(entries), 'g.json'],
      [exportCsv(entries), 'g.csv'],
    ] as const) {
      const result = parseImportText(text, name);
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      expect(result.invalid, name).toEqual([]);
      const pick = (e: Glossary['entries'][number]) => [e.id, e.sources, e.englishOfficialBy, e.speechRole, e.noPublicDefinition];
      expect(result.rows.map((r) => pick(r.entry)), name).toEqual(entries.map(pick));
    }
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

  test('every deliberate omission has a reason, is still found in the speech (as a candidate or word for word), and is not in the glossary', () => {
    const found = new Set(candidates.map((c) => normaliseForm(c.text)));
    const glossaryForms = new Set(entries.flatMap((e) => surfaceForms(e).map(normaliseForm)));
    const stale = leftOut.flatMap((l) => {
      const form = normaliseForm(l.term);
      if (!l.reason?.trim()) return [`${l.term}: no reason`];
      if (!found.has(form) && !speech.includes(l.term)) return [`${l.term}: no longer in the speech`];
      if (glossaryForms.has(form)) return [`${l.term}: also in the glossary`];
      return [];
    });
    expect(stale).toEqual([]);
  });
});

describe('data/national.json, the national formulations collection', () => {
  const rawNational: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/national.json'), 'utf8'));
  const { entries: national, problems: found } = checkCollection({ raw: rawNational, speechEntries: entries, speech });

  test('every entry passes the checks of the speech entries and its own: a cited public quote, 1–3 sources, no clash', () => {
    expect(found).toEqual([]);
  });

  test('holds at least 120 entries, in the shipped glossary after the speech entries', () => {
    expect(national.length).toBeGreaterThanOrEqual(120);
    const shipped = defaultGlossary().entries;
    expect(shipped.slice(entries.length).map((e) => e.id)).toEqual(national.map((e) => e.id));
  });

  test('the forms the issue found unmarked on national news are there: 三农, 四风, 四种形态, 自我革命, 两委, 省委 …', () => {
    const forms = new Set(national.flatMap((e) => surfaceForms(e)));
    // 作表率 ("set an example") is an everyday verb phrase: the collection has the fixed formula it
    // comes from, 三个表率, instead (data/national-method.md).
    expect(forms.has('三个表率')).toBe(true);
    const missing = ['三农', '四风', '四种形态', '正风肃纪', '自我革命', '四不两直', '两委', '省委', '非公企业', '模范机关'].filter((f) => !forms.has(f));
    expect(missing).toEqual([]);
  });

  test('citations, collection marks and sources survive export and import (JSON and CSV)', () => {
    for (const [text, name] of [
      [exportJson(national), 'n.json'],
      [exportCsv(national), 'n.csv'],
    ] as const) {
      const result = parseImportText(text, name);
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      expect(result.invalid, name).toEqual([]);
      const pick = (e: Glossary['entries'][number]) => [e.id, e.collection, e.source, e.sources, e.englishOfficialBy];
      expect(result.rows.map((r) => pick(r.entry)), name).toEqual(national.map(pick));
    }
  });
});
