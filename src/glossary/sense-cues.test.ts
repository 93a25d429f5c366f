import { describe, expect, test } from 'vitest';
import { entry as testEntry } from './test-helpers';
import { applySenseCues, ruledOutBySenseCues, senseCuesByForm } from './sense-cues';

const span = (text: string, form: string, from = 0) => {
  const start = text.indexOf(form, from);
  return { start, end: start + form.length };
};

describe('ruledOutBySenseCues', () => {
  const lien = { notWithin: ['留置权'], otherSenseWords: ['债权人', '盘问'], ownSenseWords: [] };

  test('an expression that holds the term rules it out only where it covers the occurrence', () => {
    const text = '前四史与四史教育';
    const cues = { notWithin: ['前四史'], otherSenseWords: [], ownSenseWords: [] };
    expect(ruledOutBySenseCues(text, span(text, '四史'), cues)).toBe(true);
    expect(ruledOutBySenseCues(text, span(text, '四史', 3), cues)).toBe(false);
    expect(ruledOutBySenseCues('行使留置权', span('行使留置权', '留置'), lien)).toBe(true);
  });

  test('an other-sense word rules it out in the same sentence, before or after, not across a full stop', () => {
    expect(ruledOutBySenseCues('债权人可以留置其动产', span('债权人可以留置其动产', '留置'), lien)).toBe(true);
    expect(ruledOutBySenseCues('对被盘问人的留置时间', span('对被盘问人的留置时间', '留置'), lien)).toBe(true);
    const twoSentences = '债权人已起诉。监察机关对其采取留置措施';
    expect(ruledOutBySenseCues(twoSentences, span(twoSentences, '留置'), lien)).toBe(false);
    expect(ruledOutBySenseCues('监察机关对其采取留置措施', span('监察机关对其采取留置措施', '留置'), lien)).toBe(false);
  });

  test('the term itself does not count as its own cue', () => {
    const cues = { notWithin: [], otherSenseWords: ['湾区'], ownSenseWords: [] };
    expect(ruledOutBySenseCues('大湾区建设', span('大湾区建设', '大湾区'), cues)).toBe(false);
  });

  test('an own-sense word in the sentence, the occurrence included, keeps it despite an other-sense word', () => {
    const bay = { notWithin: [], otherSenseWords: ['旧金山'], ownSenseWords: ['粤港澳', '深圳'] };
    const heading = '旧金山湾：科技力量云集的大湾区';
    expect(ruledOutBySenseCues(heading, span(heading, '大湾区'), bay)).toBe(true);
    const fourBays = '纽约湾区、旧金山湾区、东京湾区、粤港澳大湾区并称';
    expect(ruledOutBySenseCues(fourBays, span(fourBays, '粤港澳大湾区'), bay)).toBe(false);
    const beside = '深圳所在的大湾区对标旧金山湾区';
    expect(ruledOutBySenseCues(beside, span(beside, '大湾区'), bay)).toBe(false);
    // Only the sentence counts: an own-sense word a full stop away does not.
    const apart = '深圳来了。旧金山湾也称大湾区';
    expect(ruledOutBySenseCues(apart, span(apart, '大湾区'), bay)).toBe(true);
  });
});

describe('senseCuesByForm', () => {
  test('keys the cues of ambiguous entries by every written form, in simplified spelling', () => {
    const entry = testEntry({ id: 'liu-zhi', term: '留置', variants: ['留置措施'], ambiguous: true, notWithin: ['留置權'], otherSenseWords: ['債權人'], ownSenseWords: ['監察機關'] });
    const byForm = senseCuesByForm([entry]);
    expect([...byForm.keys()]).toEqual(['留置', '留置措施']);
    expect(byForm.get('留置')).toEqual({ notWithin: ['留置权'], otherSenseWords: ['债权人'], ownSenseWords: ['监察机关'] });
  });

  test('ignores entries that are not ambiguous, switched off, or have no cues', () => {
    const cues = { notWithin: ['前四史'] };
    expect(senseCuesByForm([testEntry({ id: 'a', term: '四史', ...cues })]).size).toBe(0);
    expect(senseCuesByForm([testEntry({ id: 'a', term: '四史', ambiguous: true, enabled: false, ...cues })]).size).toBe(0);
    expect(senseCuesByForm([testEntry({ id: 'a', term: '四史', ambiguous: true })]).size).toBe(0);
    expect(senseCuesByForm([testEntry({ id: 'a', term: '四史', ambiguous: true, ownSenseWords: ['学习'] })]).size).toBe(0);
  });
});

describe('applySenseCues', () => {
  test('rejects only confirmed candidates that their cues rule out, and never confirms a rejected one', () => {
    const text = '前四史。学四史。四史';
    const candidates = [span(text, '四史'), span(text, '四史', 4), span(text, '四史', 8)];
    const byForm = new Map([['四史', { notWithin: ['前四史'], otherSenseWords: [], ownSenseWords: [] }]]);
    expect(applySenseCues(text, candidates, [true, true, false], byForm)).toEqual([false, true, false]);
  });
});
