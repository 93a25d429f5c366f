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

/** Median compile and scan times; the first run also warms up the JIT, as a long-lived page would. */
function measure<T>(compile: () => T, scan: (compiled: T) => number): { compileMs: number; scanMs: number; matches: number } {
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
  return { compileMs: median(compileTimes), scanMs: median(scanTimes), matches };
}

const ours = measure(
  () => compileMatcher(patterns),
  (matcher) => matcher.scan(text).length,
);
const library = measure(
  () => new AhoCorasick(terms),
  (automaton) => automaton.matchInText(text).length,
);

const fmt = (ms: number): string => ms.toFixed(1).padStart(10);
console.log(`${text.length.toLocaleString('en')} UTF-16 units, ${terms.length.toLocaleString('en')} patterns, median of ${runs} runs`);
console.log(`${'matcher'.padEnd(30)}${'compile ms'.padStart(10)}${'scan ms'.padStart(10)}${'matches'.padStart(10)}`);
for (const [name, result] of [
  ['ours (src/matcher)', ours],
  ['@monyone/aho-corasick/greedy', library],
] as const) {
  console.log(`${name.padEnd(30)}${fmt(result.compileMs)}${fmt(result.scanMs)}${String(result.matches).padStart(10)}`);
}
if (ours.matches !== library.matches) {
  console.log(`match counts differ: ours ${ours.matches}, library ${library.matches}`);
  process.exitCode = 1;
}
