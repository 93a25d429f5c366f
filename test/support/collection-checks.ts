// Checks a shipped collection's entries (data/national.json) must pass, shared by the data test
// (test/unit/glossary-data.test.ts) and scripts/check-collection.ts, which the people writing
// entries run on their drafts.
import { normaliseForm } from '@/src/glossary/extract';
import { glossarySchema, surfaceForms, type Entry } from '@/src/glossary/schema';

/** `[id, problem]` pairs: every problem of every entry, so one run names them all. */
export type Problem = [id: string, problem: string];

export interface CollectionInput {
  /** The collection file as read (before the schema fills defaults in). */
  raw: unknown;
  /** The speech's glossary: no form may clash with its forms; related ids may point into it. */
  speechEntries: Entry[];
  /** The speech's text: a collection's quotes come from other public texts. */
  speech: string;
}

const SPEECH_WORDS = /\b(?:the|this) speech\b|本讲话|该讲话|这篇讲话|本次讲话/i;
const NO_DEFINITION_EN = /\bno\b[^.;]*\b(?:definition|defined|source|origin)\b[^.;]*\bfound\b|\bwas not found\b|\bnot found in\b/i;
const NO_DEFINITION_ZH = /(?:没有|未)(?:找到|查到|见)/;

export function checkCollection({ raw, speechEntries, speech }: CollectionInput): { entries: Entry[]; problems: Problem[] } {
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    return { entries: [], problems: parsed.error.issues.map((i) => ['(schema)', `${i.path.join('.')}: ${i.message}`] as Problem) };
  }
  const entries = parsed.data.entries;
  const rawEntries = (raw as { entries: Array<Record<string, unknown>> }).entries;
  const problems: Problem[] = [];
  const say = (id: string, problem: string) => problems.push([id, problem]);

  const owner = new Map<string, string>();
  for (const e of speechEntries) for (const f of surfaceForms(e)) owner.set(normaliseForm(f), e.id);
  const ids = new Set([...speechEntries.map((e) => e.id), ...entries.map((e) => e.id)]);
  for (const e of speechEntries) if (entries.some((n) => n.id === e.id)) say(e.id, 'id already used by the speech glossary');

  entries.forEach((e, i) => {
    const rawEntry = rawEntries[i] ?? {};
    if (e.collection !== 'national') say(e.id, 'collection is not "national"');
    if (!['core', 'context', 'everyday'].includes(rawEntry.salience as string)) say(e.id, 'salience not stated in the file');
    if (!e.source) say(e.id, 'no source quote');
    else {
      const quote = normaliseForm(e.source.quote);
      if (!surfaceForms(e).some((f) => quote.includes(normaliseForm(f)))) say(e.id, 'neither term nor variant in the source quote');
      if (!e.source.citation) say(e.id, 'source quote without its citation (source.citation)');
      if (speech.includes(e.source.quote)) say(e.id, 'source quote is from the speech, not from another public text');
    }
    if (e.speechRole) say(e.id, 'speechRole on a collection entry');
    const sources = e.sources ?? [];
    if (sources.length < 1 || sources.length > 3) say(e.id, `${sources.length} sources (1–3 wanted)`);
    sources.forEach((s, n) => {
      if (s.supports.length === 0) say(e.id, `source ${n + 1} supports nothing`);
    });
    if (e.englishOfficialBy !== undefined && !sources.some((s) => s.supports.includes('english'))) {
      say(e.id, 'English marked official but no source supports the English');
    }
    if (/\d/.test(e.pinyin) || !/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/.test(e.pinyin)) say(e.id, `pinyin not tone-marked: ${e.pinyin}`);
    for (const [name, t] of Object.entries({ 'explanation.zh': e.explanation.zh, 'explanation.en': e.explanation.en, 'summary.zh': e.summary.zh, 'summary.en': e.summary.en })) {
      if (SPEECH_WORDS.test(t)) say(e.id, `${name} speaks of the speech`);
    }
    if (e.noPublicDefinition && !(NO_DEFINITION_EN.test(e.explanation.en) && NO_DEFINITION_ZH.test(e.explanation.zh))) {
      say(e.id, 'noPublicDefinition, but the explanation does not say plainly that none was found');
    }
    for (const form of new Set(surfaceForms(e).map(normaliseForm))) {
      const other = owner.get(form);
      if (other !== undefined && other !== e.id) say(e.id, `form ${form} also belongs to ${other}`);
      owner.set(form, e.id);
      // Two characters are a word inside many longer words: confirmed by segmentation like 党组.
      if ([...form].length <= 2 && !e.ambiguous) say(e.id, `form ${form} has two characters but the entry is not ambiguous`);
    }
    const badRelated = e.related.filter((r) => !ids.has(r) || r === e.id);
    if (badRelated.length) say(e.id, `related ids unknown: ${badRelated.join(', ')}`);
  });
  return { entries, problems };
}
