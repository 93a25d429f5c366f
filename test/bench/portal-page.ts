// An article as a Chinese news portal serves it: the bench's articles hold only text-bearing tags,
// while a portal's page around the same article carries scripts (some with Chinese strings: the
// page's configuration and its data as JSON), images, inline SVG icons, a search form, share and
// font-size buttons, a video, a comment form, ad slots with their own iframes, hidden menus and
// templates, and long menus and footers of Chinese links. Tifa must skip what is not prose, never
// touch the form fields, and pay for all of it only as a reader's page does: this page shows what
// that layout adds to an article (the `portal` page of `npm run bench`).
import { createRandom } from './generate';

const SECTIONS = '首页 时政 国际 财经 社会 文化 教育 科技 体育 健康 军事 法治 地方 视频 图片 评论 专题 理论 党建 人事'.split(' ');
const TOPICS = '会议 讲话 动态 政策 解读 发布 通知 公告 访谈 观察 数据 图解 专栏 快讯 回顾'.split(' ');
const HEADLINES = [
  '全市召开经济运行调度会议',
  '我市出台支持民营经济发展若干措施',
  '省委常委会召开会议研究部署近期重点工作',
  '多部门联合开展安全生产大检查',
  '新一批重点项目集中开工',
  '城市更新行动取得阶段性成效',
  '全县秋粮收购工作有序推进',
  '市政府新闻办举行新闻发布会',
  '优化营商环境条例正式施行',
  '高校毕业生就业服务活动启动',
];
const ICONS = 'weibo wechat qq link print font-up font-down search close menu play comment'.split(' ');

const icon = (name: string) => `<svg class="icon" aria-hidden="true" width="16" height="16"><use href="#i-${name}"></use></svg>`;
const list = <T>(items: readonly T[], item: (x: T, i: number) => string) => items.map(item).join('\n');
const times = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The sprite of icons the share bar and buttons use, as portals inline it at the top of the body. */
function sprite(random: () => number): string {
  const path = () =>
    `M${Math.floor(random() * 16)} ${Math.floor(random() * 16)}` +
    times(6)
      .map(() => `L${(random() * 16).toFixed(1)} ${(random() * 16).toFixed(1)}`)
      .join('') +
    'Z';
  return `<svg style="display:none" xmlns="http://www.w3.org/2000/svg">${list(ICONS, (n) => `<symbol id="i-${n}" viewBox="0 0 16 16"><path d="${path()}"></path><path d="${path()}"></path></symbol>`)}</svg>`;
}

/** Inline scripts as portals carry them: statistics, ad slots and a configuration with Chinese strings. */
const configScript = (title: string) =>
  `<script>var pageConfig = { channel: "党建", title: ${JSON.stringify(title)}, source: "县委办公室", keywords: ["基层党建", "两个维护", "三会一课"], share: { text: "分享到微博" } };</script>`;
const statsScript = (i: number) =>
  `<script>(function(){var s=document.createElement('span');s.dataset.stat='${i}';window.__stats=(window.__stats||0)+${i};})();</script>`;
const adSlot = (i: number) =>
  `<div class="ad-slot" id="ad-${i}"><ins class="ad" data-slot="${1000 + i}"></ins><script>window.adQueue=(window.adQueue||[]);window.adQueue.push({slot:${1000 + i},size:[300,250]});</script></div>`;

/**
 * The page: `article` is the <article> element of an article fixture, `title` its headline; `adFrame(i)`
 * the address of an ad page without Chinese text, for the two iframes of the ad slots.
 */
