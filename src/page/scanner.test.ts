import { buildPageGlossary, buildPageNames, entryKey } from '@/src/glossary/page-glossary';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Entry } from '@/src/glossary/schema';
import type { Pattern, Span } from '@/src/messages';
import { tableForms } from '@/src/matcher/matcher';
import { Scanner, type Display } from './scanner';
import { RecordingPainter } from '../../test/support/recording-painter';

function entry(id: string, term: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    term,
    variants: [],
    pinyin: 'tí fǎ',
    english: ['x'],
    category: 'slogan',
    salience: 'core',
    summary: { zh: term, en: id },
    explanation: { zh: term, en: id },
    components: [],
    related: [],
    ambiguous: false,
    enabled: true,
    ...extra,
  };
}

const ENTRIES = [
  entry('liang-ge-wei-hu', '两个维护'),
  entry('san-hui-yi-ke', '三会一课', { category: 'practice' }),
  entry('dang-zu', '党组', { ambiguous: true, category: 'institution' }),
  entry('xiang-cun', '乡村振兴', { enabled: false }),
];
const PATTERNS: Pattern[] = [
  { text: '两个维护', id: 'liang-ge-wei-hu', ambiguous: false },
  { text: '兩個維護', id: 'liang-ge-wei-hu', ambiguous: false },
  { text: '三会一课', id: 'san-hui-yi-ke', ambiguous: false },
  { text: '党组', id: 'dang-zu', ambiguous: true },
  { text: '乡村振兴', id: 'xiang-cun', ambiguous: false },
];

/** Paints into a list instead of CSS.highlights (the Highlight API needs a real browser). */
/** jieba stand-in: 党组 is a word unless 织 follows (党组织). */
async function confirm(text: string, candidates: Span[]): Promise<boolean[]> {
  return candidates.map((c) => text[c.end] !== '织');
}

let scanner: Scanner | undefined;
const saved = globalThis.MutationObserver;

