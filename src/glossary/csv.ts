// CSV text ↔ cells, knowing nothing of glossaries: RFC 4180 records (quotes, CRLF, newlines inside
// quotes), and writing one cell so that a spreadsheet neither splits it nor runs it as a formula.
// Pure: no DOM, no browser APIs.

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
