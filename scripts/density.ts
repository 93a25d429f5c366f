// How many marks a reader sees per 1,000 characters of political news in each display mode, with
// the shipped glossary, and whether every core formula on a page stays marked where it first
// appears. Each page goes through the extension's own scanner (src/page/scanner.ts: the real
// matcher, the first-occurrence logic, the display filter) in a linkedom DOM, with a painter that
// records what would be painted. Ambiguous candidates are confirmed as the background does it
// (src/background/segmenter.ts): jieba's nodejs build with every ambiguous form added as a word,
// and src/glossary/sense-cues.ts's judgeAmbiguous (segmentation, then the entries' sense cues).
//
// Pages: test/fixtures/news/demo.html, test/fixtures/pages/news-*.html, test/fixtures/calm/*.html and
// test/fixtures/typical/*.html. The calm pages are deliberately dense (several terms in every
// paragraph) for the display-mode tests; the typical pages are written in the register of real
// local political news and are the measure of what a reader of typical news sees.
// Characters: the non-space characters of the text the scanner reads (title, scripts and form
// fields excluded), in the same runs it reads.
//
// --texts DIR adds plain-text news of your own (DIR/*.txt, a paragraph a line) as a further group:
// the figures for public news that is not ours to commit come from there (the closing note of the
// density work lists the addresses measured).
//
//   npx tsx scripts/density.ts [--json] [--texts DIR]
import fs from 'node:fs';
import path from 'node:path';
import { add_word, cut_all, tokenize } from 'jieba-wasm';
import { parseHTML } from 'linkedom';
import { defaultGlossary } from '../src/glossary/default';
import { compilePatterns } from '../src/glossary/patterns';
import { buildPageGlossary } from '../src/glossary/page-glossary';
import { judgeAmbiguous, senseCuesByForm } from '../src/glossary/sense-cues';
import type { Span } from '../src/messages';
import { Scanner, type Display } from '../src/page/scanner';
import type { PageMatch } from '../src/page/types';
import { RunWalker } from '../src/page/walk';
import { articleHtml } from '../test/support/article-html';
import { useTreeOrder } from '../test/support/document-order';
import { RecordingPainter } from '../test/support/recording-painter';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
export const PAGES = [
  'news/demo.html',
  ...fs.readdirSync(path.join(FIXTURES, 'pages')).filter((f) => /^news-.*\.html$/.test(f)).map((f) => `pages/${f}`),
  ...['calm', 'typical'].flatMap((dir) =>
    fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.html')).map((f) => `${dir}/${f}`),
  ),
];

const { entries } = defaultGlossary();
const patterns = compilePatterns(entries);
const glossary = buildPageGlossary(entries, patterns);
for (const p of patterns) if (p.ambiguous) add_word(p.text);
const isWord = (word: string) => cut_all(word).includes(word);
const senseCues = senseCuesByForm(entries);
const confirm = async (text: string, candidates: Span[]): Promise<boolean[]> =>
  judgeAmbiguous(text, candidates, (t) => tokenize(t, 'default', false), isWord, senseCues);
const salienceOf = new Map(entries.map((e) => [e.id, e.salience]));

export const MODES: Array<{ name: string; short: string; display: Display }> = [
  { name: 'everything (all + everyday: before this change)', short: 'everything', display: { mode: 'all', everyday: true } },
  { name: 'all', short: 'all', display: { mode: 'all', everyday: false } },
  { name: 'first (default)', short: 'first', display: { mode: 'first', everyday: false } },
  { name: 'first + everyday', short: 'first+ev', display: { mode: 'first', everyday: true } },
  { name: 'core', short: 'core', display: { mode: 'core', everyday: false } },
];

interface Run {
  painted: Set<PageMatch>;
  list: readonly PageMatch[];
}

async function scan(html: string, display: Display): Promise<Run & { chars: number }> {
  const { document, window } = parseHTML(html);
  useTreeOrder(window.Node);
  (globalThis as { MutationObserver?: unknown }).MutationObserver = window.MutationObserver;
  const doc = document as unknown as Document;
  const painter = new RecordingPainter();
  const scanner = new Scanner({ doc, painter, confirm, display });
  scanner.setGlossary(glossary);
  await scanner.start();
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await scanner.settled();
  }
  let chars = 0;
  const walker = new RunWalker(doc);
  for (let run = walker.next(); run; run = walker.next()) chars += run.text.replace(/\s/g, '').length;
  const result = { painted: new Set(painter.painted), list: [...scanner.store.list()], chars };
  scanner.stop();
  return result;
}

