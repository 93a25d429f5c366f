// A JSON file to raw entries: the envelope ({format, version, entries}, or a bare array), the
// version check, the migrations from older format versions, and the line each entry starts on
// (so a refused row can be found in the file). Entries are validated afterwards, in ./parse.ts.
import { GLOSSARY_FORMAT, GLOSSARY_VERSION } from '../schema';
import type { ImportError } from './result';

/**
 * Format versions older than GLOSSARY_VERSION are upgraded here, one step per version: the
 * function at key n turns a version-n entry into a version n+1 entry. Version 1 is the first
 * format, so there is nothing to upgrade yet; the loop and the version check are what matter now.
 */
const ENTRY_MIGRATIONS: Record<number, (entry: unknown) => unknown> = {};

export function migrateEntries(entries: unknown[], fromVersion: number): unknown[] {
  let out = entries;
  for (let v = fromVersion; v < GLOSSARY_VERSION; v++) {
    const step = ENTRY_MIGRATIONS[v];
    if (!step) throw new Error(`no migration from glossary format ${v}`);
    out = out.map(step);
  }
  return out;
}

/** 1-based line where each element of the top-level `entries` array (or of a bare array) starts. */
export function entryLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKeyAtDepth1: string | undefined;
  let stringStart = 0;
  let arrayDepth = -1; // depth inside the entries array, once found
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastKeyAtDepth1 = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (expectValue && depth === arrayDepth && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') {
      inString = true;
      stringStart = i + 1;
    } else if (c === '{' || c === '[') {
      depth++;
      const isEntries = c === '[' && (depth === 1 || (depth === 2 && lastKeyAtDepth1 === 'entries'));
      if (isEntries && arrayDepth === -1) {
        arrayDepth = depth;
        expectValue = true;
      }
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === ',' && depth === arrayDepth) {
      expectValue = true;
    }
  }
  return lines;
}

function lineOfPosition(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The entries of a glossary JSON document (not yet migrated) and its format version. */
export function parseJsonDocument(text: string): { entries: unknown[]; version: number } | ImportError {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    return { ok: false, code: 'json-syntax', detail: message, line: pos ? lineOfPosition(text, Number(pos)) : undefined };
  }
  // A bare array of entries is accepted as the current format: handy for hand-written files.
  if (Array.isArray(doc)) return { entries: doc, version: GLOSSARY_VERSION };
  if (!doc || typeof doc !== 'object') return { ok: false, code: 'not-glossary' };
  const { format, version, entries } = doc as Record<string, unknown>;
  if (format !== GLOSSARY_FORMAT || !Array.isArray(entries)) return { ok: false, code: 'not-glossary' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'bad-version', detail: String(version) };
  }
  if (version > GLOSSARY_VERSION) return { ok: false, code: 'newer-version', detail: String(version) };
  return { entries, version };
}
