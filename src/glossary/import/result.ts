// What reading an import file gives back: the parsed rows and the rows refused with their
// problems, or one reason the whole file is refused. Also the limits a file must stay within.
import type { Entry } from '../schema';
import type { RowProblem } from '../validate';

/** Larger files are refused before they are read: the full shipped glossary is well under 1 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 50_000;

type ImportErrorCode =
  | 'too-large' // file over MAX_IMPORT_BYTES
  | 'empty' // nothing but whitespace
  | 'encoding' // not text in any encoding we read (binary, broken UTF-8 and not GB18030)
  | 'json-syntax' // broken JSON
  | 'not-glossary' // JSON that is not a Tifa glossary
  | 'newer-version' // written by a newer Tifa
  | 'bad-version' // version field missing or nonsense
  | 'csv-columns' // CSV without the columns we need
  | 'too-many'; // more than MAX_IMPORT_ENTRIES rows

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