const position = (m: PageMatch) => `${(m.range.startContainer as Text).data.slice(0, 12)}…@${m.range.startOffset}`;

/** Pages to measure: the fixtures, then each DIR/*.txt of --texts as `texts/<file>`. */
function pagesToMeasure(): Array<{ page: string; html: string }> {
  const pages = PAGES.map((page) => ({ page, html: fs.readFileSync(path.join(FIXTURES, page), 'utf8') }));
  const at = process.argv.indexOf('--texts');
  const dir = at > 0 ? process.argv[at + 1] : undefined;
  if (!dir) return pages;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const paragraphs = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim());
    pages.push({ page: `texts/${file}`, html: articleHtml(paragraphs) });
  }
  return pages;
}

async function main(): Promise<void> {
  const rows: Array<{ page: string; chars: number; marks: number[]; problems: string[] }> = [];
  for (const { page, html } of pagesToMeasure()) {
    const runs: Run[] = [];
    let chars = 0;
    for (const { display } of MODES) {
      const run = await scan(html, display);
      chars = run.chars;
      runs.push(run);
    }
    const problems: string[] = [];
    const everything = runs[0] as Run;
    const first = runs[2] as Run;
    // Every core formula on the page is painted where it first appears, in the default mode.
    const firstOf = new Map<string, PageMatch>();
    for (const m of first.list) if (!firstOf.has(m.id)) firstOf.set(m.id, m);
    const core = new Set(everything.list.filter((m) => salienceOf.get(m.id) === 'core').map((m) => m.id));
    for (const id of core) {
      const m = firstOf.get(id);
      if (!m || !first.painted.has(m)) problems.push(`core ${id} not painted at its first occurrence`);
    }
    // Later occurrences stay matches: the default mode lists every shown occurrence, painted or not.
    const shownAll = (runs[1] as Run).list.map(position).join('|');
    if (first.list.map(position).join('|') !== shownAll) problems.push('first mode lost occurrences the all mode has');
    if (first.painted.size !== new Set(first.list.map((m) => m.id)).size) problems.push('first mode paints other than one per term');
    rows.push({ page, chars, marks: runs.map((r) => r.painted.size), problems });
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ modes: MODES.map((m) => m.name), rows }, null, 2));
    return;
  }
  const per = (marks: number, chars: number) => ((1000 * marks) / chars).toFixed(1);
  console.log(`Marks per 1,000 characters (shipped glossary, ${entries.length} entries)\n`);
  console.log(['page'.padEnd(38), 'chars', ...MODES.map((m) => m.short.padStart(10))].join(' '));
  for (const r of rows) {
    console.log([r.page.padEnd(38), String(r.chars).padStart(5), ...r.marks.map((n) => per(n, r.chars).padStart(10))].join(' '));
  }
  const chars = rows.reduce((n, r) => n + r.chars, 0);
  const sum = (of: typeof rows, label: string) => {
    const c = of.reduce((n, r) => n + r.chars, 0);
    console.log([label.padEnd(38), String(c).padStart(5), ...MODES.map((_, i) => per(of.reduce((n, r) => n + (r.marks[i] ?? 0), 0), c).padStart(10))].join(' '));
  };
  // The test pages of the highlighting work are packed with terms and traps on purpose; the calm
  // fixtures are news reports made dense for the display-mode tests; the typical ones read as
  // typical local news does.
  sum(rows.filter((r) => r.page.startsWith('calm/')), 'news reports (calm/)');
  sum(rows.filter((r) => r.page.startsWith('typical/')), 'typical news reports (typical/)');
  if (rows.some((r) => r.page.startsWith('texts/'))) sum(rows.filter((r) => r.page.startsWith('texts/')), 'your texts (--texts)');
  sum(rows, 'all pages');
  console.log('');
  MODES.forEach((m, i) => {
    const marks = rows.reduce((n, r) => n + (r.marks[i] ?? 0), 0);
    const worst = Math.max(...rows.map((r) => (1000 * (r.marks[i] ?? 0)) / r.chars));
    console.log(`${m.name}: ${marks} marks, ${per(marks, chars)} per 1,000 characters overall, worst page ${worst.toFixed(1)}`);
  });
  const problems = rows.flatMap((r) => r.problems.map((p) => `${r.page}: ${p}`));
  console.log(problems.length ? `\nPROBLEMS:\n${problems.join('\n')}` : '\nEvery core formula on every page is painted at its first occurrence in the default mode.');
  if (problems.length) process.exitCode = 1;
}

await main();