export function portalPage(article: string, title: string, adFrame: (i: number) => string): string {
  const random = createRandom(11);
  const headline = () => HEADLINES[Math.floor(random() * HEADLINES.length)] as string;
  const data = JSON.stringify({
    props: {
      related: times(40).map((id) => ({ id, title: headline(), url: `/n/${id}.html`, image: `/img/${id}.jpg`, time: `2024-04-${10 + (id % 20)}` })),
      comments: times(20).map((id) => ({ id, user: `网友${id}`, text: '认真学习，抓好落实，推动各项工作取得新成效。', likes: id * 3 })),
    },
  });
  // The share bar, the font-size buttons and a figure go just under the headline.
  const tools =
    `<div class="tools"><span class="share">分享到：${list(['weibo', 'wechat', 'qq', 'link'], (n) => `<a href="#share-${n}" title="${n}">${icon(n)}</a>`)}</span>` +
    `<span class="font">字号：<button type="button" aria-label="大">${icon('font-up')}大</button><button type="button" aria-label="小">${icon('font-down')}小</button></span>` +
    `<a href="#print">${icon('print')}打印</a></div>\n` +
    `<figure><img src="data:," width="640" height="360" alt="会议现场"><figcaption>会议现场。记者 摄</figcaption></figure>\n` +
    `<video width="640" height="360" controls poster="data:,"><source src="data:," type="video/mp4">您的浏览器不支持视频播放。</video>`;
  const body = article.replace('</h1>', `</h1>\n${tools}`);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${title} - 东山县人民政府网</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="keywords" content="基层党建,两个维护,三会一课"><meta name="description" content="${title}">
<meta property="og:title" content="${title}"><meta property="og:type" content="article"><meta name="robots" content="index,follow">
<link rel="stylesheet" href="style.css"><link rel="icon" href="data:,"><link rel="canonical" href="/n/article.html">
${configScript(title)}
${list(times(6), (i) => statsScript(i))}
<style>.icon{vertical-align:middle}.ad-slot{min-height:60px}.tools{margin:8px 0}.hidden-menu{display:none}</style>
</head>
<body>
${sprite(random)}
<div class="topbar"><a href="#login">登录</a> <a href="#register">注册</a> <a href="#mobile">手机版</a> <a href="#en">English</a> <a href="#care">无障碍</a></div>
<header><a href="/" class="logo"><img src="data:," width="240" height="60" alt="东山县人民政府网"></a>
<form class="search" action="#search" role="search"><input type="search" name="q" placeholder="请输入关键词" aria-label="搜索"><select name="scope" aria-label="范围"><option>全站</option><option>新闻</option><option>政务公开</option></select><button type="submit">${icon('search')}搜索</button></form>
<nav><ul>
${list(SECTIONS, (s, i) => `<li><a href="#c${i}">${s}</a><ul class="hidden-menu">${list(TOPICS.slice(0, 6), (t, j) => `<li><a href="#c${i}-${j}">${s}${t}</a></li>`)}</ul></li>`)}
</ul></nav></header>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="#c18">党建</a> &gt; <a href="#c18-1">讲话</a></div>
<div class="wrap">
${body}
<section class="comments"><h2>网友评论</h2>
<form action="#comment"><textarea name="comment" rows="4" placeholder="文明上网，理性发言。两个维护、三会一课等内容请先阅读原文。" aria-label="评论"></textarea><input type="text" name="name" placeholder="昵称" aria-label="昵称"><button type="submit">${icon('comment')}发表评论</button></form>
${list(times(12), (i) => `<div class="comment"><img src="data:," width="32" height="32" alt=""><span class="user">网友${i}</span><p>认真学习，抓好落实，推动各项工作取得新成效。</p><span class="time">${i + 1}小时前</span> <button type="button">赞</button> <button type="button">回复</button></div>`)}
</section>
<aside>
${adSlot(0)}
<iframe src="${adFrame(0)}" width="300" height="80" title="广告"></iframe>
<h2>相关新闻</h2><ul>
${list(times(24), (i) => `<li><a href="#r${i}"><img src="data:," width="120" height="80" alt="" loading="lazy"><span>${headline()}</span></a> <time>04-${10 + (i % 20)}</time></li>`)}
</ul>
${adSlot(1)}
<h2>图片新闻</h2><div class="pics">${list(times(8), (i) => `<a href="#p${i}"><img src="data:," width="160" height="100" alt="图片新闻${i}"><span>${headline()}</span></a>`)}</div>
<iframe src="${adFrame(1)}" width="300" height="80" title="广告"></iframe>
<h2>排行榜</h2><ol>${list(times(10), (i) => `<li><a href="#top${i}">${headline()}</a></li>`)}</ol>
</aside>
</div>
<template id="comment-item"><div class="comment"><span class="user"></span><p>评论内容</p></div></template>
<div hidden class="login-dialog"><h3>用户登录</h3><input type="text" placeholder="用户名" aria-label="用户名"><input type="password" placeholder="密码" aria-label="密码"><button>登录</button></div>
<footer>
${list(times(6), (i) => `<div class="links"><h3>${SECTIONS[i]}</h3><ul>${list(TOPICS.slice(0, 8), (t, j) => `<li><a href="#f${i}-${j}">${SECTIONS[i]}${t}</a></li>`)}</ul></div>`)}
<p>主办：东山县人民政府办公室　承办：东山县大数据中心　网站标识码：0000000000　备案号：ICP备00000000号</p>
<p><a href="#gov"><img src="data:," width="110" height="55" alt="党政机关"></a> <a href="#err"><img src="data:," width="110" height="55" alt="政府网站找错"></a></p>
</footer>
<noscript><img src="data:," width="1" height="1" alt=""></noscript>
<script id="page-data" type="application/json">${data}</script>
${list(times(8), (i) => statsScript(10 + i))}
</body>
</html>`;
}
