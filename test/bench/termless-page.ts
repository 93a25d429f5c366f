// The bench's Chinese article without a glossary term: local news of weather, markets and parks,
// laid out as the English article is (navigation, article, related stories, footer). Most Chinese
// pages a reader opens hold no party-state formulation at all: this is what Tifa costs them. The
// sentences are ours; the page is checked against the glossary's forms as it is made.
import { createRandom, htmlList } from './generate';

const SENTENCES = [
  '今天上午，本市迎来入秋以来的第一场小雨，气温比昨天下降了五六度。',
  '气象台提醒市民出门记得带伞，早晚温差较大，注意及时添加衣物。',
  '城东的菜市场里，新上市的白菜和萝卜价格比上周略有回落。',
  '一位卖水果的摊主说，最近橘子和苹果卖得很好，每天都要进两次货。',
  '周末的公园里人来人往，不少家长带着孩子在草地上放风筝。',
  '图书馆从下个月起延长开放时间，晚上可以一直开到九点半。',
  '新开的面馆门口排起了长队，招牌牛肉面一碗售价十八元。',
  '地铁三号线部分车站正在更换指示牌，乘客换乘时请留意现场提示。',
  '这家书店的二楼改成了咖啡区，读者可以一边看书一边喝咖啡。',
  '晚饭后，很多居民喜欢沿着河边散步，路灯下还有人在跳舞。',
  '学校附近的文具店开始出售新学期的笔记本和书包。',
  '火车站的售票窗口前人不多，大部分旅客已经习惯在手机上买票。',
  '动物园里新来的两只小熊猫很受欢迎，游客们纷纷拍照留念。',
  '天气预报说，本周后半段以晴天为主，适合外出游玩。',
  '老街上的裁缝铺已经开了三十多年，师傅的手艺远近闻名。',
  '傍晚时分，江边的渡轮载满了下班回家的乘客。',
];

const SECTIONS = ['首页', '本地', '天气', '美食', '出行', '文化', '体育', '图片', '视频', '生活'];

/** The page's HTML; throws if any of `forms` (the glossary's surface forms) occurs in it. */
export function termlessPage(forms: readonly string[]): string {
  const random = createRandom(11);
  const pick = () => SENTENCES[Math.floor(random() * SENTENCES.length)] as string;
  const paragraph = (n: number) => Array.from({ length: n }, pick).join('');
  const story = (i: number) => `<a href="#r${i}"><img alt="" width="80" height="60"><span>${pick().slice(0, 14)}</span></a> <time>${i + 1}小时前</time>`;
  const title = '入秋第一场雨：本市气温明显下降';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="style.css"></head><body>
<header><nav>${htmlList(SECTIONS.length, (i) => `<a href="#s${i}">${SECTIONS[i]}</a>`)}</nav></header>
<main><article><h1>${title}</h1><p class="byline">本报记者 <a href="#a">王小明</a> · <time>3小时前</time></p>
${Array.from({ length: 12 }, (_, i) => `<p>${paragraph(4)}<a href="#p${i}">${pick().slice(0, 10)}</a>${paragraph(2)}</p>`).join('\n')}</article>
<aside><h2>相关新闻</h2>${htmlList(12, story)}</aside></main>
<footer>${htmlList(SECTIONS.length, (i) => `<a href="#f${i}">${SECTIONS[i]}</a>`)}<p>© 2026 本地新闻网</p></footer>
</body></html>`;
  const found = forms.filter((form) => html.includes(form));
  if (found.length > 0) throw new Error(`the termless page holds glossary forms: ${found.join(', ')}`);
  return html;
}
