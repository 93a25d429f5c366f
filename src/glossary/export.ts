// The glossary as a file the user keeps: JSON (the format Tifa reads back exactly) or CSV for
// spreadsheets, and a dated file name. What is exported here imports back to the same glossary
// (src/glossary/import/parse.ts; the round trips are tested). Pure: no DOM, no browser APIs.
import { csvCell } from './csv';
import { CSV_COLUMNS, entryToCsvCells } from './csv-columns';
import { GLOSSARY_FORMAT, GLOSSARY_VERSION, type Entry } from './schema';

export function exportJson(entries: readonly Entry[]): string {
  return `${JSON.stringify({ format: GLOSSARY_FORMAT, version: GLOSSARY_VERSION, entries }, null, 2)}\n`;
}

/** CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, lists one item per line. */
export function exportCsv(entries: readonly Entry[]): string {
  const rows = entries.map((e) => {
    const cells = entryToCsvCells(e);
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** "tifa-glossary-2025-03-07.json", from the local date. */
export function exportFileName(kind: 'json' | 'csv', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tifa-glossary-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${kind}`;
}
