// Import and export of the glossary: one pipeline for every file a user brings in.
//   decode bytes → parse (JSON or CSV) → check the envelope → version check → migrate
//   → sanitise and validate each entry → preview against the current glossary → apply.
// Every step is pure (no DOM, no browser APIs): a failure anywhere returns a reason and the caller
// leaves storage untouched.
import { entrySchema, GLOSSARY_FORMAT, GLOSSARY_VERSION, SOURCE_SUPPORTS, type Entry, type Reference } from './schema';
import { csvCell, unescapeFormula } from './csv-cell';

/** Larger files are refused before they are read: the full shipped glossary is well under 1 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 50_000;

// ───────────────────────────── results ─────────────────────────────

export type ImportErrorCode =
  | 'too-large' // file over MAX_IMPORT_BYTES
  | 'empty' // nothing but whitespace
  | 'encoding' // not text in any encoding we read (binary, broken UTF-8 and not GB18030)
  | 'json-syntax' // broken JSON
  | 'not-glossary' // JSON that is not a Tifa glossary
  | 'newer-version' // written by a newer Tifa
  | 'bad-version' // version field missing or nonsense
  | 'csv-columns' // CSV without the columns we need
  | 'too-many'; // more than MAX_IMPORT_ENTRIES rows

export interface ImportError {
  ok: false;
  code: ImportErrorCode;
  /** Extra detail for the message: parser text, missing columns, the file's version… */
  detail?: string;
  /** 1-based line of the problem, when known. */
  line?: number;
}

export type RowProblem =
  | { kind: 'schema'; field: string; message: string; code: string; limit?: number }
  | { kind: 'markup'; field: string }
  | { kind: 'origin'; field: 'origin' }
  | { kind: 'duplicate-id'; id: string }
  | { kind: 'not-object' };

export interface InvalidRow {
  /** 1-based line in the file where the row (CSV record or JSON object) starts. */
  line: number;
  /** Term of the row if it had one, to help the user find it. */
  term?: string;
  problems: RowProblem[];
}

export interface ParsedRow {
  line: number;
  entry: Entry;
  /** The file gave no id (a hand-made CSV row): matched by term, else given a fresh id. */
  idGenerated: boolean;
  /**
   * The file gave no salience (a file from before it existed, or a sheet without the column): the
   * entry carries the default, and an import over an existing entry keeps that entry's salience.
   */
  salienceDefaulted?: boolean;
}

export interface ParsedImport {
  ok: true;
  format: 'json' | 'csv';
  /** The encoding the bytes were read in; 'gb18030' means a legacy Chinese file (warned about). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** The file's format version (before migration). */
  version: number;
  rows: ParsedRow[];
  invalid: InvalidRow[];
  /** CSV columns we do not know and ignored. */
  ignoredColumns: string[];
}

export type ParseResult = ParsedImport | ImportError;

// ───────────────────────────── decoding ─────────────────────────────

type Encoding = ParsedImport['encoding'];

/** Reads bytes as text: BOM first, then strict UTF-8, then strict GB18030 (Excel's CSV on Chinese Windows). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } | ImportError {
  const tryDecode = (label: string, data: Uint8Array): string | undefined => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      return undefined;
    }
  };
  let text: string | undefined;
  let encoding: Encoding = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = tryDecode('utf-8', bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = tryDecode('utf-16le', bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = tryDecode('utf-16be', bytes.subarray(2));
  } else {
    text = tryDecode('utf-8', bytes);
    if (text === undefined) {
      encoding = 'gb18030';
      text = tryDecode('gb18030', bytes);
    }
  }
  // NUL or other C0 controls besides tab/newline mean a binary file that happened to decode.
  if (text === undefined || /[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return { ok: false, code: 'encoding', detail: encoding === 'gb18030' ? undefined : encoding };
  }
  return { text, encoding };
}

// ───────────────────────────── sanitising ─────────────────────────────

// Invisible characters that have no place in glossary text and can disguise it: zero-width
// characters, bidirectional overrides (the "Trojan Source" trick) and the BOM.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Something that would be markup or a script if a careless renderer used innerHTML or href. */
const MARKUP = /<\s*\/?\s*[a-z!?]|\b(?:javascript|vbscript)\s*:|\bdata:\s*text\/html/i;

