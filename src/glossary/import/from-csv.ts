// A CSV (or tab- or semicolon-separated) file to raw entries: the delimiter from the header line,
// the header's column names (refused, naming them, when required ones are missing), and each
// non-blank record as a raw entry. Entries are validated afterwards, in ./parse.ts.
import { CSV_COLUMNS, csvRowToRaw, REQUIRED_COLUMNS, type CsvColumn } from '../csv-columns';
import { detectDelimiter, parseCsv, unescapeFormula, type CsvDelimiter } from '../csv';
import { cleanLine } from '../validate';
import type { ImportError } from './result';

export function parseCsvDocument(
  text: string,
  preferredDelimiter?: CsvDelimiter,
): { rows: Array<{ line: number; raw: Record<string, unknown> }>; ignoredColumns: string[] } | ImportError {
  const records = parseCsv(text, detectDelimiter(text, preferredDelimiter));
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