function setup(body: string, display?: Display, glossary = buildPageGlossary(ENTRIES, PATTERNS), lazy = false, sliceMs?: number) {
  const { document, window } = parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`);
  globalThis.MutationObserver = window.MutationObserver as unknown as typeof MutationObserver;
  const painter = new RecordingPainter();
  const calls: string[] = [];
  /** Each slice of work: its text runs and matches. */
  const slices: Array<{ ms: number; runs: number; matches: number }> = [];
  scanner = new Scanner({
    doc: document as unknown as Document,
    painter,
    confirm: (text, spans) => {
      calls.push(text);
      return confirm(text, spans);
    },
    ...(display ? { display } : {}),
    onSlice: (ms, runs, matches) => slices.push({ ms, runs, matches }),
    lazy,
    ...(sliceMs === undefined ? {} : { sliceMs }),
  });
  scanner.setGlossary(glossary);
  return { document: document as unknown as Document, painter, scanner, calls, slices };
}

/**
 * Lets mutation records, idle callbacks and confirmations run. (linkedom reports no characterData
 * records, so text edited in place is covered by the e2e tests in Chromium.)
 */
const settle = async (s: Scanner) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 30));
    await s.settled();
  }
};

beforeEach(() => {
  scanner = undefined;
});
afterEach(() => {
  scanner?.stop();
  globalThis.MutationObserver = saved;
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

describe('Scanner', () => {
  test('finds terms split across inline elements, traditional forms, never disabled entries', async () => {
    const { painter, scanner, slices } = setup('<p>做到<b>两个</b>维护、<a>三会</a>一课。</p><p>兩個維護，乡村振兴</p>');
    await scanner.start();
    expect(painter.texts()).toEqual(['三会一课', '两个维护', '兩個維護']);
    const split = [...painter.painted].find((m) => m.text === '两个维护');
    expect((split?.range.startContainer as Text | undefined)?.data).toBe('两个');
    expect(split?.range.startOffset).toBe(0);
    expect((split?.range.endContainer as Text | undefined)?.data).toBe('维护、');
    expect(split?.range.endOffset).toBe(2);
    expect(slices.reduce((n, s) => n + s.matches, 0)).toBe(3);
  });

  test('reads an article in one slice even when every look at the clock says its time is up', async () => {
    // A slice budget of 0 ms: only the text read decides. Twelve short paragraphs, four runs past the first clock check.
    const { scanner, slices } = setup('<p>坚决做到两个维护。</p>'.repeat(12), undefined, undefined, false, 0);
    await scanner.start();
    expect(slices.map((s) => [s.runs, s.matches])).toEqual([[12, 12]]);
  });

  test('reads a long page in several slices, each of a few thousand characters', async () => {
    const paragraph = `<p>${'文'.repeat(400)}两个维护</p>`;
    const { scanner, slices } = setup(paragraph.repeat(60), undefined, undefined, false, 0);
    await scanner.start();
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.reduce((n, s) => n + s.runs, 0)).toBe(60);
    // 8,000 characters and the next multiple of four runs: 20 of these 404-character paragraphs.
    expect(slices[0]!.runs).toBe(20);
  });

  test('paints each term in its category; an entry damaged in the stored page glossary is passed over', async () => {
    const categories = (painter: RecordingPainter) => [...painter.painted].map((m) => `${m.text} ${painter.categoryOf.get(m)}`).sort();
    const intact = setup('<p>两个维护，三会一课</p>');
    await intact.scanner.start();
    expect(categories(intact.painter)).toEqual(['三会一课 practice', '两个维护 slogan']);
    intact.scanner.stop();

    // decodePageGlossary checks the fields' lengths, not each unit: the scanner reads a bad one as no match.
    const glossary = buildPageGlossary(ENTRIES, PATTERNS);
    const at = (id: string) => buildPageNames(ENTRIES).ids.indexOf(id);
    const unit = (text: string, index: number, code: number) => text.slice(0, index) + String.fromCharCode(code) + text.slice(index + 1);
    // A category past the list (its salience and ambiguity kept); a salience past the list.
    glossary.traits = unit(glossary.traits, at('liang-ge-wei-hu'), glossary.traits.charCodeAt(at('liang-ge-wei-hu')) | 15);
    glossary.traits = unit(glossary.traits, at('dang-zu'), 0x40 + (3 << 4));
    // 三会一课's record (a length unit and two tag units before the form) tagged with an entry past the end.
    const record = tableForms(glossary).find((f) => f.form === '三会一课')!.at;
    glossary.forms = unit(glossary.forms, record + 1, 0x40 + 1);
    const { painter, scanner } = setup('<p>两个维护，三会一课，党组</p>', undefined, glossary);
    await scanner.start();
    await settle(scanner);
    expect(categories(painter)).toEqual(['两个维护 concept']);
    // Matches name their entry by key: its index in the page glossary.
    expect([...painter.painted].map((m) => m.id)).toEqual([entryKey(at('liang-ge-wei-hu'), glossary.version)]);
  });

  test('paints an ambiguous term only where segmentation confirms it', async () => {
    const { painter, scanner, calls } = setup('<p>各级党委（党组）要带头，党组织要跟上。</p>');
    await scanner.start();
    expect(painter.texts()).toEqual(['党组']);
    const [painted] = painter.painted;
    expect(painted?.range.startOffset).toBe(5);
    // One request for both candidates, each sent with a little context around it.
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('（党组）');
  });

  test('the index answers hit-tests and lists matches in document order', async () => {
    const { document, scanner } = setup('<p id="a">甲两个维护</p><p id="b">三会一课</p>');
    await scanner.start();
    const a = document.getElementById('a')?.firstChild as Node;
    expect(scanner.store.at(a, 0)).toBeUndefined();
    expect(scanner.store.at(a, 1)?.text).toBe('两个维护');
    expect(scanner.store.at(a, 4)?.text).toBe('两个维护');
    expect(scanner.store.at(a, 5)).toBeUndefined();
    // A paragraph inserted before the others: the list is rebuilt in document order.
    const p = document.createElement('p');
    p.textContent = '三会一课在前';
    document.body.prepend(p);
    await settle(scanner);
    expect(scanner.store.list().map((m) => m.text)).toEqual(['三会一课', '两个维护', '三会一课']);
  });

  test('rescans only an appended paragraph, and drops the matches of removed ones', async () => {
    const { document, painter, scanner } = setup('<div id="feed"><p>两个维护</p><p id="gone">三会一课</p></div>');
    await scanner.start();
    let changes = 0;
    scanner.store.subscribe(() => changes++);
    expect(painter.paints).toBe(2);
    const p = document.createElement('p');
    p.textContent = '新的一条：两个维护';
    document.getElementById('feed')?.append(p);
    await settle(scanner);
    expect(painter.paints).toBe(3); // the two old matches were not painted again
    expect(changes).toBeGreaterThan(0);
    document.getElementById('gone')?.remove();
    await settle(scanner);
    expect(painter.texts()).toEqual(['两个维护', '两个维护']);
  });

  test('an element made editable loses its matches', async () => {
    const { document, painter, scanner } = setup('<div id="d"><p>两个维护</p></div><p>三会一课</p>');
    await scanner.start();
    document.getElementById('d')?.setAttribute('contenteditable', 'true');
    await settle(scanner);
    expect(painter.texts()).toEqual(['三会一课']);
  });

  test('a new glossary rescans everything; stop removes every highlight', async () => {
    const { painter, scanner } = setup('<p>两个维护，三会一课</p>');
    await scanner.start();
    scanner.setGlossary(buildPageGlossary(ENTRIES.slice(1), PATTERNS.filter((p) => p.id !== 'liang-ge-wei-hu')));
    await settle(scanner);
    expect(painter.texts()).toEqual(['三会一课']);
    scanner.stop();
    expect(painter.texts()).toEqual([]);
    expect(scanner.store.size).toBe(0);
  });

  test('a large page is worked through in slices within the budget', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段：坚决做到两个维护，落实三会一课。</p>`).join('');
    const { scanner, slices } = setup(body);
    await scanner.start();
    expect(scanner.store.size).toBe(6000);
    expect(slices.reduce((n, s) => n + s.runs, 0)).toBe(3000);
    // More than one slice: the scanner yielded to the page between them.
    expect(slices.length).toBeGreaterThan(1);
  });
});

