// The entry form's state (strings, as typed) and its conversion to and from an Entry. Validation is
// the glossary's own (validate.ts: validateEntry → entrySchema), so the form accepts exactly what import does.
import { CATEGORIES, DEFAULT_SALIENCE, SALIENCES, SOURCE_SUPPORTS, type Category, type Entry, type Salience, type SourceSupport } from '@/src/glossary/schema';
import { idFromPinyin } from '@/src/glossary/entry-id';
import { cleanLine, validateEntry, type RowProblem } from '@/src/glossary/validate';

export interface EntryForm {
  id: string;
  term: string;
  variants: string;
  pinyin: string;
  english: string;
  category: Category | '';
  salience: Salience;
  summaryZh: string;
  summaryEn: string;
  explanationZh: string;
  explanationEn: string;
  components: Array<{ zh: string; en: string }>;
  sourceQuote: string;
  sourceSection: string;
  /** The term's role in the source speech, shown under the quote. */
  speechRoleZh: string;
  speechRoleEn: string;
  /** Public texts backing the entry up, one row each (date and url may stay empty). */
  sources: SourceRow[];
  /** Who uses the first English rendering; empty: the rendering is descriptive. */
  englishOfficialBy: string;
  noPublicDefinition: boolean;
  since: string;
  related: string;
  ambiguous: boolean;
  /** Sense cues of an ambiguous term, one a line (src/glossary/sense-cues.ts). */
  notWithin: string;
  otherSenseWords: string;
  ownSenseWords: string;
  enabled: boolean;
  origin: string;
  /**
   * Carried through unedited: the public text a collection entry's quote comes from (kept while the
   * quote is), and the collection the entry belongs to.
   */
  sourceCitation?: NonNullable<Entry['source']>['citation'];
  collection?: Entry['collection'];
}

export interface SourceRow {
  title: string;
  publisher: string;
  date: string;
  url: string;
  supports: SourceSupport[];
}
type SourceField = keyof SourceRow;

export const emptySource = (): SourceRow => ({ title: '', publisher: '', date: '', url: '', supports: [] });

/** A form field, one half of a component row ("components.2.en"), or one field of a source row ("sources.0.url"). */
export type FieldKey =
  | Exclude<keyof EntryForm, 'components' | 'sources'>
  | 'components'
  | `components.${number}.${'zh' | 'en'}`
  | 'sources'
  | `sources.${number}.${SourceField}`;
export type FieldErrors = Partial<Record<FieldKey, RowProblem[]>>;

export const emptyForm = (): EntryForm => ({
  id: '',
  term: '',
  variants: '',
  pinyin: '',
  english: '',
  category: '',
  salience: DEFAULT_SALIENCE,
  summaryZh: '',
  summaryEn: '',
  explanationZh: '',
  explanationEn: '',
  components: [],
  sourceQuote: '',
  sourceSection: '',
  speechRoleZh: '',
  speechRoleEn: '',
  sources: [],
  englishOfficialBy: '',
  noPublicDefinition: false,
  since: '',
  related: '',
  ambiguous: false,
  notWithin: '',
  otherSenseWords: '',
  ownSenseWords: '',
  enabled: true,
  origin: '',
});

