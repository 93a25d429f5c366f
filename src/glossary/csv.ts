// CSV text ↔ cells, knowing nothing of glossaries: RFC 4180 records (quotes, CRLF, newlines inside
// quotes), the delimiter a sheet uses (comma, tab or semicolon: spreadsheets write all three), and
// writing one cell so that a spreadsheet neither splits it nor runs it as a formula.
// Pure: no DOM, no browser APIs.

export type CsvDelimiter = ',' | '\t' | ';';

/** RFC 4180 records with the 1-based line each starts on. Accepts CRLF, LF and newlines inside quotes. */
export function parseCsv(text: string, delimiter: CsvDelimiter = ','): Array<{ line: number; cells: string[] }> {
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
  // Cells are cut out of the text a run at a time, between the characters that matter, rather than
  // built a character at a time: that took minutes for the 160 MB export of a full glossary.
  const special = delimiter === ',' ? /[",\r\n]/g : delimiter === '\t' ? /["\t\r\n]/g : /[";\r\n]/g;
  let i = 0;
  while (i < text.length) {
    if (inQuotes) {
      const quote = text.indexOf('"', i);
      const end = quote === -1 ? text.length : quote;
      const quoted = text.slice(i, end);
      for (let nl = quoted.indexOf('\n'); nl !== -1; nl = quoted.indexOf('\n', nl + 1)) line++;
      cell += quoted;
      if (quote === -1) break;
      if (text[quote + 1] === '"') {
        cell += '"';
        i = quote + 2;
      } else {
        inQuotes = false;
        i = quote + 1;
      }
      continue;
    }
    special.lastIndex = i;
    const found = special.exec(text);
    const at = found ? found.index : text.length;
    if (at > i) cell += text.slice(i, at);
    if (!found) break;
    const c = text[at];
    i = at + 1;
    if (c === '"') {
      inQuotes = true;
      recordHasContent = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
      recordHasContent = true;
    } else {
      if (c === '\r' && text[i] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    }
  }
  if (cell !== '' || cells.length > 0 || recordHasContent) endRecord();
  return records;
}

/**
 * The delimiter of a sheet, read from its header line (the first record): the one of comma, tab
 * and semicolon that occurs most often outside quotes. `preferred` (a tab for a .tsv file) wins
 * whenever the header holds it at all; a header with none of them is one column, read as commas.
 */
export function detectDelimiter(text: string, preferred?: CsvDelimiter): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes; // an escaped quote ("") toggles twice: no change
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',' || c === '\t' || c === ';') counts[c]++;
  }
  if (preferred && counts[preferred] > 0) return preferred;
  // Ties go to the comma first, then the tab: the order of how common they are.
  let best: CsvDelimiter = ',';
  for (const d of ['\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

// Spreadsheets run cells starting with = + - @ as formulas ("CSV injection"). Export prefixes such
// cells, and cells that already start with apostrophes before such a character, with one apostrophe;
// import removes exactly one. So the round trip is exact and a hostile cell stays inert.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
function escapeFormula(s: string): string {
  return FORMULA_LIKE.test(s) ? `'${s}` : s;
}
/** A cell as read back: the apostrophe `csvCell` put before a formula-like text removed. */
export function unescapeFormula(s: string): string {
  return s.startsWith("'") && FORMULA_LIKE.test(s.slice(1)) ? s.slice(1) : s;
}

/** One cell of a comma-separated file: formula-like text defused, quoted when it must be. */
export function csvCell(s: string): string {
  const v = escapeFormula(s);
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}
