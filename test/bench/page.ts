// The benchmark page, shared by `npm run bench` (run.ts) and the profiler (profile.ts).
import { generateNewsText } from './generate';

/** About 1 MB of generated Chinese news as an article page: paragraphs, headings, links inside sentences. */
export function newsPage(): { html: string; paragraphs: number } {
  const paragraphs = generateNewsText(1_000_000, 1).split('\n').filter((p) => p.length > 0);
  const body = paragraphs
    .map((p, i) => {
      const heading = i % 40 === 0 ? `<h2>第${i / 40 + 1}部分</h2>\n` : '';
      // Every fifth paragraph starts with a link, as news pages link names and earlier stories.
      const text = i % 5 === 0 && p.length > 12 ? `<a href="#p${i}">${p.slice(0, 6)}</a>${p.slice(6)}` : p;
      return `${heading}<p>${text}</p>`;
    })
    .join('\n');
  // A Chinese title, as a real long Chinese page has: Tifa's early style script (src/page/early-style.ts)
  // adopts its sheet on such pages only (until 2026-12-06 this page's title was `bench`, and its
  // figures took the other path).
  return {
    html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>全年要闻汇编 - 江城日报</title></head><body><article>${body}</article></body></html>`,
    paragraphs: paragraphs.length,
  };
}
