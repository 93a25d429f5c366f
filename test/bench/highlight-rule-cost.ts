// `npx tsx test/bench/highlight-rule-cost.ts [big|a8] [loads]`: what `::highlight()` rules cost a
// page's own styling when adopted as it starts to parse, as Tifa's early style script adopts them
// (src/page/early-style.ts): no sheet, nine bare `::highlight(name)` rules (Tifa's until 2cf2a7f), and
// nine `:root::highlight(name)` rules (src/page/style.ts). No extension: the sheet is adopted in the
// page's own world by an init script, in one browser per variant, loads interleaved. Prints the
// median CPU ms of the load's style recalculations (UpdateLayoutTree) and layouts, and each load's.
// A tool for choosing the rules' shape, not a figure of Tifa's (`npm run bench` measures that).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeSubject, launch, median, traced } from './page-load';
import { analyseLoad, cpu, TRACE_CATEGORIES } from './trace-analysis';
import { startFixtureServer } from '../e2e/server';
import { newsPage } from './page';

const page = process.argv[2] ?? 'big';
const loads = Number(process.argv[3] ?? 6);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-rule-cost-'));
fs.writeFileSync(path.join(dir, 'big.html'), newsPage().html);
for (const file of ['a8-speech-large.html', 'style.css']) fs.copyFileSync(path.join('test/fixtures/bench', file), path.join(dir, file));
const server = await startFixtureServer(dir);
const url = server.url(page === 'a8' ? 'a8-speech-large.html' : 'big.html');

/**
 * Nine rules, as Tifa writes one per category, in its default look. Written out, not taken from
 * highlightCss: src/page/style.ts reads `import.meta.env`, which only the extension's build defines.
 */
const rules = (scope: string) =>
  Array.from({ length: 9 }, (_, i) => `${scope}::highlight(h${i}x){text-decoration:underline 2px #d9730d;text-underline-offset:3px}`).join('\n');
const variants: Array<[string, string | null]> = [
  ['no sheet', null],
  ['nine bare ::highlight() rules', rules('')],
  ['nine :root::highlight() rules', rules(':root')],
];

const subjects = [];
for (const [name, css] of variants) {
  const subject = await launch('empty', null);
  if (css !== null) {
    await subject.tab.addInitScript((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [sheet];
    }, css);
  }
  subjects.push({ name, subject, style: [] as number[], layout: [] as number[] });
}

for (let round = 0; round < loads; round++) {
  for (const s of subjects) {
    await s.subject.tab.goto('about:blank');
    const { events } = await traced(s.subject.cdp, async () => {
      await s.subject.tab.goto(url, { waitUntil: 'load' });
      await s.subject.tab.waitForTimeout(800);
    }, TRACE_CATEGORIES);
    // The page's main thread from the document's commit on (no extension: no script to tell).
    const main = analyseLoad(events, url, null).events.filter((e) => e.ph === 'X');
    s.style.push(main.filter((e) => e.name === 'UpdateLayoutTree').reduce((sum, e) => sum + cpu(e), 0) / 1000);
    s.layout.push(main.filter((e) => e.name === 'Layout').reduce((sum, e) => sum + cpu(e), 0) / 1000);
  }
}

const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(' ');
console.log(`${page}: CPU ms of the load's style recalculations and layouts, median of ${loads} loads (each load's in brackets)`);
for (const s of subjects) console.log(`  ${s.name.padEnd(32)} style ${median(s.style).toFixed(1).padStart(6)} (${list(s.style)})   layout ${median(s.layout).toFixed(1).padStart(6)} (${list(s.layout)})`);
for (const s of subjects) await closeSubject(s.subject);
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
