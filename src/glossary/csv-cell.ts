// One CSV cell, written and read so a spreadsheet never runs it. Zod-free: the popup's page brief
// uses it too. Pure.

// Spreadsheets run cells starting with = + - @ as formulas ("CSV injection"). Export prefixes such
// cells, and cells that already start with apostrophes before such a character, with one apostrophe;
// import removes exactly one. So the round trip is exact and a hostile cell stays inert.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
function escapeFormula(s: string): string {
  return FORMULA_LIKE.test(s) ? `'${s}` : s;
}
export function unescapeFormula(s: string): string {
  return s.startsWith("'") && FORMULA_LIKE.test(s.slice(1)) ? s.slice(1) : s;
}

/** The cell as CSV: formula-like text made inert, quoted when it holds a comma, quote or line break. */
export function csvCell(s: string): string {
  const v = escapeFormula(s);
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}
