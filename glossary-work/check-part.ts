// Validates one glossary fragment (a JSON array of entries) against the schema and the speech.
// Usage: npx tsx glossary-work/check-part.ts glossary-work/part-A.json
import fs from 'node:fs';
import { entrySchema, surfaceForms } from '../src/glossary/schema';

const file = process.argv[2]!;
const speech = fs.readFileSync('data/speech.txt', 'utf8');
const plan = fs.readFileSync('glossary-work/plan.tsv', 'utf8').trim().split('\n').map((l) => l.split('\t'));
const allIds = new Set(plan.map((p) => p[1]));
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
let bad = 0;
const forms = new Map<string, string>();
raw.forEach((r, i) => {
  const res = entrySchema.safeParse(r);
  const label = (r as { id?: string }).id ?? `#${i}`;
  if (!res.success) {
    bad++;
    console.log(`${label}: ${res.error.issues.map((x) => x.path.join('.') + ' ' + x.message).join('; ')}`);
    return;
  }
  const e = res.data;
  const problems: string[] = [];
  if (!e.source) problems.push('missing source');
  else if (!speech.includes(e.source.quote)) problems.push('source.quote not verbatim in data/speech.txt');
  if (e.source && !surfaceForms(e).some((f) => e.source!.quote.includes(f))) problems.push('no term/variant occurs in the quote (add the speech form as a variant?)');
  for (const f of surfaceForms(e)) {
    if (forms.has(f)) problems.push(`form "${f}" also in ${forms.get(f)}`);
    forms.set(f, e.id);
  }
  for (const r of e.related) if (!allIds.has(r)) problems.push(`related "${r}" not in plan.tsv`);
  if (!/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(e.pinyin)) problems.push('pinyin has no tone marks');
  if (problems.length) { bad++; console.log(`${e.id}: ${problems.join('; ')}`); }
});
console.log(`${raw.length} entries, ${bad} with problems`);
process.exit(bad ? 1 : 0);
