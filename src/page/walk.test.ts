import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { WRAPPER_TAG } from './types';
import { blockOf, forEachTextNode, insideSkipped, RunWalker, type TextRun } from './walk';

function runsOf(html: string): TextRun[] {
  const { document } = parseHTML(`<!doctype html><html><head><title>标题两个维护</title></head><body>${html}</body></html>`);
  const walker = new RunWalker(document as unknown as Document);
  const runs: TextRun[] = [];
  for (let run = walker.next(); run; run = walker.next()) runs.push(run);
  return runs;
}
const texts = (html: string): string[] => runsOf(html).map((r) => r.text);

describe('RunWalker', () => {
  test('joins the text of a block across inline elements, with offsets back to each node', () => {
    const [run] = runsOf('<p>做到<b>两个</b>维护，<a href="#">三会</a>一课</p>');
    expect(run?.text).toBe('做到两个维护，三会一课');
    expect(run?.nodes.map((n) => n.data)).toEqual(['做到', '两个', '维护，', '三会', '一课']);
    expect(run?.starts).toEqual([0, 2, 4, 7, 9]);
  });

  test('joins text across <wbr> and comments, which break no word', () => {
    expect(texts('<p>关于新形势下党内政治<wbr>生活的若干准则，两个<!-- 注释 -->维护</p>')).toEqual(['关于新形势下党内政治生活的若干准则，两个维护']);
  });

  test('ends a run at every block boundary, <br> and <img> included', () => {
    expect(texts('<div>前言<p>两个</p>维护</div><p>甲<br>乙<img src="x.png">丙</p>')).toEqual(['前言', '两个', '维护', '甲', '乙', '丙']);
    expect(texts('<ul><li>两个</li><li>维护</li></ul>')).toEqual(['两个', '维护']);
  });

  test('skips scripts, styles, form fields, editable and hidden parts', () => {
    const html =
      '<p>正文</p><script>var a = "两个维护"</script><style>p{}</style><noscript>无脚本</noscript>' +
      '<textarea>文本框</textarea><input value="输入"><select><option>选项</option></select>' +
      '<div contenteditable="true"><p>可编辑</p></div><div contenteditable="plaintext-only">纯文本编辑</div>' +
      '<div role="textbox">自定义输入</div><div hidden>隐藏</div><button>按钮</button>' +
      '<div contenteditable="false">不可编辑</div><p>结尾</p>';
    expect(texts(html)).toEqual(['正文', '不可编辑', '结尾']);
  });

  test('never reads Tifa\'s own UI: the tooltip lives in a closed shadow root on an element without children', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>正文</p></body></html>');
    const host = document.createElement('ab-cd');
    host.attachShadow({ mode: 'closed' }).append('两个维护');
    document.documentElement.append(host);
    const walker = new RunWalker(document as unknown as Document);
    expect(walker.next()?.text).toBe('正文');
    expect(walker.next()).toBeNull();
  });

  test('text in the wrapping painter\'s elements is still page text', () => {
    expect(texts(`<p>做到两<${WRAPPER_TAG} class="q">个维</${WRAPPER_TAG}>护</p>`)).toEqual(['做到两个维护']);
  });

  test('never reads the head', () => {
    expect(texts('<p>正文</p>')).toEqual(['正文']);
  });

  test('pauses between runs and resumes where it stopped', () => {
    const { document } = parseHTML('<html><body><p>一</p><p>二</p><p>三</p></body></html>');
    const walker = new RunWalker(document.body as unknown as Element);
    expect(walker.next()?.text).toBe('一');
    expect(walker.lost).toBe(false);
    expect(walker.next()?.text).toBe('二');
    expect(walker.next()?.text).toBe('三');
    expect(walker.next()).toBeNull();
    expect(walker.next()).toBeNull();
  });

  test('a skipped root yields nothing', () => {
    const { document } = parseHTML('<html><body><div contenteditable>两个维护</div></body></html>');
    expect(new RunWalker(document.querySelector('div') as unknown as Element).next()).toBeNull();
  });

  test('knows when the node it paused on was removed', () => {
    const { document } = parseHTML('<html><body><div><p>一</p><p>二</p></div></body></html>');
    const walker = new RunWalker(document as unknown as Document);
    walker.next();
    document.querySelectorAll('p')[1]?.remove();
    expect(walker.lost).toBe(true);
  });
});

describe('helpers', () => {
  test('blockOf climbs inline elements to the enclosing block', () => {
    const { document } = parseHTML('<html><body><p id="p"><b><i id="i">两个</i></b></p></body></html>');
    const i = document.getElementById('i') as unknown as Element;
    expect((blockOf(i.firstChild as Node) as Element).id).toBe('p');
  });

  test('insideSkipped looks through ancestors', () => {
    const { document } = parseHTML('<html><body><div contenteditable><p><b id="b">x</b></p></div><p id="ok">y</p></body></html>');
    expect(insideSkipped(document.getElementById('b') as unknown as Node)).toBe(true);
    expect(insideSkipped(document.getElementById('ok') as unknown as Node)).toBe(false);
  });

  test('forEachTextNode visits every text node, skipped parts included', () => {
    const { document } = parseHTML('<html><body><p>一<b>二</b></p><textarea>三</textarea></body></html>');
    const seen: string[] = [];
    forEachTextNode(document.body as unknown as Node, (t) => seen.push(t.data));
    expect(seen).toEqual(['一', '二', '三']);
  });
});