describe('Scanner display modes', () => {
  const FIRST: Display = { mode: 'first', everyday: false };
  const painted = (painter: RecordingPainter) =>
    [...painter.painted].map((m) => `${(m.range.startContainer as Text).data}@${m.range.startOffset}`).sort();

  test('first occurrence: only the first of each term is painted; every occurrence stays a match, in order', async () => {
    const { painter, scanner } = setup('<p>两个维护甲</p><p>三会一课，两个维护乙</p><p>两个维护丙</p>', FIRST);
    await scanner.start();
    expect(painted(painter)).toEqual(['三会一课，两个维护乙@0', '两个维护甲@0']);
    expect(scanner.store.list().map((m) => m.text)).toEqual(['两个维护', '三会一课', '两个维护', '两个维护']);
  });

  test('an occurrence added earlier in the page becomes the first; removing the first paints the next', async () => {
    const { document, painter, scanner } = setup('<p id="a">两个维护甲</p><p id="b">两个维护乙</p>', FIRST);
    await scanner.start();
    expect(painted(painter)).toEqual(['两个维护甲@0']);
    const p = document.createElement('p');
    p.textContent = '两个维护零';
    document.body.prepend(p);
    await settle(scanner);
    expect(painted(painter)).toEqual(['两个维护零@0']);
    p.remove();
    document.getElementById('a')?.remove();
    await settle(scanner);
    expect(painted(painter)).toEqual(['两个维护乙@0']);
    expect(scanner.store.size).toBe(1);
  });

  /** 党组 (ambiguous, confirmed by segmentation) and 党组书记 (not), one entry, in `html`, first-occurrence mode. */
  const dangZuPage = (html: string) =>
    setup(
      html,
      FIRST,
      buildPageGlossary(
        [entry('dang-zu', '党组', { ambiguous: true, category: 'institution' })],
        [
          { text: '党组书记', id: 'dang-zu', ambiguous: false },
          { text: '党组', id: 'dang-zu', ambiguous: true },
        ],
      ),
    );

  test('a confirmed ambiguous occurrence earlier than the painted first becomes the first', async () => {
    const { painter, scanner } = dangZuPage('<p>各级党委（党组）要带头</p><p>党组书记讲话</p>');
    await scanner.start();
    await settle(scanner);
    expect(painted(painter)).toEqual(['各级党委（党组）要带头@5']);
    expect(scanner.store.list().map((m) => m.text)).toEqual(['党组', '党组书记']);
  });

  test('a confirmed ambiguous occurrence later than the painted first stays unpainted', async () => {
    const { painter, scanner } = dangZuPage('<p>党组书记讲话</p><p>各级党委（党组）要带头</p>');
    await scanner.start();
    await settle(scanner);
    expect(painted(painter)).toEqual(['党组书记讲话@0']);
    expect(scanner.store.list().map((m) => m.text)).toEqual(['党组书记', '党组']);
  });

  test('formulas only and everyday words follow salience; switching rescans live', async () => {
    const entries = [entry('liang-ge-wei-hu', '两个维护'), entry('gan-bu', '干部', { salience: 'everyday' }), entry('san-hui-yi-ke', '三会一课', { salience: 'context' })];
    const patterns: Pattern[] = entries.map((e) => ({ text: e.term, id: e.id, ambiguous: false }));
    const { painter, scanner } = setup('<p>干部做到两个维护，落实三会一课；干部再做到两个维护</p>', FIRST, buildPageGlossary(entries, patterns));
    await scanner.start();
    const texts = () => scanner.store.list().map((m) => m.text);
    expect(texts()).toEqual(['两个维护', '三会一课', '两个维护']);
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
    scanner.setDisplay({ mode: 'first', everyday: true });
    await settle(scanner);
    expect(texts()).toEqual(['干部', '两个维护', '三会一课', '干部', '两个维护']);
    expect(painter.texts()).toEqual(['三会一课', '两个维护', '干部']);
    scanner.setDisplay({ mode: 'core', everyday: true });
    await settle(scanner);
    expect(texts()).toEqual(['两个维护', '两个维护']);
    expect(painter.texts()).toEqual(['两个维护', '两个维护']);
    scanner.setDisplay({ mode: 'all', everyday: false });
    await settle(scanner);
    expect(painter.texts()).toEqual(['三会一课', '两个维护', '两个维护']);
  });
});

