// `npm run bench` (the npm script builds first): what the BUILT extension costs real page loads, against
// an empty extension, a ten-line naive highlighter and mark.js (page-load.ts), then the options page
// with 10,000 entries (options-bench.ts) and the first tooltip (tooltip-bench.ts), then the in-page scanner and matcher figures
// (scanner-bench.ts). Measures whatever build TIFA_EXTENSION_DIR points at (default
// $TIFA_OUT_DIR/chrome-mv3, else .output/chrome-mv3).
//   --quick   fewer loads and pages, for iterating
//   --trace   also a DevTools-trace breakdown (script, style/layout, pre-paint, paint, GC, other)
//   --loads-only   skip the options page and the scanner section
//   --only=article,big,frames,cold,late,english,portal   only these pages in the first section
//   --subjects=naive,markjs,tifa,tifa5k,none   only these extensions (EMPTY always)
//   --rounds=N   loads per extension and page
//   --new-tabs   each article and 1 MB page load in a new tab (a new renderer process: the content
//                script compiled afresh), rather than one tab navigated from page to page
// TIFA_BEFORE_DIR=<a build's chrome-mv3>: that build too, as TIFA before, in the same interleaved loads.
import path from 'node:path';
import { runPageLoad } from './page-load';
import { runOptionsBench } from './options-bench';
import { bundleSize, runScannerBench } from './scanner-bench';
import { runTooltipBench } from './tooltip-bench';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT_DIR = path.resolve(ROOT, process.env.TIFA_OUT_DIR ?? '.output');
const EXTENSION_DIR = path.resolve(ROOT, process.env.TIFA_EXTENSION_DIR ?? path.join(OUT_DIR, 'chrome-mv3'));
process.env.TIFA_EXTENSION_DIR = EXTENSION_DIR; // the e2e harness reads it when imported

const args = new Set(process.argv.slice(2));
const listArg = (name: string): string[] =>
  (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? '').slice(name.length + 3).split(',').filter(Boolean);
const subjects = listArg('subjects');
const roundsArg = Number(listArg('rounds')[0] ?? NaN);
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '--only=').slice('--only='.length).split(',').filter(Boolean);
const quick = args.has('--quick');
const trace = args.has('--trace');
const loadsOnly = args.has('--loads-only');
const newTabs = args.has('--new-tabs');

console.log(`Tifa benchmark — ${new Date().toISOString()} — extension ${path.relative(ROOT, EXTENSION_DIR) || EXTENSION_DIR}${quick ? ' — QUICK (fewer loads and pages)' : ''}${newTabs ? ' — articles and the 1 MB page in NEW TABS' : ''}`);
const { lines } = await runPageLoad({ quick, only, subjects, rounds: Number.isFinite(roundsArg) ? roundsArg : undefined, newTabs, trace, root: ROOT, extensionDir: EXTENSION_DIR });
const size = bundleSize(EXTENSION_DIR);
const ok = size.bytes < 30_000;
lines.splice(
  lines.findIndex((l) => l.startsWith('TARGETS')) + 1,
  0,
  `  ${(ok ? 'met' : 'MISSED').padEnd(7)} ${'content script < 30,000 bytes minified'.padEnd(68)} ${size.bytes.toLocaleString('en')} bytes (${(size.gzip / 1000).toFixed(1)} KB gzip, ${size.file}; beside it ${size.others.map((o) => `${o.file} ${o.bytes.toLocaleString('en')}`).join(', ')})`,
);
for (const line of lines) console.log(line);

if (!loadsOnly) {
  for (const line of await runOptionsBench(ROOT, EXTENSION_DIR)) console.log(line);
  for (const line of await runTooltipBench(EXTENSION_DIR)) console.log(line);
  console.log();
  console.log('IN-PAGE SCANNER AND MATCHER (the scanner alone, glossary already in memory, no rendering)');
  await runScannerBench();
}