function cleanChars(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(INVISIBLE, '');
}
/** One line: whitespace runs (newlines included) become one space. */
export function cleanLine(s: string): string {
  return cleanChars(s).replace(/\s+/g, ' ').trim();
}
/** Several lines: trailing spaces and runs of blank lines go. */
export function cleanBlock(s: string): string {
  return cleanChars(s)
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+$/u, '').replace(/^ +/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const MULTILINE_FIELDS = new Set(['summary', 'explanation', 'quote', 'speechRole']);
/** Optional one-line fields that are dropped when empty (a blank spreadsheet cell or form field). */
const DROPPED_WHEN_EMPTY = new Set(['since', 'origin', 'date', 'url', 'englishOfficialBy']);

/**
 * Cleans every string of a raw entry (whatever its shape) so that what the user typed, what a
 * spreadsheet wrote and what we export all compare equal. Idempotent. Empty optional text is dropped.
 */
export function sanitiseRaw(raw: unknown, key = ''): unknown {
  if (typeof raw === 'string') return MULTILINE_FIELDS.has(key) ? cleanBlock(raw) : cleanLine(raw);
  if (Array.isArray(raw)) return raw.map((v) => sanitiseRaw(v, key));
  if (raw && typeof raw === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      // summary/explanation hold {zh, en}: both are multi-line.
      const childKey = MULTILINE_FIELDS.has(key) ? key : k;
      const clean = sanitiseRaw(v, childKey);
      if (DROPPED_WHEN_EMPTY.has(k) && clean === '') continue;
      // Absent means none and false: one spelling, so equal entries compare equal after any round trip.
      if (k === 'sources' && Array.isArray(clean) && clean.length === 0) continue;
      if (k === 'noPublicDefinition' && clean === false) continue;
      out[k] = clean;
    }
    return out;
  }
  return raw;
}

/** Every string inside a value, with the path it sits at ("explanation.en", "english[1]"). */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Validates one raw entry: sanitised, schema-checked, free of markup, origin a web address. */
export function validateEntry(raw: unknown): { ok: true; entry: Entry } | { ok: false; problems: RowProblem[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ kind: 'not-object' }] };
  const clean = sanitiseRaw(raw);
  const problems: RowProblem[] = [];
  for (const [field, s] of strings(clean)) {
    if (MARKUP.test(s) && field !== 'origin') problems.push({ kind: 'markup', field });
  }
  const parsed = entrySchema.safeParse(clean);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const limit = 'minimum' in issue ? Number(issue.minimum) : 'maximum' in issue ? Number(issue.maximum) : undefined;
      problems.push({
        kind: 'schema',
        field: issue.path.map(String).join('.') || '(entry)',
        message: issue.message,
        code: issue.code,
        ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
      });
    }
  }
  const origin = (clean as { origin?: unknown }).origin;
  if (typeof origin === 'string' && !isWebAddress(origin)) problems.push({ kind: 'origin', field: 'origin' });
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, entry: parsed.data };
}

/** A page a term was found on: the web, or a saved page on disk (the context menu works there too). */
function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:';
  } catch {
    return false;
  }
}

// ───────────────────────────── ids ─────────────────────────────

