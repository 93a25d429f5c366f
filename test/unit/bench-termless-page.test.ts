import { expect, test } from 'vitest';
import { simplifiedForms } from '../bench/peer-extensions';
import { termlessPage } from '../bench/termless-page';

// The benchmark's Chinese article without a glossary term (npm run bench, --only=termless) stays
// without one as the shipped glossary grows: a term added to the glossary that the page's everyday
// sentences hold fails here, before a bench run does.
test('the bench page without a glossary term holds none of the shipped glossary forms', () => {
  const html = termlessPage(simplifiedForms());
  expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, '').length).toBeGreaterThan(2000);
  expect(() => termlessPage([...simplifiedForms(), '公园'])).toThrow(/公园/);
});
