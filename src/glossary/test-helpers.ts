// Shared by the glossary's import, export and validation tests: a complete valid entry to vary,
// the shipped glossary, the import fixtures, and a parse result that must have succeeded.
import fs from 'node:fs';
import path from 'node:path';
import shipped from '@/data/glossary.json';
import type { ParsedImport, ParseResult } from './import/result';
import { glossarySchema, type Entry } from './schema';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/import');
export const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
export const utf8 = (s: string) => new TextEncoder().encode(s);
export const SHIPPED: Entry[] = glossarySchema.parse(shipped).entries;

export function ok(result: ParseResult): ParsedImport {
  if (!result.ok) throw new Error(`expected a parsed import, got ${result.code}: ${result.detail ?? ''}`);
  return result;
}

export const entry = (over: Partial<Entry> = {}): Entry => ({
  id: 'san-hui-yi-ke',
  term: '三会一课',
  variants: [],
  pinyin: 'sān huì yī kè',
  english: ['three meetings and one lesson'],
  category: 'practice',
  salience: 'core',
  summary: { zh: '支部党员大会、支委会、党小组会和党课。', en: 'Branch meetings and Party lectures.' },
  explanation: { zh: '党支部组织生活的基本制度。', en: "The basic routine of a branch's life." },
  components: [],
  related: [],
  ambiguous: false,
  enabled: true,
  ...over,
});
