// How well segmentation confirms the ambiguous glossary terms on the table of real contexts
// (test/unit/fixtures/ambiguous-contexts.ts): the share of real occurrences confirmed and the traps
// marked, for the rule in src/glossary/segment.ts and, for comparison, for the old rule (a word
// boundary at both ends). Run: npx tsx scripts/ambiguous-accuracy.ts
import { judgeContexts, type Judged } from '../test/unit/fixtures/ambiguous-judge';

const judged = judgeContexts();
const real = judged.filter((j) => j.real);
const traps = judged.filter((j) => !j.real);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

function report(name: string, verdict: (j: Judged) => boolean): void {
  const confirmed = real.filter(verdict).length;
  const marked = traps.filter(verdict).length;
  console.log(
    `${name}: real occurrences confirmed ${confirmed}/${real.length} (${pct(confirmed, real.length)}), ` +
      `traps marked ${marked}/${traps.length} (${pct(marked, traps.length)})`,
  );
}

const problems = judged.filter((j) => j.problem);
for (const j of problems) console.log(`not judged (${j.problem}): ${j.text}`);
const entries = new Set(judged.map((j) => j.entryId)).size;
const traditional = judged.filter((j) => j.traditional).length;
console.log(`${judged.length} contexts (${traditional} traditional), ${entries} entries, ${real.length} real, ${traps.length} traps`);
report('rule (src/glossary/segment.ts) with sense cues (src/glossary/sense-cues.ts)', (j) => j.confirmed);
report('rule without sense cues', (j) => j.confirmedBySegmentation);
report('boundary at both ends (old rule)', (j) => j.confirmedByBoundaries);
console.log('\nmisjudged by the rule:');
for (const j of judged.filter((j) => j.confirmed !== j.real)) {
  console.log(`  ${j.real ? 'real, not confirmed' : 'trap, marked'}: ${j.text}${j.jiebaMiss ? `\n    ${j.jiebaMiss}` : ''}`);
}
if (problems.length > 0) process.exitCode = 1;