/** A readable id from pinyin: "liǎng gè wéihù" → "liang-ge-weihu"; unique against `taken`. */
export function idFromPinyin(pinyin: string, taken: ReadonlySet<string>): string {
  const base =
    pinyin
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entry';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ───────────────────────────── JSON ─────────────────────────────

/**
 * Format versions older than GLOSSARY_VERSION are upgraded here, one step per version: the
 * function at key n turns a version-n entry into a version n+1 entry. Version 1 is the first
 * format, so there is nothing to upgrade yet; the loop and the version check are what matter now.
 */
export const ENTRY_MIGRATIONS: Record<number, (entry: unknown) => unknown> = {};

export function migrateEntries(entries: unknown[], fromVersion: number): unknown[] {
  let out = entries;
  for (let v = fromVersion; v < GLOSSARY_VERSION; v++) {
    const step = ENTRY_MIGRATIONS[v];
    if (!step) throw new Error(`no migration from glossary format ${v}`);
    out = out.map(step);
  }
  return out;
}

/** 1-based line where each element of the top-level `entries` array (or of a bare array) starts. */
export function entryLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKeyAtDepth1: string | undefined;
  let stringStart = 0;
  let arrayDepth = -1; // depth inside the entries array, once found
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastKeyAtDepth1 = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (expectValue && depth === arrayDepth && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') {
      inString = true;
      stringStart = i + 1;
    } else if (c === '{' || c === '[') {
      depth++;
      const isEntries = c === '[' && (depth === 1 || (depth === 2 && lastKeyAtDepth1 === 'entries'));
      if (isEntries && arrayDepth === -1) {
        arrayDepth = depth;
        expectValue = true;
      }
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === ',' && depth === arrayDepth) {
      expectValue = true;
    }
  }
  return lines;
}

function lineOfPosition(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJsonDocument(text: string): { entries: unknown[]; version: number } | ImportError {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    return { ok: false, code: 'json-syntax', detail: message, line: pos ? lineOfPosition(text, Number(pos)) : undefined };
  }
  // A bare array of entries is accepted as the current format: handy for hand-written files.
  if (Array.isArray(doc)) return { entries: doc, version: GLOSSARY_VERSION };
  if (!doc || typeof doc !== 'object') return { ok: false, code: 'not-glossary' };
  const { format, version, entries } = doc as Record<string, unknown>;
  if (format !== GLOSSARY_FORMAT || !Array.isArray(entries)) return { ok: false, code: 'not-glossary' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'bad-version', detail: String(version) };
  }
  if (version > GLOSSARY_VERSION) return { ok: false, code: 'newer-version', detail: String(version) };
  return { entries, version };
}

// ───────────────────────────── CSV ─────────────────────────────

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
  'speech_role_zh',
  'speech_role_en',
  'sources',
  'english_official_by',
  'no_public_definition',
  'since',
  'related',
  'ambiguous',
  'enabled',
  'origin',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Without these a row cannot become an entry; the rest have defaults. */
const REQUIRED_COLUMNS: CsvColumn[] = ['term', 'pinyin', 'english', 'category', 'summary_zh', 'summary_en', 'explanation_zh', 'explanation_en'];

/** RFC 4180 records with the 1-based line each starts on. Accepts CRLF, LF and newlines inside quotes. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let recordHasContent = false;
  const endRecord = () => {
    cells.push(cell);
    if (recordHasContent || cells.length > 1 || cell !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    recordHasContent = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      recordHasContent = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      recordHasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0 || recordHasContent) endRecord();
  return records;
}

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
const SOURCE_FIELDS = ['title', 'publisher', 'date', 'url', 'supports'] as const;

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

/** The words a `supports` list accepts, for messages and hints. */
export const SOURCE_SUPPORT_WORDS = SOURCE_SUPPORTS.join(', ');
/** The `sources` cell's field order, for messages and hints. */
export const SOURCE_LINE_FORMAT = SOURCE_FIELDS.join(' | ');

/** A CSV record (by column name) as a raw entry; empty cells of optional fields stay absent. */
function csvRowToRaw(get: (c: CsvColumn) => string): Record<string, unknown> {
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
  if (quote.trim() || section.trim()) raw.source = { quote, section };
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
  return raw;
}

function parseCsvDocument(
  text: string,
): { rows: Array<{ line: number; raw: Record<string, unknown> }>; ignoredColumns: string[] } | ImportError {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) return { ok: false, code: 'empty' };
  const names = header.cells.map((h) => cleanLine(h).toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, code: 'csv-columns', detail: missing.join(', '), line: header.line };
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  const ignoredColumns = names.filter((n) => n && !(CSV_COLUMNS as readonly string[]).includes(n));
  const rows = records
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => {
      const get = (c: CsvColumn) => {
        const i = index.get(c);
        return i === undefined ? '' : unescapeFormula(r.cells[i] ?? '');
      };
      return { line: r.line, raw: csvRowToRaw(get) };
    });
  return { rows, ignoredColumns };
}

