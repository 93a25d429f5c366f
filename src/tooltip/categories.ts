// Category labels for the tooltip. A copy of CATEGORY_LABELS in src/glossary/schema.ts, because
// importing that module brings zod into the content script (its schemas are built at load time, so
// the bundler cannot drop them). categories.test.ts fails the moment the two differ.
import type { Category } from '@/src/glossary/schema';

export const TOOLTIP_CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
  slogan: { zh: '口号提法', en: 'Slogan' },
  institution: { zh: '机构职务', en: 'Institution' },
  practice: { zh: '制度做法', en: 'Practice' },
  policy: { zh: '方针政策', en: 'Policy' },
  campaign: { zh: '专项运动', en: 'Campaign' },
  document: { zh: '文件法规', en: 'Document' },
  plan: { zh: '规划', en: 'Plan' },
  concept: { zh: '理念概念', en: 'Concept' },
  jargon: { zh: '俗语比喻', en: 'Jargon' },
};
