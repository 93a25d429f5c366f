// Deterministic generators for matcher benchmarks: Chinese news-like text and a synthetic glossary.
// Pure (no Node or DOM APIs) so the Node and the browser benchmark share the exact same inputs.

/** Small seeded PRNG (mulberry32): reproducible inputs across runs and environments. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An HTML list of `n` items, for the generated bench pages (the English article, the one without a term). */
export const htmlList = (n: number, item: (i: number) => string): string =>
  `<ul>\n${Array.from({ length: n }, (_, i) => `<li>${item(i)}</li>`).join('\n')}\n</ul>`;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Common words of party-state prose; glossary terms are combined from these, so near misses abound. */
export const POLITICAL_WORDS: readonly string[] = (
  '发展 改革 建设 坚持 推进 加强 全面 深化 实现 提高 完善 落实 维护 领导 党建 组织 干部 群众 人民 ' +
  '政治 经济 社会 文化 生态 文明 制度 体系 能力 现代 治理 创新 协调 绿色 开放 共享 安全 稳定 ' +
  '战略 方针 政策 思想 理论 路线 纲领 目标 任务 工作 部署 要求 意识 自信 核心 看齐 大局 ' +
  '责任 作风 纪律 监督 执纪 问责 巡视 廉政 反腐 基层 党员 党组 支部 委员 书记 中央 地方 国家 ' +
  '民族 复兴 梦想 小康 脱贫 攻坚 乡村 振兴 城乡 区域 统筹 协同 融合 一体 高质 质量 效益 ' +
  '结构 供给 需求 内需 循环 格局 市场 资源 配置 要素 科技 人才 教育 创业 就业 民生 保障 ' +
  '法治 依法 执政 行政 司法 宪法 法律 权力 权利 民主 协商 选举 统一 战线 团结 奋斗 ' +
  '使命 初心 担当 作为 实干 精神 品质 风险 挑战 机遇 底线 红线 防范 化解 矛盾 问题 ' +
  '群体 利益 公平 正义 和谐 繁荣 富强 美丽 强国 大国 世界 国际 合作 共赢 命运 共同 ' +
  '对表 对标 对照 检查 整改 学习 教育 实践 活动 专题 主题 调研 指导 督查 考核 评价'
).split(' ');

export const NUMERAL_PREFIXES: readonly string[] = (
  '一个 两个 三个 四个 五个 六个 七个 八个 一条 两条 三条 一项 两项 三项 四项 ' +
  '三大 四大 五大 六大 七大 十大 三严 三实 三会 一课 五位 四位 两学 一做'
).split(' ');

/** Terms that do occur in the generated text: real slogans plus a few short ambiguous ones. */
export const OCCURRING_TERMS: readonly string[] = (
  '两个维护 两个确立 四个意识 四个自信 四个全面 五位一体 四位一体 两学一做 三严三实 三会一课 ' +
  '中国式现代化 全过程人民民主 新质生产力 高质量发展 共同富裕 一带一路 人类命运共同体 ' +
  '供给侧结构性改革 精准扶贫 精准脱贫 乡村振兴 全面从严治党 八项规定 中央八项规定精神 ' +
  '党的领导 党的建设 党的全面领导 全面依法治国 全面深化改革 全面建成小康社会 新发展理念 ' +
  '新发展格局 国内大循环 双循环 中国梦 中华民族伟大复兴 不忘初心 牢记使命 初心使命 ' +
  '以人民为中心 人民至上 生命至上 总体国家安全观 底线思维 守正创新 自我革命 ' +
  '党要管党 从严治党 政治站位 政治判断力 政治领悟力 政治执行力 主题教育 ' +
  '基层党组织 党组织 党组 对表 对标对表 看齐意识 核心意识 大局意识 政治意识 ' +
  '道路自信 理论自信 制度自信 文化自信 生态文明 美丽中国 绿水青山就是金山银山 ' +
  '两山理论 碳达峰 碳中和 双碳 一国两制 港人治港 澳人治澳 高度自治 爱国者治港 ' +
  '统一战线 大统战 民主集中制 群众路线 批评与自我批评 实事求是 解放思想 与时俱进 ' +
  '求真务实 改革开放 社会主义核心价值观 社会主义现代化强国 两个一百年 ' +
  '第二个百年奋斗目标 十四五 十四五规划 新时代 新征程 新阶段 伟大斗争 伟大工程 ' +
  '伟大事业 伟大梦想 四个伟大 六稳 六保 稳中求进 放管服 营商环境 最多跑一次 ' +
  '河长制 林长制 枫桥经验 打虎拍蝇猎狐 老虎苍蝇一起打 反腐败斗争 不敢腐不能腐不想腐 ' +
  '三不腐 巡视巡察 政治生态 形式主义 官僚主义 四风 躺平 内卷 '
)
  .trim()
  .split(' ');