export function formFromEntry(e: Entry): EntryForm {
  return {
    id: e.id,
    term: e.term,
    variants: e.variants.join('\n'),
    pinyin: e.pinyin,
    english: e.english.join('\n'),
    category: e.category,
    salience: e.salience,
    summaryZh: e.summary.zh,
    summaryEn: e.summary.en,
    explanationZh: e.explanation.zh,
    explanationEn: e.explanation.en,
    components: e.components.map((c) => ({ ...c })),
    sourceQuote: e.source?.quote ?? '',
    sourceSection: e.source?.section ?? '',
    speechRoleZh: e.speechRole?.zh ?? '',
    speechRoleEn: e.speechRole?.en ?? '',
    sources: (e.sources ?? []).map((s) => ({
      title: s.title,
      publisher: s.publisher,
      date: s.date ?? '',
      url: s.url ?? '',
      supports: [...s.supports],
    })),
    englishOfficialBy: e.englishOfficialBy ?? '',
    noPublicDefinition: e.noPublicDefinition ?? false,
    since: e.since ?? '',
    related: e.related.join('\n'),
    ambiguous: e.ambiguous,
    notWithin: (e.notWithin ?? []).join('\n'),
    otherSenseWords: (e.otherSenseWords ?? []).join('\n'),
    ownSenseWords: (e.ownSenseWords ?? []).join('\n'),
    enabled: e.enabled,
    origin: e.origin ?? '',
    ...(e.source?.citation ? { sourceCitation: e.source.citation } : {}),
    ...(e.collection ? { collection: e.collection } : {}),
  };
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** The raw entry the form describes (before validation). */
export function rawFromForm(form: EntryForm): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    id: form.id.trim(),
    term: form.term,
    variants: lines(form.variants),
    pinyin: form.pinyin,
    english: lines(form.english),
    category: form.category,
    salience: form.salience,
    summary: { zh: form.summaryZh, en: form.summaryEn },
    explanation: { zh: form.explanationZh, en: form.explanationEn },
    components: form.components.filter((c) => c.zh.trim() || c.en.trim()),
    related: lines(form.related),
    ambiguous: form.ambiguous,
    enabled: form.enabled,
  };
  if (form.sourceQuote.trim() || form.sourceSection.trim()) {
    raw.source = { quote: form.sourceQuote, section: form.sourceSection, ...(form.sourceCitation ? { citation: form.sourceCitation } : {}) };
  }
  if (form.speechRoleZh.trim() || form.speechRoleEn.trim()) raw.speechRole = { zh: form.speechRoleZh, en: form.speechRoleEn };
  // A row left completely empty is a row the user added and did not fill: not a source.
  const sources = form.sources
    .filter((s) => s.title.trim() || s.publisher.trim() || s.date.trim() || s.url.trim() || s.supports.length)
    .map((s) => ({
      title: s.title,
      publisher: s.publisher,
      ...(s.date.trim() ? { date: s.date } : {}),
      ...(s.url.trim() ? { url: s.url } : {}),
      // In the schema's order, whatever order the boxes were ticked in.
      supports: SOURCE_SUPPORTS.filter((k) => s.supports.includes(k)),
    }));
  if (sources.length) raw.sources = sources;
  if (form.englishOfficialBy.trim()) raw.englishOfficialBy = form.englishOfficialBy;
  if (form.noPublicDefinition) raw.noPublicDefinition = true;
  if (form.since.trim()) raw.since = form.since;
  if (form.origin.trim()) raw.origin = form.origin;
  if (form.collection) raw.collection = form.collection;
  // Sense cues only mean something for an ambiguous term; kept while it is one.
  if (form.ambiguous && lines(form.notWithin).length) raw.notWithin = lines(form.notWithin);
  if (form.ambiguous && lines(form.otherSenseWords).length) raw.otherSenseWords = lines(form.otherSenseWords);
  if (form.ambiguous && lines(form.ownSenseWords).length) raw.ownSenseWords = lines(form.ownSenseWords);
  return raw;
}

/** Which form field a problem at an entry path belongs to. */
export function fieldOf(path: string): FieldKey {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'summary':
      return second === 'en' ? 'summaryEn' : 'summaryZh';
    case 'explanation':
      return second === 'en' ? 'explanationEn' : 'explanationZh';
    case 'source':
      return second === 'section' ? 'sourceSection' : 'sourceQuote';
    case 'components':
      return second !== undefined && (third === 'zh' || third === 'en') ? `components.${Number(second)}.${third}` : 'components';
    case 'speechRole':
      return second === 'en' ? 'speechRoleEn' : 'speechRoleZh';
    case 'sources':
      return second !== undefined && isSourceField(third) ? `sources.${Number(second)}.${third}` : 'sources';
    case 'englishOfficialBy':
    case 'noPublicDefinition':
      return head;
    case 'id':
    case 'term':
    case 'variants':
    case 'pinyin':
    case 'english':
    case 'category':
    case 'salience':
    case 'since':
    case 'related':
    case 'ambiguous':
    case 'notWithin':
    case 'otherSenseWords':
    case 'ownSenseWords':
    case 'enabled':
    case 'origin':
      return head;
    default:
      return 'term';
  }
}