// ───────────────────────────── the pipeline ─────────────────────────────

/** Decides JSON or CSV from the file name, else from the first character. */
function detectFormat(text: string, fileName: string): 'json' | 'csv' {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/** Parses and validates a file the user picked. Never throws. */
export function parseImport(bytes: Uint8Array, fileName = ''): ParseResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, code: 'too-large', detail: String(bytes.byteLength) };
  const decoded = decodeBytes(bytes);
  if ('ok' in decoded) return decoded;
  return parseImportText(decoded.text, fileName, decoded.encoding);
}

export function parseImportText(text: string, fileName = '', encoding: Encoding = 'utf-8'): ParseResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, code: 'too-large', detail: String(text.length) };
  const body = text.replace(/^\ufeff/, '');
  if (!body.trim()) return { ok: false, code: 'empty' };
  const format = detectFormat(body, fileName);

  let raws: Array<{ line: number; raw: unknown }>;
  let version = GLOSSARY_VERSION;
  let ignoredColumns: string[] = [];
  if (format === 'json') {
    const doc = parseJsonDocument(body);
    if ('ok' in doc) return doc;
    version = doc.version;
    if (doc.entries.length > MAX_IMPORT_ENTRIES) return { ok: false, code: 'too-many', detail: String(doc.entries.length) };
    const lines = entryLines(body);
    let migrated: unknown[];
    try {
      migrated = migrateEntries(doc.entries, doc.version);
    } catch (e) {
      return { ok: false, code: 'bad-version', detail: e instanceof Error ? e.message : String(e) };
    }
    raws = migrated.map((raw, i) => ({ line: lines[i] ?? 1, raw }));
  } else {
    const doc = parseCsvDocument(body);
    if ('ok' in doc) return doc;
    if (doc.rows.length > MAX_IMPORT_ENTRIES) return { ok: false, code: 'too-many', detail: String(doc.rows.length) };
    raws = doc.rows;
    ignoredColumns = doc.ignoredColumns;
  }

  const rows: ParsedRow[] = [];
  const invalid: InvalidRow[] = [];
  const seenIds = new Set<string>();
  // Ids the file gives explicitly are reserved first, so a generated id never takes one of them.
  const givenIds = new Set(
    raws.map((r) => (r.raw as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'),
  );
  for (const { line, raw } of raws) {
    let candidate = raw;
    let idGenerated = false;
    const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    if (obj && (obj.id === undefined || obj.id === '') && typeof obj.pinyin === 'string') {
      candidate = { ...obj, id: idFromPinyin(obj.pinyin, new Set([...givenIds, ...seenIds])) };
      idGenerated = true;
    }
    const result = validateEntry(candidate);
    const term = obj && typeof obj.term === 'string' ? cleanLine(obj.term) : undefined;
    if (!result.ok) {
      invalid.push({ line, term, problems: result.problems });
      continue;
    }
    if (seenIds.has(result.entry.id)) {
      invalid.push({ line, term, problems: [{ kind: 'duplicate-id', id: result.entry.id }] });
      continue;
    }
    seenIds.add(result.entry.id);
    const salienceDefaulted = !obj || obj.salience === undefined;
    rows.push({ line, entry: result.entry, idGenerated, ...(salienceDefaulted ? { salienceDefaulted } : {}) });
  }
  return { ok: true, format, encoding, version, rows, invalid, ignoredColumns };
}

// ───────────────────────────── preview and apply ─────────────────────────────

/** JSON with keys sorted and absent fields absent: equal entries give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameEntry(a: Entry, b: Entry): boolean {
  return canonical(a) === canonical(b);
}

/** Top-level fields whose values differ. */
export function changedFields(before: Entry, after: Entry): Array<keyof Entry> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Entry>;
  return [...keys].filter((k) => canonical(before[k]) !== canonical(after[k]));
}

