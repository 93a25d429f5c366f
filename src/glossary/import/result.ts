// What reading an import file gives back: the parsed rows and the rows refused with their
// problems, or one reason the whole file is refused. Also the limits a file must stay within.
import { MAX_GLOSSARY_ENTRIES, type Entry } from '../schema';
import type { RowProblem } from '../validate';

/**
 * What one entry may take in a file, on average, for the file size limit below: 8 KiB. Every
 * shipped entry, with its explanation, quote and sources, exports in at most 6.7 KB (JSON; CSV
 * takes less), 4.5 KB on average; entries people write are shorter. import/limits.test.ts checks
 * that a full glossary of copies of the largest shipped entry stays under the limit.
 */
const FILE_BYTES_PER_ENTRY = 8 * 1024;

/**
 * The largest file an import reads, derived from the entry limit rather than set on its own: a
 * size limit of its own (it was 20 MB) refused the export of a full glossary, so a backup did not
 * restore. The entry limit is the one that counts; the size limit only spares the page reading a
 * file far larger than any glossary (a disk image picked by mistake) whole into memory before the
 * entries can be counted. At 50,000 entries it is 409.6 MB, which also stays under the longest
 * string a browser makes (V8: 2^29 - 24 characters), so a file under it can always be read as one
 * text.
 */
export const MAX_IMPORT_BYTES = MAX_GLOSSARY_ENTRIES * FILE_BYTES_PER_ENTRY;

type ImportErrorCode =
  | 'too-large' // file over MAX_IMPORT_BYTES
  | 'empty' // nothing but whitespace
  | 'encoding' // not text in any encoding we read (binary, broken UTF-8 and not GB18030)
  | 'json-syntax' // broken JSON
  | 'not-glossary' // JSON that is not a Tifa glossary
  | 'newer-version' // written by a newer Tifa
  | 'bad-version' // version field missing or nonsense
  | 'csv-columns' // CSV without the columns we need
  | 'too-many' // more rows than a glossary holds (MAX_GLOSSARY_ENTRIES)
  | 'read-failed'; // the page could not read the file (the worker reading it failed, out of memory)

export interface ImportError {
  ok: false;
  code: ImportErrorCode;
  /** Extra detail for the message: parser text, missing columns, the file's version… */
  detail?: string;
  /** 1-based line of the problem, when known. */
  line?: number;
}

export interface InvalidRow {
  /** 1-based line in the file where the row (CSV record or JSON object) starts. */
  line: number;
  /** Term of the row if it had one, to help the user find it. */
  term?: string;
  problems: RowProblem[];
}

export interface ParsedRow {
  line: number;
  entry: Entry;
  /** The file gave no id (a hand-made CSV row): matched by term, else given a fresh id. */
  idGenerated: boolean;
  /**
   * The file gave no salience (a file from before it existed, or a sheet without the column): the
   * entry carries the default, and an import over an existing entry keeps that entry's salience.
   */
  salienceDefaulted?: boolean;
}

/** The encoding a file's bytes were read in; 'gb18030' means a legacy Chinese file (warned about). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface ParsedImport {
  ok: true;
  format: 'json' | 'csv';
  encoding: TextEncoding;
  /** The file's format version (before migration). */
  version: number;
  rows: ParsedRow[];
  invalid: InvalidRow[];
  /** CSV columns we do not know and ignored. */
  ignoredColumns: string[];
}

export type ParseResult = ParsedImport | ImportError;
