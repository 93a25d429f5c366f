// New formulations on a page: the extractor's finds minus what the glossary covers and what the
// reader dismissed, formula-like ones first, each with its sentence. jieba's Node build segments.
import { cut } from 'jieba-wasm';
import { expect, test } from 'vitest';
import { defaultGlossary } from '@/src/glossary/default';
import { newFormulations } from './radar';

const segment = (text: string) => cut(text, false);
const entries = defaultGlossary().entries;
const PAGE = [
  '市委召开常委会会议，传达学习全国两会精神。',
  '会议强调，要坚持“三抓三促”，践行“三抓三促”制度，做到应收尽收、应保尽保。',
  '各级党组织要增强“四个意识”，落实“三会一课”。',
  '会上印发了《关于进一步加强基层治理的通知》。',
].join('\n');

test('finds formulations the glossary lacks, formula-like and frequent first, each with its sentence', () => {
  const found = newFormulations(PAGE, { segment, entries, dismissed: new Set() });
  const texts = found.map((f) => f.text);
  expect(texts[0]).toBe('三抓三促');
  expect(found[0]!.count).toBe(2);
  expect(found[0]!.sentence).toBe('会议强调，要坚持“三抓三促”，践行“三抓三促”制度，做到应收尽收、应保尽保。');
  expect(texts).toContain('应收尽收');
  // What the glossary has is not new.
  expect(texts).not.toContain('四个意识');
  expect(texts).not.toContain('三会一课');
});

test('a dismissed formulation stays out', () => {
  const found = newFormulations(PAGE, { segment, entries, dismissed: new Set(['三抓三促']) });
  expect(found.map((f) => f.text)).not.toContain('三抓三促');
});