export type FormResult = { ok: true; entry: Entry } | { ok: false; errors: FieldErrors };

/**
 * Validates the form as an entry. An empty id is made from the pinyin; an id another entry already
 * has is an error on the id field. `previousId` is the id the entry had when the form opened.
 */
export function entryFromForm(form: EntryForm, existingIds: ReadonlySet<string>, previousId?: string): FormResult {
  const raw = rawFromForm(form);
  const taken = new Set(existingIds);
  if (previousId) taken.delete(previousId);
  if (!raw.id && typeof raw.pinyin === 'string' && cleanLine(raw.pinyin)) raw.id = idFromPinyin(raw.pinyin, taken);
  const errors: FieldErrors = {};
  const add = (field: FieldKey, problem: RowProblem) => (errors[field] ??= []).push(problem);
  const result = validateEntry(raw);
  if (!result.ok) {
    for (const p of result.problems) {
      const field = p.kind === 'schema' || p.kind === 'markup' ? fieldOf(p.field) : p.kind === 'origin' ? 'origin' : 'term';
      // No id yet because there is no pinyin yet: the pinyin error says what to do.
      if (field === 'id' && !raw.id) continue;
      add(field, p);
    }
  }
  if (typeof raw.id === 'string' && raw.id && taken.has(raw.id)) add('id', { kind: 'duplicate-id', id: raw.id });
  if (!result.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, entry: result.entry };
}

export type { Draft } from '@/src/glossary/draft';
import type { Draft } from '@/src/glossary/draft';

/** `#draft=<json>` from the context menu: {term, source, origin}. Undefined when unreadable. */
export function parseDraft(json: string): Draft | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object') return undefined;
    const { term, source, origin, pinyin } = value as Record<string, unknown>;
    if (typeof term !== 'string' || !cleanLine(term) || term.length > 200) return undefined;
    const quote = typeof source === 'string' ? source : source && typeof source === 'object' ? (source as { quote?: unknown }).quote : undefined;
    return {
      term: cleanLine(term),
      ...(typeof pinyin === 'string' && cleanLine(pinyin) ? { pinyin: cleanLine(pinyin).slice(0, 200) } : {}),
      ...(typeof quote === 'string' && quote.trim() ? { source: quote.slice(0, 2000) } : {}),
      ...(typeof origin === 'string' && origin.trim() ? { origin: origin.slice(0, 2000) } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A new-entry form prefilled from a draft: the source section names the site it came from. */
export function formFromDraft(draft: Draft, pinyinOf: (term: string) => string): EntryForm {
  let section = draft.section ?? '';
  if (!section && draft.origin) {
    try {
      section = new URL(draft.origin).hostname;
    } catch {
      section = '';
    }
  }
  return {
    ...emptyForm(),
    term: draft.term,
    pinyin: draft.pinyin ?? pinyinOf(draft.term),
    sourceQuote: draft.source ?? '',
    sourceSection: draft.source ? section : '',
    origin: draft.origin ?? '',
  };
}

export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

const SOURCE_FIELDS: readonly string[] = ['title', 'publisher', 'date', 'url', 'supports'] satisfies SourceField[];
const isSourceField = (s: string | undefined): s is SourceField => s !== undefined && SOURCE_FIELDS.includes(s);
export const isSalience = (s: string): s is Salience => (SALIENCES as readonly string[]).includes(s);
