// Node micro-benchmark: our matcher vs @monyone/aho-corasick (greedy = leftmost-longest variant).
// Run: npx tsx test/bench/matcher-node.ts [chars] [terms]
import { AhoCorasick } from '@monyone/aho-corasick/greedy';
import { compileMatcher } from '../../src/matcher/matcher.ts';
import { generateGlossaryTerms, generateNewsText } from './generate.ts';

const textLength = Number(process.argv[2] ?? 1_000_000);
const termCount = Number(process.argv[3] ?? 5_000);
const runs = 9;

const text = generateNewsText(textLength);
const terms = generateGlossaryTerms(termCount);
const patterns = terms.map((term, index) => ({ text: term, id: `e${index}`, ambiguous: false }));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

interface Result {
  /** First run, before the JIT has warmed up: what a content script pays on page load. */
  coldCompileMs: number;
  coldScanMs: number;
  compileMs: number;
  scanMs: number;
  matches: number;
}

/** Leftmost-longest by brute force over a Set, to check both matchers' counts independently. */
function referenceCount(): number {
  const set = new Set(terms);
  const longest = Math.max(...terms.map((term) => term.length));
  let count = 0;
  for (let position = 0; position < text.length; ) {
    let length = Math.min(longest, text.length - position);
    while (length > 0 && !set.has(text.slice(position, position + length))) length--;
    if (length > 0) count++;
    position += Math.max(length, 1);
  }
  return count;
}

/** Median compile and scan times over several runs, plus the cold first run. */
function measure<T>(compile: () => T, scan: (compiled: T) => number): Result {
  const compileTimes: number[] = [];
  const scanTimes: number[] = [];
  let matches = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const compiled = compile();
    const t1 = performance.now();
    matches = scan(compiled);
    const t2 = performance.now();
    compileTimes.push(t1 - t0);
    scanTimes.push(t2 - t1);
  }
  return {
    coldCompileMs: compileTimes[0] ?? NaN,
    coldScanMs: scanTimes[0] ?? NaN,
    compileMs: median(compileTimes),
    scanMs: median(scanTimes),
    matches,
  };
}

const ours = measure(
  () => compileMatcher(patterns),
  (matcher) => matcher.scan(text).length,
);
const library = measure(
  () => new AhoCorasick(terms),
  (automaton) => automaton.matchInText(text).length,
);

const reference = referenceCount();
const fmt = (ms: number): string => ms.toFixed(1).padStart(14);
const columns = ['compile ms', 'scan ms', 'cold compile', 'cold scan', 'matches'];
console.log(`${text.length.toLocaleString('en')} UTF-16 units, ${terms.length.toLocaleString('en')} patterns, median of ${runs} runs (cold = first run)`);
console.log(`${'matcher'.padEnd(30)}${columns.map((column) => column.padStart(14)).join('')}`);
for (const [name, result] of [
  ['ours (src/matcher)', ours],
  ['@monyone/aho-corasick/greedy', library],
] as const) {
  const times = [result.compileMs, result.scanMs, result.coldCompileMs, result.coldScanMs].map(fmt).join('');
  console.log(`${name.padEnd(30)}${times}${String(result.matches).padStart(14)}`);
}
console.log(`${'brute-force reference'.padEnd(30)}${''.padStart(56)}${String(reference).padStart(14)}`);
if (ours.matches !== reference || library.matches !== reference) {
  console.log('match counts differ from the reference');
  process.exitCode = 1;
}
