import { expect, test } from 'vitest';
import { CATEGORY_LABELS } from '@/src/glossary/schema';
import { TOOLTIP_CATEGORY_LABELS } from './categories';

test("the tooltip's category labels are the glossary's", () => {
  expect(TOOLTIP_CATEGORY_LABELS).toEqual(CATEGORY_LABELS);
});
