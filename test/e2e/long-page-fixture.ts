// The long page of the lazy-reading tests (test/e2e/long-page.e2e.ts and the Firefox journeys),
// written next to the fixtures (git ignores it): 80 paragraphs of about 1,000 characters, 80,000 in
// all, so the top frame pauses after about 20 of them (src/page/scanner.ts, AHEAD_CHARS).
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from './server';

/** Prose with no term of the test glossary (highlight-support.ts) in it. */
const FILLER = '今天上午，市里召开会议，研究部署下一阶段的重点工作，与会同志结合各自分工作了发言。';

/** 两个维护 and 四个意识 in the first paragraph, 十四五 in the 40th, 回头看 in the last. */
function longPage(): string {
  const paragraphs = Array.from({ length: 80 }, (_, i) => {
    const lead = i === 0 ? '坚决做到两个维护，增强四个意识。' : i === 39 ? '编制十四五规划。' : i === 79 ? '开展回头看。' : '';
    return `<p id="p${i}">${lead}${FILLER.repeat(Math.ceil(1000 / FILLER.length)).slice(0, 1000 - lead.length)}</p>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>长页面</title></head><body>${paragraphs.join('\n')}</body></html>`;
}

/** Writes the long page and returns its path on the fixture server. */
export function writeLongPage(): string {
  fs.writeFileSync(path.join(FIXTURES_DIR, 'pages', 'long.generated.html'), longPage());
  return 'pages/long.generated.html';
}
