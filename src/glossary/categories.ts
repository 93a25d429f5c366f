// Entry categories and their labels. Zod-free, so the tooltip (which runs in pages) can use them
// without pulling the schema library in.

export const CATEGORIES = [
  'slogan', // numbered or rhyming formulas: 四个意识, 两个维护
  'institution', // bodies and posts: 党组, 第一书记, 驻村工作队
  'practice', // routines and procedures: 三会一课, 主题党日, 民主评议党员
  'policy', // standing policies and principles: 民主集中制, 党管人才
  'campaign', // time-bound drives: 脱贫攻坚, 回头看
  'document', // named documents and regulations
  'plan', // five-year plans: 十三五, 十四五
  'concept', // ideological and governance concepts: 全周期管理, 新发展理念
  'jargon', // idioms and figures of speech: 店小二, 击鼓传花
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
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
