import { describe, expect, test } from 'vitest';
import { exportJson } from '../export';
import { entry, fixture, ok } from '../test-helpers';
import { parseImport, parseImportText } from './parse';
import { applyImport, previewImport } from './preview';

describe('preview and apply', () => {
  const current = [
    entry({ id: 'liang-ge-wei-hu', term: '两个维护', pinyin: 'liǎng gè wéihù', category: 'slogan' }),
    entry(),
    entry({ id: 'dang-zu', term: '党组', pinyin: 'dǎngzǔ', category: 'institution' }),
  ];

  test('a hand-made sheet: rows without ids are matched by term or get a fresh id', () => {
    const parsed = ok(parseImport(fixture('spreadsheet.csv'), 'spreadsheet.csv'));
    expect(parsed.ignoredColumns).toEqual(['notes']);
    // 店小二 lacks its summary and explanation: invalid, on line 6 (line 2 holds a quoted two-line cell).
    expect(parsed.invalid.map((x) => x.line)).toEqual([6]);
    const preview = previewImport(current, parsed);
    expect(preview.added).toEqual([]);
    expect(preview.changed.map((c) => [c.entry.id, [...c.fields].sort()])).toEqual([
      ['san-hui-yi-ke', ['english', 'explanation', 'summary']],
      ['liang-ge-wei-hu', ['english', 'explanation', 'summary']],
    ]);
    expect(preview.missing.map((e) => e.id)).toEqual(['dang-zu']);
  });

  test('merge keeps order and untouched entries; replace keeps only the file', () => {
    const doc = exportJson([
      entry({ id: 'dang-zu', term: '党组', pinyin: 'dǎngzǔ', category: 'institution', enabled: false }),
      entry({ id: 'hui-tou-kan', term: '回头看', pinyin: 'huítóukàn', category: 'campaign' }),
    ]);
    const parsed = ok(parseImportText(doc, 'x.json'));
    const preview = previewImport(current, parsed);
    expect(preview.added.map((r) => r.entry.id)).toEqual(['hui-tou-kan']);
    expect(preview.changed.map((r) => r.fields)).toEqual([['enabled']]);
    const merged = applyImport(current, preview, 'merge');
    expect(merged.map((e) => e.id)).toEqual(['liang-ge-wei-hu', 'san-hui-yi-ke', 'dang-zu', 'hui-tou-kan']);
    expect(merged[2]?.enabled).toBe(false);
    expect(applyImport(current, preview, 'replace').map((e) => e.id)).toEqual(['dang-zu', 'hui-tou-kan']);
  });

  test('a new row without id gets one that does not clash', () => {
    const csv = 'term,pinyin,english,category,summary_zh,summary_en,explanation_zh,explanation_en\n' + '新党组,dǎngzǔ,x,institution,a,b,c,d\n';
    const preview = previewImport(current, ok(parseImportText(csv, 'x.csv')));
    expect(preview.added.map((r) => r.entry.id)).toEqual(['dangzu']);
    const again = previewImport([...current, entry({ id: 'dangzu', term: '别的' })], ok(parseImportText(csv, 'x.csv')));
    expect(again.added.map((r) => r.entry.id)).toEqual(['dangzu-2']);
  });
});
