// The glossary's limits agree: whatever Tifa exports, Tifa imports. A full glossary (MAX_GLOSSARY_ENTRIES
// entries as long as the shipped ones) exports under the import's size limit; a file holding more
// entries than a glossary may is refused with its count; a merge or replace that would take the
// glossary past the limit is refused before anything is stored, with the numbers.
import { describe, expect, test } from 'vitest';
import { generatedEntries } from '../../../test/support/big-glossary';
import { formatCount, importErrorText, overLimitText, translator } from '../../options/i18n';
import { exportCsv, exportJson } from '../export';
import { MAX_GLOSSARY_ENTRIES, type Entry } from '../schema';
import { entry, ok, SHIPPED } from '../test-helpers';
import { parseImport, parseImportText, sizeRefusal } from './parse';
import { applyImport, overLimit, previewImport, previewSteps } from './preview';
import { MAX_IMPORT_BYTES } from './result';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The exact size of the export of `count` entries like `sample` (ids and terms of the longest
 * numbering), from the exports of 1,000 and 2,000 of them: an export grows by the same bytes for
 * each further entry of the same size.
 */
function exportSizeAt(count: number, sample: Entry, format: (entries: Entry[]) => string): number {
  const copies = (n: number) => Array.from({ length: n }, (_, i) => ({ ...sample, id: `${sample.id}-n${10_000 + i}`, term: `${sample.term}${10_000 + i}` }));
  const thousand = bytes(format(copies(1000)));
  const perEntry = (bytes(format(copies(2000))) - thousand) / 1000;
  return thousand + (count - 1000) * perEntry;
}

describe('a full glossary exports within what an import reads', () => {
  // The largest shipped entry, by its JSON export: the worst case a glossary of entries like the shipped ones holds.
  const largest = SHIPPED.reduce((a, b) => (bytes(JSON.stringify(b)) > bytes(JSON.stringify(a)) ? b : a));

  test.each([
    ['JSON', exportJson],
    ['CSV', exportCsv],
  ] as const)('%s: MAX_GLOSSARY_ENTRIES copies of the largest shipped entry are under the size limit', (_format, format) => {
    const size = exportSizeAt(MAX_GLOSSARY_ENTRIES, largest, format);
    // The glossary (entries of ~400 bytes) exported at 20.7 MB: entries like the shipped ones take far more.
    expect(size).toBeGreaterThan(250_000_000);
    expect(size).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(sizeRefusal(size)).toBeUndefined();
  });

  test('the size limit follows from the entry limit, and stays within the longest string a browser makes', () => {
    expect(MAX_IMPORT_BYTES).toBe(MAX_GLOSSARY_ENTRIES * 8 * 1024);
    // V8's longest string (2^29 - 24 characters): a file under the limit always decodes into one.
    expect(MAX_IMPORT_BYTES).toBeLessThan(2 ** 29 - 24);
    expect(sizeRefusal(MAX_IMPORT_BYTES + 1)).toMatchObject({ ok: false, code: 'too-large' });
  });

  test('an export of realistic entries reads back whole: every row valid, nothing lost (JSON and CSV)', () => {
    const entries = generatedEntries(500);
    for (const [text, name] of [
      [exportJson(entries), 'backup.json'],
      [exportCsv(entries), 'backup.csv'],
    ] as const) {
      const parsed = ok(parseImport(new TextEncoder().encode(text), name));
      expect(parsed.invalid).toEqual([]);
      expect(parsed.rows.map((r) => r.entry)).toEqual(entries);
    }
  });
});

describe('a file holding more entries than a glossary may is refused whole, with its count', () => {
  const t = translator('en');

  test.each(['json', 'csv'] as const)('%s: MAX_GLOSSARY_ENTRIES + 1 rows', (kind) => {
    const over = MAX_GLOSSARY_ENTRIES + 1;
    const text =
      kind === 'json'
        ? JSON.stringify(Array.from({ length: over }, () => ({})))
        : `term,pinyin,english,category,summary_zh,summary_en,explanation_zh,explanation_en\n${'x,x,x,x,x,x,x,x\n'.repeat(over)}`;
    const result = parseImportText(text, `big.${kind}`);
    expect(result).toMatchObject({ ok: false, code: 'too-many', detail: String(over) });
    if (!result.ok) expect(importErrorText(result, t)).toBe('The file holds 50,001 entries, over the limit of 50,000 entries a glossary holds.');
  });
});

