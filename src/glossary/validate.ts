// One raw entry → a clean, valid Entry or the problems that stop it: shared by the entry editor
// (src/options/form.ts) and every import, so the form accepts exactly what a file may bring in.
// Cleaning makes what the user typed, what a spreadsheet wrote and what we export compare equal.
// Pure: no DOM, no browser APIs.
import { entrySchema, type Entry } from './schema';

export type RowProblem =
  | { kind: 'schema'; field: string; message: string; code: string; limit?: number }
  | { kind: 'markup'; field: string }
  | { kind: 'origin'; field: 'origin' }
  | { kind: 'duplicate-id'; id: string }
  | { kind: 'not-object' };

// Invisible characters that have no place in glossary text and can disguise it: zero-width
// characters, bidirectional overrides (the "Trojan Source" trick) and the BOM.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// oxlint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Something that would be markup or a script if a careless renderer used innerHTML or href. */
const MARKUP = /<\s*\/?\s*[a-z!?]|\b(?:javascript|vbscript)\s*:|\bdata:\s*text\/html/i;

function cleanChars(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(INVISIBLE, '');
}
/** One line: whitespace runs (newlines included) become one space. */
export function cleanLine(s: string): string {
  return cleanChars(s).replace(/\s+/g, ' ').trim();
}
/** Several lines: trailing spaces and runs of blank lines go. */
export function cleanBlock(s: string): string {
  return cleanChars(s)
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+$/u, '').replace(/^ +/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const MULTILINE_FIELDS = new Set(['summary', 'explanation', 'quote', 'speechRole']);
/** Optional one-line fields that are dropped when empty (a blank spreadsheet cell or form field). */
const DROPPED_WHEN_EMPTY = new Set(['since', 'origin', 'date', 'url', 'englishOfficialBy']);

/**
 * Cleans every string of a raw entry (whatever its shape) so that what the user typed, what a
 * spreadsheet wrote and what we export all compare equal. Idempotent. Empty optional text is dropped.
 */
export function sanitiseRaw(raw: unknown, key = ''): unknown {
  if (typeof raw === 'string') return MULTILINE_FIELDS.has(key) ? cleanBlock(raw) : cleanLine(raw);
  if (Array.isArray(raw)) return raw.map((v) => sanitiseRaw(v, key));
  if (raw && typeof raw === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      // summary/explanation hold {zh, en}: both are multi-line.
      const childKey = MULTILINE_FIELDS.has(key) ? key : k;
      const clean = sanitiseRaw(v, childKey);
      if (DROPPED_WHEN_EMPTY.has(k) && clean === '') continue;
      // Absent means none and false: one spelling, so equal entries compare equal after any round trip.
      if (k === 'sources' && Array.isArray(clean) && clean.length === 0) continue;
      if (k === 'noPublicDefinition' && clean === false) continue;
      out[k] = clean;
    }
    return out;
  }
  return raw;
}

/** Every string inside a value, with the path it sits at ("explanation.en", "english[1]"). */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Validates one raw entry: sanitised, schema-checked, free of markup, origin a web address. */
export function validateEntry(raw: unknown): { ok: true; entry: Entry } | { ok: false; problems: RowProblem[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ kind: 'not-object' }] };
  const clean = sanitiseRaw(raw);
  const problems: RowProblem[] = [];
  for (const [field, s] of strings(clean)) {
    if (MARKUP.test(s) && field !== 'origin') problems.push({ kind: 'markup', field });
  }
  const parsed = entrySchema.safeParse(clean);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const limit = 'minimum' in issue ? Number(issue.minimum) : 'maximum' in issue ? Number(issue.maximum) : undefined;
      problems.push({
        kind: 'schema',
        field: issue.path.map(String).join('.') || '(entry)',
        message: issue.message,
        code: issue.code,
        ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
      });
    }
  }
  const origin = (clean as { origin?: unknown }).origin;
  if (typeof origin === 'string' && !isWebAddress(origin)) problems.push({ kind: 'origin', field: 'origin' });
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, entry: parsed.data };
}

/** A page a term was found on: the web, or a saved page on disk (the context menu works there too). */
function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:';
  } catch {
    return false;
  }
}
