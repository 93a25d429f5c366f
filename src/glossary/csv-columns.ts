// The glossary's spreadsheet layout, shared by CSV import and export: the column names, how an
// entry's lists and nested fields are spelled in cells (one item a line, sources as " | " fields,
// yes/no words), and an entry ↔ cells by column name.
// Pure: no DOM, no browser APIs.
import type { Entry, Reference } from './schema';

export const CSV_COLUMNS = [
  'id',
  'term',
  'variants',
  'pinyin',
  'english',
  'category',
  'salience',
  'summary_zh',
  'summary_en',
  'explanation_zh',
  'explanation_en',
  'components_zh',
  'components_en',
  'source_quote',
  'source_section',
  'source_citation',
  'speech_role_zh',
  'speech_role_en',
  'sources',
  'english_official_by',
  'no_public_definition',
  'since',
  'related',
  'ambiguous',
  'not_within',
  'other_sense_words',
  'own_sense_words',
  'enabled',
  'origin',
  'collection',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Without these a row cannot become an entry; the rest have defaults. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['term', 'pinyin', 'english', 'category', 'summary_zh', 'summary_en', 'explanation_zh', 'explanation_en'];

const list = (s: string): string[] => s.split('\n').map((x) => x.trim()).filter(Boolean);
const BOOL_TRUE = new Set(['true', '1', 'yes', 'y', '是', '对']);
const BOOL_FALSE = new Set(['false', '0', 'no', 'n', '否', '']);
function bool(s: string, fallback: boolean): boolean | string {
  const v = s.trim().toLowerCase();
  if (v === '') return fallback;
  if (BOOL_TRUE.has(v)) return true;
  if (BOOL_FALSE.has(v)) return false;
  return s; // left as text so the schema reports it
}

// The `sources` cell holds one source a line, its fields separated by " | " in this order:
//   title | publisher | date | url | supports
// e.g. `中国共产党支部工作条例（试行） | 中共中央 | 2018-10 | https://www.gov.cn/… | meaning items`.
// Date and url may be left empty; supports is a list of meaning, english, date, items (spaces or
// commas between). A "|" or "\" inside a field is written "\|" or "\\".

function escapeSourceField(s: string): string {
  return s.replace(/[\\|]/g, (c) => `\\${c}`);
}

/** One source as a line of the `sources` cell. */
export function sourceToLine(source: Reference): string {
  return [source.title, source.publisher, source.date ?? '', source.url ?? '', source.supports.join(' ')]
    .map(escapeSourceField)
    .join(' | ');
}

/** A line of the `sources` cell as a raw source (checked by the schema afterwards). */
export function sourceFromLine(line: string): Record<string, unknown> {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    if (c === '\\' && (next === '|' || next === '\\')) {
      field += next;
      i++;
    } else if (c === '|') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  const [title = '', publisher = '', date = '', url = '', ...rest] = fields.map((f) => f.trim());
  // Extra "|" fields end up among supports, where the schema names them.
  const supports = rest.join(' ').split(/[\s,，、]+/).filter(Boolean);
  const raw: Record<string, unknown> = { title, publisher, supports };
  if (date) raw.date = date;
  if (url) raw.url = url;
  return raw;
}

/** A CSV record (by column name) as a raw entry; empty cells of optional fields stay absent. */
export function csvRowToRaw(get: (c: CsvColumn) => string): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    term: get('term'),
    variants: list(get('variants')),
    pinyin: get('pinyin'),
    english: list(get('english')),
    category: get('category').trim(),
    summary: { zh: get('summary_zh'), en: get('summary_en') },
    explanation: { zh: get('explanation_zh'), en: get('explanation_en') },
    related: list(get('related')),
    ambiguous: bool(get('ambiguous'), false),
    enabled: bool(get('enabled'), true),
  };
  const id = get('id').trim();
  if (id) raw.id = id;
  // Older files have no salience column (and a blank cell means the default).
  const salience = get('salience').trim();
  if (salience) raw.salience = salience;
  const zh = list(get('components_zh'));
  const en = list(get('components_en'));
  if (zh.length || en.length) {
    raw.components = Array.from({ length: Math.max(zh.length, en.length) }, (_, i) => ({ zh: zh[i] ?? '', en: en[i] ?? '' }));
  }
  const quote = get('source_quote');
  const section = get('source_section');
  const citation = get('source_citation').trim();
  // The public text a collection entry's quote comes from: one line in the format of `sources`.
  if (quote.trim() || section.trim()) raw.source = citation ? { quote, section, citation: sourceFromLine(citation) } : { quote, section };
  const roleZh = get('speech_role_zh');
  const roleEn = get('speech_role_en');
  if (roleZh.trim() || roleEn.trim()) raw.speechRole = { zh: roleZh, en: roleEn };
  const sources = list(get('sources'));
  if (sources.length) raw.sources = sources.map(sourceFromLine);
  if (get('english_official_by').trim()) raw.englishOfficialBy = get('english_official_by');
  const noDefinition = bool(get('no_public_definition'), false);
  if (noDefinition !== false) raw.noPublicDefinition = noDefinition;
  if (get('since').trim()) raw.since = get('since');
  if (get('origin').trim()) raw.origin = get('origin');
  if (get('collection').trim()) raw.collection = get('collection').trim();
  // Sense cues of an ambiguous term (older files have neither column).
  const notWithin = list(get('not_within'));
  if (notWithin.length) raw.notWithin = notWithin;
  const otherSenseWords = list(get('other_sense_words'));
  if (otherSenseWords.length) raw.otherSenseWords = otherSenseWords;
  const ownSenseWords = list(get('own_sense_words'));
  if (ownSenseWords.length) raw.ownSenseWords = ownSenseWords;
  return raw;
}

/** An entry's cells by column name, the way `csvRowToRaw` reads them back. */
export function entryToCsvCells(e: Entry): Record<CsvColumn, string> {
  return {
    id: e.id,
    term: e.term,
    variants: e.variants.join('\n'),
    pinyin: e.pinyin,
    english: e.english.join('\n'),
    category: e.category,
    salience: e.salience,
    summary_zh: e.summary.zh,
    summary_en: e.summary.en,
    explanation_zh: e.explanation.zh,
    explanation_en: e.explanation.en,
    components_zh: e.components.map((c) => c.zh).join('\n'),
    components_en: e.components.map((c) => c.en).join('\n'),
    source_quote: e.source?.quote ?? '',
    source_section: e.source?.section ?? '',
    source_citation: e.source?.citation ? sourceToLine(e.source.citation) : '',
    speech_role_zh: e.speechRole?.zh ?? '',
    speech_role_en: e.speechRole?.en ?? '',
    sources: (e.sources ?? []).map(sourceToLine).join('\n'),
    english_official_by: e.englishOfficialBy ?? '',
    no_public_definition: e.noPublicDefinition ? 'true' : '',
    since: e.since ?? '',
    related: e.related.join('\n'),
    ambiguous: String(e.ambiguous),
    not_within: (e.notWithin ?? []).join('\n'),
    other_sense_words: (e.otherSenseWords ?? []).join('\n'),
    own_sense_words: (e.ownSenseWords ?? []).join('\n'),
    enabled: String(e.enabled),
    origin: e.origin ?? '',
    collection: e.collection ?? '',
  };
}