describe('an import that would take the glossary past the limit is refused before anything is stored', () => {
  const t = translator('en');
  const current = SHIPPED; // 168 entries
  const fileOf = (entries: Entry[]) => ok(parseImportText(exportJson(entries), 'file.json'));
  // Previews built without validating 50,000 rows: a file's rows are what parse gives for valid entries.
  const parsedOf = (entries: Entry[]) => ({ ...fileOf([]), rows: entries.map((e, i) => ({ line: i + 2, entry: e, idGenerated: false })) });

  test('a merge that would pass the limit, with the numbers: entries now, entries the file adds, the limit', () => {
    const fits = MAX_GLOSSARY_ENTRIES - current.length;
    const preview = previewImport(current, parsedOf(generatedEntries(fits + 1)));
    const refusal = overLimit(current.length, preview, 'merge');
    expect(refusal).toEqual({ mode: 'merge', now: current.length, adds: fits + 1, after: MAX_GLOSSARY_ENTRIES + 1, limit: MAX_GLOSSARY_ENTRIES });
    expect(overLimitText(refusal!, t)).toBe(
      `Merging is refused: your glossary has ${current.length} entries and the file adds ${formatCount(fits + 1)} new ones, 50,001 in all, over the limit of 50,000 entries.`,
    );
    // Replacing with the same file fits: the file alone is under the limit.
    expect(overLimit(current.length, preview, 'replace')).toBeUndefined();
  });

  test('a merge that reaches the limit exactly is allowed, and gives a glossary of exactly the limit', () => {
    const fits = MAX_GLOSSARY_ENTRIES - current.length;
    const preview = previewImport(current, parsedOf(generatedEntries(fits)));
    expect(overLimit(current.length, preview, 'merge')).toBeUndefined();
    expect(applyImport(current, preview, 'merge')).toHaveLength(MAX_GLOSSARY_ENTRIES);
  });

  test('entries the file only updates count for nothing; a glossary already past the limit may still take updates', () => {
    const past = [...current, ...generatedEntries(MAX_GLOSSARY_ENTRIES)];
    const updates = previewImport(past, parsedOf([{ ...current[0]!, enabled: !current[0]!.enabled }]));
    expect(updates.changed).toHaveLength(1);
    expect(overLimit(past.length, updates, 'merge')).toBeUndefined();
    const adding = previewImport(past, parsedOf([entry({ id: 'one-more', term: '又一条' })]));
    expect(overLimit(past.length, adding, 'merge')).toMatchObject({ now: past.length, adds: 1, after: past.length + 1 });
  });

  test('a replace over the limit is refused with the numbers', () => {
    const preview = previewImport(current, parsedOf(generatedEntries(MAX_GLOSSARY_ENTRIES + 1)));
    const refusal = overLimit(current.length, preview, 'replace');
    expect(refusal).toEqual({ mode: 'replace', now: current.length, adds: MAX_GLOSSARY_ENTRIES + 1, after: MAX_GLOSSARY_ENTRIES + 1, limit: MAX_GLOSSARY_ENTRIES });
    expect(overLimitText(refusal!, t)).toBe(
      `Replacing is refused: your glossary has ${current.length} entries and the file brings 50,001, over the limit of 50,000 entries.`,
    );
  });

  test('the preview in steps gives the same preview, reporting rows done on the way', () => {
    const parsed = parsedOf([...generatedEntries(450), { ...current[3]!, enabled: !current[3]!.enabled }, current[5]!]);
    const steps = previewSteps(current, parsed);
    const done: number[] = [];
    let step = steps.next();
    while (!step.done) {
      done.push(step.value);
      step = steps.next();
    }
    expect(done).toEqual([100, 200, 300, 400]);
    expect(step.value).toEqual(previewImport(current, parsed));
    expect(step.value.changed).toHaveLength(1);
    expect(step.value.unchanged).toHaveLength(1);
  });
});
