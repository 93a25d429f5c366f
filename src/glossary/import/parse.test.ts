import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportCsv, exportJson } from '../export';
import { CATEGORIES, SALIENCES, SOURCE_SUPPORTS, type Entry } from '../schema';
import { entry, fixture, ok, SHIPPED, utf8 } from '../test-helpers';
import { cleanBlock, cleanLine, validateEntry } from '../validate';
import { parseImport, parseImportText } from './parse';
import { applyImport, previewImport } from './preview';
import { MAX_IMPORT_BYTES } from './result';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/import');

describe('export then import gives back the identical glossary', () => {
  test('JSON, shipped glossary', () => {
    const parsed = ok(parseImportText(exportJson(SHIPPED), 'x.json'));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows.map((r) => r.entry)).toEqual(SHIPPED);
  });

  test('CSV, shipped glossary', () => {
    const csv = exportCsv(SHIPPED);
    const parsed = ok(parseImport(utf8(csv), 'x.csv'));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows.map((r) => r.entry)).toEqual(SHIPPED);
    const preview = previewImport(SHIPPED, parsed);
    expect(preview.unchanged).toHaveLength(SHIPPED.length);
    expect(applyImport(SHIPPED, preview, 'replace')).toEqual(SHIPPED);
  });


  // Property: any valid, sanitised glossary survives both formats exactly, including text that looks
  // like a spreadsheet formula, quotes, commas, line breaks in explanations and optional fields.
  const line = fc
    .string({ unit: fc.constantFrom('两', '个', '维', '护', 'a', 'Z', ' ', ',', '"', "'", '=', '+', '-', '@', '；', '\n', '\t', '<', '>'), minLength: 1, maxLength: 12 })
    .map(cleanLine)
    .filter((s) => s.length > 0 && !/<\s*\/?\s*[a-z!?]/i.test(s));
  const block = fc
    .string({ unit: fc.constantFrom('党', '组', 'x', ' ', ',', '"', '\n', '\r\n', '=', '-'), minLength: 1, maxLength: 20 })
    .map(cleanBlock)
    .filter((s) => s.length > 0);
  const pinyin = fc.constantFrom('dǎngzǔ', "xī'ān", 'liǎng gè wéihù', 'nǚ-xìng');
  const arbEntry = fc.record({
    id: fc.constantFrom('a'),
    term: line,
    variants: fc.array(line, { maxLength: 3 }),
    pinyin,
    english: fc.array(line, { minLength: 1, maxLength: 3 }),
    category: fc.constantFrom(...CATEGORIES),
    salience: fc.constantFrom(...SALIENCES),
    summary: fc.record({ zh: block, en: block }),
    explanation: fc.record({ zh: block, en: block }),
    components: fc.array(fc.record({ zh: line, en: line }), { maxLength: 3 }),
    source: fc.option(fc.record({ quote: block, section: line }), { nil: undefined }),
    sources: fc.option(
      fc.array(
        fc.record(
          {
            title: fc.oneof(line, fc.constantFrom('a | b', 'back\\slash \\| x', '|', '中共中央 | 国务院')),
            publisher: line,
            date: fc.constantFrom('2018', '2018-07', '2018-07-31'),
            url: fc.constantFrom('https://www.gov.cn/zhengce/2018-10/28/content_5335316.htm', 'https://example.org/a?b=1|2'),
            supports: fc.uniqueArray(fc.constantFrom(...SOURCE_SUPPORTS), { maxLength: 4 }),
          },
          { requiredKeys: ['title', 'publisher', 'supports'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      { nil: undefined },
    ),
    englishOfficialBy: fc.option(line, { nil: undefined }),
    speechRole: fc.option(fc.record({ zh: block, en: block }), { nil: undefined }),
    noPublicDefinition: fc.option(fc.constant(true), { nil: undefined }),
    since: fc.option(line, { nil: undefined }),
    related: fc.array(fc.constantFrom('dang-zu', 'si-ge-yi-shi'), { maxLength: 2 }),
    ambiguous: fc.boolean(),
    enabled: fc.boolean(),
    origin: fc.option(fc.constantFrom('https://example.org/a?b=1', 'http://news.cn/x'), { nil: undefined }),
  });
  const arbGlossary = fc.array(arbEntry, { minLength: 1, maxLength: 6 }).map((es) =>
    es.map((e, i) => {
      const out: Record<string, unknown> = { ...e, id: `entry-${i}` };
      for (const k of ['source', 'sources', 'englishOfficialBy', 'speechRole', 'noPublicDefinition', 'since', 'origin']) {
        if (out[k] === undefined) delete out[k];
      }
      return out as Entry;
    }),
  );

  test('JSON and CSV round trips hold for generated glossaries', () => {
    fc.assert(
      fc.property(arbGlossary, (entries) => {
        const fromJson = ok(parseImportText(exportJson(entries), 'g.json'));
        expect(fromJson.invalid).toEqual([]);
        expect(fromJson.rows.map((r) => r.entry)).toEqual(entries);
        const fromCsv = ok(parseImport(utf8(exportCsv(entries)), 'g.csv'));
        expect(fromCsv.invalid).toEqual([]);
        expect(fromCsv.rows.map((r) => r.entry)).toEqual(entries);
      }),
      { numRuns: 150 },
    );
  });
});

describe('sources, official English, speech role, no public definition', () => {
  const sourced = entry({
    sources: [
      {
        title: '中国共产党支部工作条例（试行）',
        publisher: '中共中央',
        date: '2018-10',
        url: 'https://www.gov.cn/zhengce/2018-11/25/content_5343162.htm',
        supports: ['meaning', 'items'],
      },
      { title: 'Keywords | China', publisher: 'China Academy of Translation', supports: ['english'] },
    ],
    englishOfficialBy: 'Xinhua',
    speechRole: { zh: '讲话要求落实。', en: 'The speech asks for it to be carried out.' },
    noPublicDefinition: true,
  });

  test('JSON and CSV carry them exactly', () => {
    expect(ok(parseImportText(exportJson([sourced]), 'x.json')).rows.map((r) => r.entry)).toEqual([sourced]);
    const csv = exportCsv([sourced]);
    expect(csv.split('\r\n')[0]).toContain('speech_role_zh,speech_role_en,sources,english_official_by,no_public_definition');
    expect(csv).toContain('中国共产党支部工作条例（试行） | 中共中央 | 2018-10 | https://www.gov.cn/zhengce/2018-11/25/content_5343162.htm | meaning items');
    expect(csv).toContain('Keywords \\| China | China Academy of Translation |  |  | english');
    expect(ok(parseImport(utf8(csv), 'x.csv')).rows.map((r) => r.entry)).toEqual([sourced]);
  });

  test('a file from before these fields imports unchanged: nothing is added to its entries', () => {
    const old = `{"format":"tifa-glossary","version":1,"entries":[${JSON.stringify(entry())}]}`;
    const fromJson = ok(parseImportText(old, 'old.json')).rows[0]?.entry;
    expect(fromJson).toEqual(entry());
    for (const k of ['sources', 'englishOfficialBy', 'speechRole', 'noPublicDefinition']) expect(fromJson).not.toHaveProperty(k);
    const sheet = ok(parseImport(fixture('spreadsheet.csv'), 'spreadsheet.csv'));
    for (const row of sheet.rows) for (const k of ['sources', 'englishOfficialBy', 'speechRole', 'noPublicDefinition']) expect(row.entry).not.toHaveProperty(k);
  });
});

describe('salience', () => {
  const { salience: _omitted, ...older } = entry();
  test('a JSON file from before salience imports, each entry as context vocabulary', () => {
    const doc = JSON.stringify({ format: 'tifa-glossary', version: 1, entries: [older] });
    const parsed = ok(parseImportText(doc, 'old.json'));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows.map((r) => r.entry.salience)).toEqual(['context']);
  });

  test('a CSV sheet without a salience column (or with a blank cell) imports as context vocabulary', () => {
    const head = 'term,pinyin,english,category,summary_zh,summary_en,explanation_zh,explanation_en';
    const parsed = ok(parseImport(utf8(`${head}\n三会一课,sān huì yī kè,x,practice,a,b,c,d\n`), 'old.csv'));
    expect(parsed.rows.map((r) => r.entry.salience)).toEqual(['context']);
    const blank = ok(parseImport(utf8(`${head},salience\n三会一课,sān huì yī kè,x,practice,a,b,c,d,\n`), 'blank.csv'));
    expect(blank.rows.map((r) => r.entry.salience)).toEqual(['context']);
  });

  test('importing a file without salience over existing entries keeps their salience', () => {
    const doc = JSON.stringify({ format: 'tifa-glossary', version: 1, entries: [{ ...older, english: ['changed'] }] });
    const preview = previewImport([entry({ salience: 'core' })], ok(parseImportText(doc, 'old.json')));
    expect(preview.changed.map((c) => [c.entry.salience, c.fields])).toEqual([['core', ['english']]]);
  });

  test('each salience survives JSON and CSV export and import; an unknown one is a problem on its field', () => {
    const entries = SALIENCES.map((salience, i) => entry({ id: `e-${i}`, term: `词${i}`, salience }));
    expect(ok(parseImportText(exportJson(entries), 'g.json')).rows.map((r) => r.entry)).toEqual(entries);
    const csv = exportCsv(entries);
    expect(csv.split('\r\n')[0]).toContain(',salience,');
    expect(ok(parseImport(utf8(csv), 'g.csv')).rows.map((r) => r.entry)).toEqual(entries);
    const r = validateEntry({ ...entry(), salience: 'loud' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => (p.kind === 'schema' ? p.field : p.kind))).toEqual(['salience']);
  });
});

describe('malformed and hostile files are refused with a reason', () => {
  test('broken JSON names the line', () => {
    const r = parseImport(fixture('broken.json'), 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('json-syntax');
      expect(r.line).toBeGreaterThanOrEqual(8);
    }
  });

  test('a file over the size limit is refused before decoding', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(parseImport(big, 'big.json')).toMatchObject({ ok: false, code: 'too-large' });
  });

  test('UTF-16 without a BOM is read, as the same sheet saved as UTF-8', () => {
    const r = ok(parseImport(fixture('utf16-no-bom.csv'), 'utf16-no-bom.csv'));
    expect(r.encoding).toBe('utf-16le');
    const sameAsUtf8 = ok(parseImport(fixture('spreadsheet.csv'), 'spreadsheet.csv'));
    expect(r.rows).toEqual(sameAsUtf8.rows);
    expect(r.invalid).toEqual(sameAsUtf8.invalid);
  });

  test('binary data is an encoding error', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0x00]);
    expect(parseImport(png, 'photo.json')).toMatchObject({ ok: false, code: 'encoding' });
  });

  test('a GB18030 spreadsheet (Excel on Chinese Windows) is read and says so', () => {
    const r = ok(parseImport(fixture('legacy-gb18030.csv'), 'legacy-gb18030.csv'));
    expect(r.encoding).toBe('gb18030');
    expect(r.rows.map((x) => x.entry.term)).toEqual(['三会一课', '两个维护']);
  });

  test('UTF-16 with a BOM is read', () => {
    const csv = fs.readFileSync(path.join(FIXTURES, 'spreadsheet.csv'), 'utf8');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, 'utf16le')]);
    const r = ok(parseImport(bytes, 'sheet.csv'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows).toHaveLength(2);
  });

  test('empty, not a glossary, newer version, nonsense version', () => {
    expect(parseImport(utf8('  \n'), 'e.json')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseImport(fixture('not-a-glossary.json'), 'n.json')).toMatchObject({ ok: false, code: 'not-glossary' });
    expect(parseImport(fixture('newer-version.json'), 'v.json')).toMatchObject({ ok: false, code: 'newer-version', detail: '99' });
    expect(parseImportText('{"format":"tifa-glossary","version":"1","entries":[]}')).toMatchObject({ ok: false, code: 'bad-version' });
    expect(parseImportText('"just a string"', 'x.json')).toMatchObject({ ok: false, code: 'not-glossary' });
  });

  test('CSV without the needed columns lists what is missing', () => {
    const r = parseImportText('term,english\n两个维护,x\n', 'x.csv');
    expect(r).toMatchObject({ ok: false, code: 'csv-columns' });
    if (!r.ok) expect(r.detail).toContain('pinyin');
  });

  test('missing fields make invalid rows with line and field, the valid row still passes', () => {
    const r = ok(parseImport(fixture('missing-fields.json'), 'missing-fields.json'));
    expect(r.rows.map((x) => x.entry.id)).toEqual(['san-hui-yi-ke']);
    expect(r.invalid).toHaveLength(2);
    const [second, third] = r.invalid;
    expect(second?.line).toBe(14);
    expect(second?.term).toBe('第一书记');
    const fields = second?.problems.map((p) => (p.kind === 'schema' ? p.field : p.kind));
    expect(fields).toEqual(expect.arrayContaining(['pinyin', 'english', 'summary', 'explanation']));
    expect(third).toMatchObject({ line: 20, problems: [{ kind: 'not-object' }] });
  });

  test('HTML, script, javascript: links and bidi tricks never get in', () => {
    const r = ok(parseImport(fixture('hostile.csv'), 'hostile.csv'));
    const byLine = new Map(r.invalid.map((x) => [x.line, x.problems.map((p) => p.kind)]));
    expect(byLine.get(2)).toContain('markup'); // <script>
    expect(byLine.get(3)).toContain('markup'); // <img onerror>
    expect(byLine.get(4)).toEqual(['origin']); // javascript: is not a web address
    // A formula is harmless text to Tifa; it is defused again on export.
    const formula = r.rows.find((x) => x.entry.id === 'formula');
    expect(formula?.entry.english[0]).toBe('=HYPERLINK("http://evil.example","click")');
    const bidi = r.rows.find((x) => x.entry.id === 'bidi');
    expect(bidi?.entry.english).toEqual(['look backgnirts']);
    expect(bidi?.entry.origin).toBe('https://example.org/news/1');
  });

  test('duplicate ids: the second is invalid', () => {
    const doc = exportJson([entry(), entry({ term: '三会一课二' })]);
    const r = ok(parseImportText(doc, 'd.json'));
    expect(r.rows).toHaveLength(1);
    expect(r.invalid[0]?.problems).toEqual([{ kind: 'duplicate-id', id: 'san-hui-yi-ke' }]);
  });
});

