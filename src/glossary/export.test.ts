import { describe, expect, test } from 'vitest';
import { exportCsv, exportFileName, exportJson } from './export';
import { entry } from './test-helpers';

describe('export format', () => {
  test('CSV starts with a UTF-8 BOM, uses CRLF and defuses formula cells', () => {
    const csv = exportCsv([entry({ english: ['=HYPERLINK("http://x")', '@x'] }), entry({ id: 'b', english: ["'=already"] })]);
    expect(csv.startsWith('\ufeffid,term,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")`);
    expect(csv).toContain(`\n@x"`); // only a cell's first character makes a formula
    expect(csv).toContain(`,''=already,`);
  });

  test('JSON carries the format and version', () => {
    const doc = JSON.parse(exportJson([entry()])) as Record<string, unknown>;
    expect(doc.format).toBe('tifa-glossary');
    expect(doc.version).toBe(1);
  });

  test('file names are dated', () => {
    expect(exportFileName('csv', new Date(2025, 2, 7, 23, 59))).toBe('tifa-glossary-2025-03-07.csv');
    expect(exportFileName('json', new Date(2024, 11, 31))).toBe('tifa-glossary-2024-12-31.json');
  });
});
