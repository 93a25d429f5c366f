// Lists candidate glossary terms in a speech, marking those the default glossary already has (✓, or ≈
// when a longer glossary form contains them) and those deliberately left out (data/left-out.json).
// Usage: npm run glossary:extract -- FILE [--all] [--uncovered]
import fs from 'node:fs';
import path from 'node:path';
import { cut } from 'jieba-wasm';
import { extractCandidates, summarise, type Candidate, type LeftOut } from '../src/glossary/extract';
import { glossarySchema } from '../src/glossary/schema';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run glossary:extract -- FILE [--uncovered]');
  process.exit(2);
}
const onlyUncovered = args.includes('--uncovered');

const text = fs.readFileSync(file, 'utf8');
const glossary = glossarySchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/glossary.json'), 'utf8')));
const leftOut = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/left-out.json'), 'utf8')) as LeftOut[];

const candidates = extractCandidates(text, { segment: (t) => cut(t, false), entries: glossary.entries, leftOut });

const mark = (c: Candidate): string => (c.covered ? (c.covered.how === 'exact' ? '✓' : '≈') : c.leftOut !== undefined ? '–' : ' ');
for (const c of candidates) {
  if (onlyUncovered && (c.covered || c.leftOut !== undefined)) continue;
  const note = c.covered ? `  → ${c.covered.id}` : c.leftOut !== undefined ? `  (left out: ${c.leftOut})` : '';
  console.log(`${mark(c)} ${c.text}  ×${c.count}  [${c.kinds.join(', ')}]${note}`);
  for (const context of c.contexts) console.log(`      ${context}`);
}
const s = summarise(candidates);
console.log(`\n${s.candidates} candidates, ${s.covered} covered, ${s.leftOut} left out, ${s.uncovered} uncovered` +
  ` (glossary: ${glossary.entries.length} entries; ✓ term or variant, ≈ part of a longer form, – left out)`);
