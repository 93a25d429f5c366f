// Searching and sorting the glossary list. Pure: no DOM. Built once per glossary change (cached per
// entry object), then each keystroke is a substring test over precomputed lower-case strings, which
// keeps a 10,000-entry glossary responsive.
import { pinyin as toPinyin } from 'pinyin-pro';
import type { Category, Collection, Entry } from '@/src/glossary/schema';

/** Lower case, tone marks removed (ǎ → a, ü → u). */
export function stripTones(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

interface Indexed {
  entry: Entry;
  /** Term, variants, pinyin (with tones), English, summaries and explanations, lower case. */
  text: string;
  /** Pinyin without tones, spaces or apostrophes, from the entry and from the term, plus initials. */
  sounds: string;
  /** Sort key: the term's toneless pinyin. */
  sortKey: string;
}

const cache = new WeakMap<Entry, Indexed>();
// Storage hands every page a fresh copy of the whole glossary after each save: entries whose
// searchable text is unchanged reuse their index (string comparison is a fast memcmp), so a save in
// a 10,000-entry glossary does not rebuild 30 MB of lower-cased text.
const byId = new Map<string, Indexed>();

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
function sameSearchText(a: Entry, b: Entry): boolean {
  return (
    a.term === b.term &&
    a.pinyin === b.pinyin &&
    a.id === b.id &&
    a.summary.zh === b.summary.zh &&
    a.summary.en === b.summary.en &&
    a.explanation.zh === b.explanation.zh &&
    a.explanation.en === b.explanation.en &&
    sameList(a.variants, b.variants) &&
    sameList(a.english, b.english) &&
    a.components.length === b.components.length &&
    a.components.every((c, i) => c.zh === b.components[i]?.zh && c.en === b.components[i]?.en)
  );
}
const termPinyin = new Map<string, { full: string; initials: string }>();

function pinyinOf(term: string): { full: string; initials: string } {
  let hit = termPinyin.get(term);
  if (!hit) {
    const syllables = toPinyin(term, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
    hit = { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
    termPinyin.set(term, hit);
  }
  return hit;
}

const compact = (s: string) => stripTones(s).replace(/[^a-z0-9]/g, '');

function index(entry: Entry): Indexed {
  let hit = cache.get(entry);
  if (hit) return hit;
  const previous = byId.get(entry.id);
  if (previous && sameSearchText(previous.entry, entry)) {
    hit = { ...previous, entry };
    cache.set(entry, hit);
    byId.set(entry.id, hit);
    return hit;
  }
  const forms = [entry.term, ...entry.variants];
  const sounds = [compact(entry.pinyin)];
  for (const form of forms) {
    const p = pinyinOf(form);
    sounds.push(p.full, p.initials);
  }
  const text = [
    ...forms,
    entry.pinyin,
    stripTones(entry.pinyin),
    ...entry.english,
    entry.summary.zh,
    entry.summary.en,
    entry.explanation.zh,
    entry.explanation.en,
    ...entry.components.flatMap((c) => [c.zh, c.en]),
    entry.id,
  ]
    .join('\u0000')
    .toLowerCase();
  hit = { entry, text, sounds: sounds.join('|'), sortKey: pinyinOf(entry.term).full };
  cache.set(entry, hit);
  byId.set(entry.id, hit);
  return hit;
}

type EnabledFilter = 'all' | 'enabled' | 'disabled';
type SortOrder = 'glossary' | 'pinyin' | 'category';

export interface Query {
  text: string;
  category: Category | 'all';
  /** 'speech': the speech's entries and the user's own (no collection); or one collection. */
  collection: Collection | 'speech' | 'all';
  enabled: EnabledFilter;
  sort: SortOrder;
}

export const EMPTY_QUERY: Query = { text: '', category: 'all', collection: 'all', enabled: 'all', sort: 'glossary' };

/** Whether one search word matches: as text anywhere, or as pinyin (toneless, spaced or not, initials). */
function tokenMatches(item: Indexed, token: string): boolean {
  if (item.text.includes(token)) return true;
  const sound = compact(token);
  return sound.length > 0 && /^[a-z]+$/.test(sound) && item.sounds.includes(sound);
}

/** Lets the page handle input between slices: scheduler.yield where there is one (no timer clamping), else a timeout. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds the search index of `entries` a slice at a time, yielding between slices, so the first
 * keystroke finds it ready without the page having frozen while it was built (pinyin for 10,000
 * terms takes most of a second). Stops early when `signal` aborts (the glossary changed).
 */
export async function warmIndex(
  entries: readonly Entry[],
  signal: AbortSignal,
  pause: () => Promise<void> = yieldToPage,
  sliceMs = 8,
): Promise<void> {
  let next = 0;
  while (next < entries.length && !signal.aborted) {
    const started = performance.now();
    // At least one entry a slice, so any budget makes progress.
    do index(entries[next++]!);
    while (next < entries.length && performance.now() - started < sliceMs);
    await pause();
  }
}

/**
 * How many of `entries` the index has never seen by id: those a search would build pinyin for now
 * (tens of microseconds each). Entries re-read after a save are found by id and cost only a compare.
 */
export function unindexedCount(entries: readonly Entry[]): number {
  let count = 0;
  for (const entry of entries) if (!cache.has(entry) && !byId.has(entry.id)) count++;
  return count;
}

/** Whether `query` needs the index: anything but the unfiltered text in glossary order does. */
export function needsIndex(query: Query): boolean {
  return query.text.trim() !== '' || query.sort !== 'glossary';
}

/** The entries matching `query`, in the chosen order. Every word of the search text must match. */
export function search(entries: readonly Entry[], query: Query): Entry[] {
  const tokens = query.text.toLowerCase().trim().split(/\s+/).filter(Boolean);
  // The unfiltered list in glossary order needs no index: opening the page never waits for it.
  const passes = (entry: Entry): boolean =>
    (query.category === 'all' || entry.category === query.category) &&
    (query.collection === 'all' || (entry.collection ?? 'speech') === query.collection) &&
    (query.enabled === 'all' || entry.enabled === (query.enabled === 'enabled'));
  if (!needsIndex(query)) return entries.filter(passes);
  const results: Indexed[] = [];
  for (const entry of entries) {
    if (!passes(entry)) continue;
    const item = index(entry);
    if (tokens.every((t) => tokenMatches(item, t))) results.push(item);
  }
  if (query.sort === 'pinyin') results.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.entry.term.localeCompare(b.entry.term, 'zh'));
  if (query.sort === 'category') {
    results.sort((a, b) => a.entry.category.localeCompare(b.entry.category) || a.sortKey.localeCompare(b.sortKey));
  }
  return results.map((r) => r.entry);
}

/** Tone-marked pinyin for a term with dictionary tones (一 as yī): the form's suggestion, which the user may correct. */
export function suggestPinyin(term: string): string {
  return toPinyin(term, { nonZh: 'consecutive', toneSandhi: false }).replace(/\s+/g, ' ').trim();
}