/**
 * IntersectionObserver for linkedom, which has none and lays nothing out: the test says where the
 * watched element is. (test/e2e/long-page.e2e.ts scrolls a real page in Chromium.)
 */
class NearView {
  static current: NearView | undefined;
  targets: Element[] = [];
  constructor(
    readonly callback: (entries: Array<Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect'>>) => void,
    readonly init: IntersectionObserverInit,
  ) {
    NearView.current = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets = [];
  }
  /**
   * Reports each watched element: within the root (near the view) or not, with a box this tall whose
   * bottom is this far from the top of the view (negative: above it, the view is past it).
   */
  report(near: boolean, height = 24, bottom = 1000) {
    this.callback(this.targets.map((target) => ({ target, isIntersecting: near, boundingClientRect: { height, bottom } as DOMRectReadOnly })));
  }
}

describe('Scanner reading a long page lazily', () => {
  /** 60 paragraphs of 1,000 characters: 两个维护 in the first, 三会一课 in the last. */
  const longPage = () =>
    Array.from({ length: 60 }, (_, i) => {
      const text = i === 0 ? '两个维护' : i === 59 ? '三会一课' : '';
      return `<p id="p${i}">${text}${'文'.repeat(1000 - text.length)}</p>`;
    }).join('');

  const lazySetup = (body: string, display?: Display) => {
    NearView.current = undefined;
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = NearView;
    return setup(body, display, undefined, true);
  };

  test('reads about 20,000 characters, then waits for the reader to come within a screen of where it stopped', async () => {
    const { painter, scanner } = lazySetup(longPage());
    await scanner.start();
    expect(painter.texts()).toEqual(['两个维护']);
    expect(scanner.partial).toBe(true);
    const view = NearView.current!;
    // Watching the paragraph where reading stopped, in a root reaching far above the view and a screen below.
    expect(view.targets.map((t) => t.id)).toEqual(['p19']);
    expect(view.init.root).toBeDefined();
    expect(view.init.rootMargin).toBe('1000000px 0px 100%');
    view.report(false);
    await settle(scanner);
    expect(scanner.partial).toBe(true);
    // Near the view: the next 20,000 characters, then the next element is watched.
    view.report(true);
    await settle(scanner);
    expect(view.targets.map((t) => t.id)).toEqual(['p39']);
    view.report(true);
    await settle(scanner);
    view.report(true);
    await settle(scanner);
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
    expect(scanner.partial).toBe(false);
  });

  test('a view already past where reading stopped (opened at an anchor far down) doubles what is read before the next pause', async () => {
    const { painter, scanner } = lazySetup(longPage());
    await scanner.start();
    const view = NearView.current!;
    expect(view.targets.map((t) => t.id)).toEqual(['p19']);
    view.report(true, 24, -5000);
    await settle(scanner);
    // 40,000 characters this time: p20 to p59.
    expect(view.targets.map((t) => t.id)).toEqual(['p59']);
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
    // Near the view again (not past it): back to 20,000, and nothing is left.
    view.report(true);
    await settle(scanner);
    expect(scanner.partial).toBe(false);
  });

  test('an element without a box (hidden) is not waited for', async () => {
    const { painter, scanner } = lazySetup(longPage());
    await scanner.start();
    for (let i = 0; i < 3; i++) {
      NearView.current!.report(false, 0);
      await settle(scanner);
    }
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
  });

  test('complete() reads the rest at once and never pauses again', async () => {
    const { document, painter, scanner } = lazySetup(longPage());
    await scanner.start();
    await scanner.complete();
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
    expect(scanner.partial).toBe(false);
    // A rescan (a new glossary) reads the whole page too.
    scanner.setGlossary(buildPageGlossary(ENTRIES, PATTERNS));
    await settle(scanner);
    expect(scanner.partial).toBe(false);
    expect(painter.texts()).toEqual(['三会一课', '两个维护']);
    expect(document.getElementById('p59')).not.toBeNull();
  });

  test('first occurrence: one added below the pause gives way to an earlier one found when reading goes on', async () => {
    const { document, painter, scanner } = lazySetup(longPage().replace('<p id="p30">', '<p id="p30">三会一课'), { mode: 'first', everyday: false });
    await scanner.start();
    // The page adds a paragraph at its end, which is scanned on its own (out of order).
    const p = document.createElement('p');
    p.textContent = '三会一课在最后';
    document.body.append(p);
    await settle(scanner);
    expect([...painter.painted].map((m) => (m.range.startContainer as Text).data.slice(0, 7))).toContain('三会一课在最后');
    await scanner.complete();
    const first = [...painter.painted].find((m) => m.text === '三会一课');
    expect((first?.range.startContainer.parentNode as Element | null)?.id).toBe('p30');
    expect(scanner.store.list().filter((m) => m.text === '三会一课')).toHaveLength(3);
  });

  test('stop and a rescan forget the pause', async () => {
    const { scanner } = lazySetup(longPage());
    await scanner.start();
    expect(scanner.partial).toBe(true);
    scanner.stop();
    expect(scanner.partial).toBe(false);
    expect(NearView.current!.targets).toEqual([]);
  });
});
