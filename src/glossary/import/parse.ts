// The import pipeline, one for every file a user brings in:
//   decode bytes → parse (JSON or CSV) → check the envelope → version check → migrate
//   → sanitise and validate each entry → (./preview.ts) preview against the current glossary → apply.
// Every step is pure (no DOM, no browser APIs): a failure anywhere returns a reason and the caller
// leaves storage untouched.
import { idFromPinyin } from '../entry-id';
import { GLOSSARY_VERSION, MAX_GLOSSARY_ENTRIES } from '../schema';
import { cleanLine, validateEntry } from '../validate';
import { decodeBytes } from './decode';
import { parseCsvDocument } from './from-csv';
import { entryLines, migrateEntries, parseJsonDocument } from './from-json';
import { MAX_IMPORT_BYTES, type ImportError, type InvalidRow, type ParsedRow, type ParseResult, type TextEncoding } from './result';

/** Called as rows are validated (every PROGRESS_EVERY rows, and when all are): rows done, rows in all. */
export type ParseProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 250;

/** The file name's extension, lower case ("" when it has none). */
function extension(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** Decides JSON or CSV from the file name, else from the first character. */
function detectFormat(text: string, fileName: string): 'json' | 'csv' {
  const ext = extension(fileName);
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/** The refusal of a file too large to read, told by its size before it is read; undefined when it may be read. */
export function sizeRefusal(byteLength: number): ImportError | undefined {
  return byteLength > MAX_IMPORT_BYTES ? { ok: false, code: 'too-large', detail: String(byteLength) } : undefined;
}

/** Parses and validates a file the user picked. Never throws. */
export function parseImport(bytes: Uint8Array, fileName = '', onProgress?: ParseProgress): ParseResult {
  const tooLarge = sizeRefusal(bytes.byteLength);
  if (tooLarge) return tooLarge;
  const decoded = decodeBytes(bytes);
  if ('ok' in decoded) return decoded;
  return parseImportText(decoded.text, fileName, decoded.encoding, onProgress);
}

/** A file holding more entries than a glossary may is refused whole, whatever it would be merged with. */
function tooMany(count: number): ImportError | undefined {
  return count > MAX_GLOSSARY_ENTRIES ? { ok: false, code: 'too-many', detail: String(count) } : undefined;
}

export function parseImportText(text: string, fileName = '', encoding: TextEncoding = 'utf-8', onProgress?: ParseProgress): ParseResult {
  const tooLarge = sizeRefusal(text.length);
  if (tooLarge) return tooLarge;
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
    const refused = tooMany(doc.entries.length);
    if (refused) return refused;
    const lines = entryLines(body);
    let migrated: unknown[];
    try {
      migrated = migrateEntries(doc.entries, doc.version);
    } catch (e) {
      return { ok: false, code: 'bad-version', detail: e instanceof Error ? e.message : String(e) };
    }
    raws = migrated.map((raw, i) => ({ line: lines[i] ?? 1, raw }));
  } else {
    // A .tsv file is read as tabs when its header has any; any other sheet by its header alone.
    const doc = parseCsvDocument(body, extension(fileName) === 'tsv' ? '\t' : undefined);
    if ('ok' in doc) return doc;
    const refused = tooMany(doc.rows.length);
    if (refused) return refused;
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
  // Looked up, not copied, for each row without an id: a copy per row made a 50,000-row sheet quadratic.
  const taken = { has: (id: string) => givenIds.has(id) || seenIds.has(id) };
  raws.forEach(({ line, raw }, i) => {
    if (onProgress && i % PROGRESS_EVERY === 0) onProgress(i, raws.length);
    let candidate = raw;
    let idGenerated = false;
    const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    if (obj && (obj.id === undefined || obj.id === '') && typeof obj.pinyin === 'string') {
      candidate = { ...obj, id: idFromPinyin(obj.pinyin, taken) };
      idGenerated = true;
    }
    const result = validateEntry(candidate);
    const term = obj && typeof obj.term === 'string' ? cleanLine(obj.term) : undefined;
    if (!result.ok) {
      invalid.push({ line, term, problems: result.problems });
      return;
    }
    if (seenIds.has(result.entry.id)) {
      invalid.push({ line, term, problems: [{ kind: 'duplicate-id', id: result.entry.id }] });
      return;
    }
    seenIds.add(result.entry.id);
    const salienceDefaulted = !obj || obj.salience === undefined;
    rows.push({ line, entry: result.entry, idGenerated, ...(salienceDefaulted ? { salienceDefaulted } : {}) });
  });
  onProgress?.(raws.length, raws.length);
  return { ok: true, format, encoding, version, rows, invalid, ignoredColumns };
}
