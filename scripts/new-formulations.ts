// What the popup's "Not in your glossary" list shows on the news fixtures: the same extractor and
// ranking (src/brief/radar.ts) over each page's text, with the shipped glossary (both collections)
// and jieba's nodejs build segmenting with the glossary's ambiguous forms added, as the background
// does. The page text is read like the popup reads it (block elements on their own lines).
// Prints each page's list, for judging by hand how many are formulations (precision).
//
//   npx tsx scripts/new-formulations.ts
import fs from 'node:fs';
import path from 'node:path';
import { add_word, cut } from 'jieba-wasm';
import { parseHTML } from 'linkedom';
import { newFormulations } from '../src/brief/radar';
import { defaultGlossary } from '../src/glossary/default';
import { compilePatterns } from '../src/glossary/patterns';

const ROOT = path.resolve(import.meta.dirname, '..');
const pages = [
  'test/fixtures/news/demo.html',
  ...['test/fixtures/pages', 'test/fixtures/calm', 'test/fixtures/bench'].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.html') && (dir !== 'test/fixtures/pages' || f.startsWith('news-')))
      .map((f) => `${dir}/${f}`),
  ),
];

const entries = defaultGlossary().entries;
const patterns = compilePatterns(entries);
for (const p of patterns) if (p.ambiguous) add_word(p.text);
// What the glossary covers, traditional forms included, as the background passes it.
const forms = [...entries, ...patterns.map((p) => ({ id: p.id, term: p.text, variants: [] }))];
const segment = (text: string) => cut(text, false);
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, figcaption, dd, dt, pre';

let shown = 0;
for (const page of pages) {
  const { document } = parseHTML(fs.readFileSync(path.join(ROOT, page), 'utf8'));
  for (const gone of document.querySelectorAll('script, style, noscript, template')) gone.remove();
  const text = [...document.querySelectorAll(BLOCKS)].map((b) => b.textContent?.trim() ?? '').filter(Boolean).join('\n');
  const found = newFormulations(text, { segment, entries: forms, dismissed: new Set() });
  shown += found.length;
  console.log(`\n${page} (${text.length} characters): ${found.length}`);
  for (const f of found) console.log(`  ${f.text}  ×${f.count}  [${f.kinds.join(', ')}]  ${f.sentence.slice(0, 60)}`);
}
console.log(`\n${pages.length} pages, ${shown} candidates shown`);