// Words that make sentences read like news without being glossary material.
const SUBJECTS = '我们 各级党委 全市 各地区各部门 广大党员干部 会议 市委 省政府 有关部门 基层单位 全体同志 政府'.split(' ');
const VERBS = '强调 指出 要求 认为 提出 坚持 推动 部署 贯彻 落实 深入学习 认真研究 积极推进 扎实开展'.split(' ');
const CONNECTORS = '，并 ，同时 ，进一步 ，切实 ，着力 ，不断 ，努力 ，持续'.split(' ');
const ENDINGS = '。 。 。 ！ ； 。'.split(' ');
const FILLERS = (
  '的 了 和 与 在 是 为 对 把 以 从 向 要 将 更加 更好 各项 有关 重要 重大 关键 基本 ' +
  '工作会议 讲话精神 具体措施 实际行动 良好氛围 有效途径 显著成效 重要讲话 决策部署 ' +
  '今年以来 下一步 近年来 目前 总的来看 一方面 另一方面 特别是 尤其是 以及 通过'
).split(' ');

/**
 * About `length` UTF-16 code units of news-like Chinese prose (plus dates, numbers and quotes).
 * A fraction of phrases are terms from {@link OCCURRING_TERMS}, so a glossary finds real matches.
 */
export function generateNewsText(length: number, seed = 1): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  let size = 0;
  const push = (piece: string): void => {
    parts.push(piece);
    size += piece.length;
  };
  while (size < length) {
    if (random() < 0.08) push('\n');
    if (random() < 0.1) {
      push(`${2000 + Math.floor(random() * 26)}年${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日，`);
    }
    push(pick(random, SUBJECTS));
    push(pick(random, VERBS));
    const phrases = 2 + Math.floor(random() * 5);
    for (let p = 0; p < phrases; p++) {
      const roll = random();
      if (roll < 0.14) {
        const term = pick(random, OCCURRING_TERMS);
        push(random() < 0.3 ? `“${term}”` : term);
      } else if (roll < 0.55) {
        push(pick(random, POLITICAL_WORDS));
        push(pick(random, POLITICAL_WORDS));
      } else if (roll < 0.62) {
        push(`${Math.floor(random() * 1000)}个`);
      } else {
        push(pick(random, FILLERS));
        push(pick(random, POLITICAL_WORDS));
      }
      if (p + 1 < phrases) push(random() < 0.5 ? pick(random, CONNECTORS) : '、');
    }
    push(pick(random, ENDINGS));
  }
  return parts.join('').slice(0, length);
}

/**
 * `count` distinct glossary terms of 2–8 Chinese characters: the {@link OCCURRING_TERMS} plus random
 * combinations of political words and numerals, most of which never occur in the generated text.
 */
export function generateGlossaryTerms(count: number, seed = 2): string[] {
  const random = createRandom(seed);
  const terms = new Set<string>(OCCURRING_TERMS.slice(0, count));
  while (terms.size < count) {
    const roll = random();
    let term: string;
    if (roll < 0.3) {
      term = pick(random, NUMERAL_PREFIXES) + pick(random, POLITICAL_WORDS);
    } else if (roll < 0.45) {
      term = pick(random, NUMERAL_PREFIXES) + pick(random, POLITICAL_WORDS) + pick(random, POLITICAL_WORDS);
    } else {
      const words = 1 + Math.floor(random() * 4);
      term = '';
      for (let w = 0; w < words; w++) term += pick(random, POLITICAL_WORDS);
      if (words === 1) term += pick(random, POLITICAL_WORDS).charAt(0);
    }
    if (term.length > 8) term = term.slice(0, 8);
    terms.add(term);
  }
  return [...terms];
}