describe('tab- and semicolon-separated sheets', () => {
  const head = ['term', 'pinyin', 'english', 'category', 'summary_zh', 'summary_en', 'explanation_zh', 'explanation_en'];
  const cells = ['三会一课', 'sān huì yī kè', 'three meetings, one lesson', 'practice', '支部党员大会、支委会、党小组会和党课。', 'Branch meetings; Party lectures.', '党支部组织生活的基本制度。', "The basic routine of a branch's life."];
  const sheet = (delimiter: string) => `${head.join(delimiter)}\r\n${cells.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter)}\r\n`;
  const expected = ok(parseImport(utf8(sheet(',')), 'sheet.csv')).rows.map((r) => r.entry);

  test('a .tsv file, a .csv with tabs and a .csv with semicolons read as the comma sheet does', () => {
    expect(expected).toHaveLength(1);
    expect(expected[0]?.english).toEqual(['three meetings, one lesson']);
    for (const [text, name] of [
      [sheet('\t'), 'sheet.tsv'],
      [sheet('\t'), 'sheet.csv'],
      [sheet('\t'), 'sheet.txt'],
      [sheet(';'), 'sheet.csv'],
    ] as const) {
      const r = ok(parseImport(utf8(text), name));
      expect(r.invalid).toEqual([]);
      expect(r.rows.map((x) => x.entry)).toEqual(expected);
    }
  });

  test('the whole shipped glossary survives as tab-separated UTF-16, the way Excel saves "Unicode text"', () => {
    const header = 'id\tterm\tpinyin\tenglish\tcategory\tsalience\tsummary_zh\tsummary_en\texplanation_zh\texplanation_en';
    const rows = SHIPPED.map((e) => [e.id, e.term, e.pinyin, e.english.join('\n'), e.category, e.salience, e.summary.zh, e.summary.en, e.explanation.zh, e.explanation.en].map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'));
    const bytes = new Uint8Array(Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`, 'utf16le'));
    const r = ok(parseImport(bytes, 'glossary.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.invalid).toEqual([]);
    expect(r.rows.map((x) => [x.entry.id, x.entry.term, x.entry.summary, x.entry.explanation])).toEqual(SHIPPED.map((e) => [e.id, e.term, e.summary, e.explanation]));
  });

  test('when columns really are missing, a tab-separated sheet names exactly those', () => {
    const r = parseImportText(`term\tpinyin\tenglish\tcategory\tsummary_zh\n三会一课\tsān huì yī kè\tx\tpractice\ta\n`, 'x.tsv');
    expect(r).toMatchObject({ ok: false, code: 'csv-columns', detail: 'summary_en, explanation_zh, explanation_en' });
  });
});