export interface PreviewRow {
  line: number;
  entry: Entry;
}
export interface ImportPreview {
  added: PreviewRow[];
  changed: Array<PreviewRow & { before: Entry; fields: Array<keyof Entry> }>;
  unchanged: PreviewRow[];
  invalid: InvalidRow[];
  /** Entries of the current glossary the file does not hold: kept by merge, dropped by replace. */
  missing: Entry[];
}

/** What importing would do to `current`. Rows without an id are matched by term. */
export function previewImport(current: readonly Entry[], parsed: ParsedImport): ImportPreview {
  const byId = new Map(current.map((e) => [e.id, e]));
  const byTerm = new Map(current.map((e) => [e.term, e]));
  const taken = new Set([...byId.keys(), ...parsed.rows.filter((r) => !r.idGenerated).map((r) => r.entry.id)]);
  const preview: ImportPreview = { added: [], changed: [], unchanged: [], invalid: parsed.invalid, missing: [] };
  const touched = new Set<string>();
  for (const row of parsed.rows) {
    let entry = row.entry;
    if (row.idGenerated) {
      const sameTerm = byTerm.get(entry.term);
      const id = sameTerm && !touched.has(sameTerm.id) ? sameTerm.id : idFromPinyin(entry.pinyin, taken);
      entry = { ...entry, id };
      taken.add(id);
    }
    touched.add(entry.id);
    const before = byId.get(entry.id);
    // A file that says nothing of salience does not reset what the user or the shipped glossary set.
    if (before && row.salienceDefaulted) entry = { ...entry, salience: before.salience };
    if (!before) preview.added.push({ line: row.line, entry });
    else if (sameEntry(before, entry)) preview.unchanged.push({ line: row.line, entry });
    else preview.changed.push({ line: row.line, entry, before, fields: changedFields(before, entry) });
  }
  preview.missing = current.filter((e) => !touched.has(e.id));
  return preview;
}

export type ImportMode = 'merge' | 'replace';

/**
 * The glossary after the import. Merge keeps the current order, updates changed entries in place
 * and appends new ones; replace is exactly the file's valid entries in file order.
 */
export function applyImport(current: readonly Entry[], preview: ImportPreview, mode: ImportMode): Entry[] {
  const incoming = [...preview.added, ...preview.changed, ...preview.unchanged].sort((a, b) => a.line - b.line);
  if (mode === 'replace') return incoming.map((r) => r.entry);
  const updates = new Map(preview.changed.map((r) => [r.entry.id, r.entry]));
  const merged = current.map((e) => updates.get(e.id) ?? e);
  const present = new Set(merged.map((e) => e.id));
  for (const r of preview.added) if (!present.has(r.entry.id)) merged.push(r.entry);
  return merged;
}

// ───────────────────────────── export ─────────────────────────────

export function exportJson(entries: readonly Entry[]): string {
  return `${JSON.stringify({ format: GLOSSARY_FORMAT, version: GLOSSARY_VERSION, entries }, null, 2)}\n`;
}

/** CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, lists one item per line. */
export function exportCsv(entries: readonly Entry[]): string {
  const rows = entries.map((e) => {
    const cells: Record<CsvColumn, string> = {
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
      speech_role_zh: e.speechRole?.zh ?? '',
      speech_role_en: e.speechRole?.en ?? '',
      sources: (e.sources ?? []).map(sourceToLine).join('\n'),
      english_official_by: e.englishOfficialBy ?? '',
      no_public_definition: e.noPublicDefinition ? 'true' : '',
      since: e.since ?? '',
      related: e.related.join('\n'),
      ambiguous: String(e.ambiguous),
      enabled: String(e.enabled),
      origin: e.origin ?? '',
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** "tifa-glossary-2025-03-07.json", from the local date. */
export function exportFileName(kind: 'json' | 'csv', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tifa-glossary-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${kind}`;
}
