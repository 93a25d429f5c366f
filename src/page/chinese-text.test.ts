import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hasChineseText, whenChineseText } from './chinese-text';

const doc = (body: string, lang = '') => parseHTML(`<!doctype html><html lang="${lang}"><head></head><body>${body}</body></html>`).document as unknown as Document;

describe('hasChineseText', () => {
  it('finds Han characters in the text of the page', () => {
    expect(hasChineseText(doc('<p>Breaking: <b>两个维护</b></p>'))).toBe(true);
    expect(hasChineseText(doc('<p>黨組</p>'))).toBe(true);
    // Text right in the body, as a small frame has it.
    expect(hasChineseText(doc('Sponsored: 两个维护'))).toBe(true);
    expect(hasChineseText(doc('Sponsored: 两个维护', 'en'))).toBe(true);
  });

  it('is false for frames without any: ads, embeds, English pages', () => {
    expect(hasChineseText(doc('<div class="ad"><a href="#">Buy now</a><img alt="ad"></div>'))).toBe(false);
    expect(hasChineseText(doc(''))).toBe(false);
    // Japanese kana and Korean hangul alone are not Chinese text.
    expect(hasChineseText(doc('<p>ひらがな 한국어</p>'))).toBe(false);
  });

  it('ignores Han characters in scripts and styles', () => {
    expect(hasChineseText(doc('<script>var s = "两个维护";</script><style>/* 注释 */</style><p>English</p>'))).toBe(false);
  });

  // The body's text is asked a child at a time (first, or past 50 text nodes on a page declared
  // Chinese): the verdict must be the walk's, wherever the Chinese text (or a script's Han characters) sits.
  const english = (paragraphs: number) => Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} of the <a href="#">story</a>.</p>`).join('');
  // A page declared Chinese is walked first, any other asked its text first: the same verdicts.
  it.each(['', 'en', 'zh-CN'])('finds Chinese text deep in a long page, and none in a long English one (lang "%s")', (lang) => {
    expect(hasChineseText(doc(`${english(400)}<p>第一书记</p>`, lang))).toBe(true);
    expect(hasChineseText(doc(`<p>Home</p><p>两个维护</p>${english(400)}`, lang))).toBe(true);
    expect(hasChineseText(doc(english(400), lang))).toBe(false);
    expect(hasChineseText(doc(`${english(400)}<script>var s = "两个维护";</script>${english(10)}`, lang))).toBe(false);
    expect(hasChineseText(doc(`<script>var s = "两个维护";</script>${english(400)}`, lang))).toBe(false);
    expect(hasChineseText(doc(`${english(400)}<textarea>三会一课</textarea>`, lang))).toBe(false);
    expect(hasChineseText(doc(`${english(400)}<!-- 注释 --><div><script>var s = "两个维护";</script></div>`, lang))).toBe(false);
  });

  it('asks an added node, element or text, as a page', () => {
    const page = doc('<p>English</p>');
    const text = page.createTextNode('第一书记');
    expect(hasChineseText(text)).toBe(true);
    expect(hasChineseText(page.createTextNode('Breaking'))).toBe(false);
    const article = page.createElement('article');
    article.innerHTML = `${english(100)}<p>三会一课</p>`;
    expect(hasChineseText(article)).toBe(true);
    article.innerHTML = `${english(100)}<style>/* 注释 */</style>`;
    expect(hasChineseText(article)).toBe(false);
  });

  it('asks an XML document, whose element has no lang', () => {
    const { DOMParser } = parseHTML('<!doctype html><html></html>');
    const xml = (source: string) => new DOMParser().parseFromString(source, 'text/xml') as unknown as Document;
    expect((xml('<feed/>').documentElement as unknown as { lang?: string }).lang).toBeUndefined();
    expect(hasChineseText(xml('<feed><entry>两个维护</entry></feed>'))).toBe(true);
    expect(hasChineseText(xml('<feed><entry>Breaking</entry></feed>'))).toBe(false);
  });

  it("counts a document's title as its text", () => {
    const titled = (title: string) =>
      parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${english(3)}</body></html>`).document as unknown as Document;
    expect(hasChineseText(titled('中共中央政治局召开会议'))).toBe(true);
    expect(hasChineseText(titled('Politburo meets'))).toBe(false);
  });
});

describe('whenChineseText', () => {
  it('calls back at once when the frame has Chinese text', () => {
    let calls = 0;
    whenChineseText(doc('<p>三会一课</p>'), () => calls++);
    expect(calls).toBe(1);
  });

  it('waits for Chinese text to arrive, then calls back once', async () => {
    const { document, window } = parseHTML('<!doctype html><html><head></head><body><p>Loading…</p></body></html>');
    globalThis.MutationObserver ??= window.MutationObserver as unknown as typeof MutationObserver;
    let calls = 0;
    whenChineseText(document as unknown as Document, () => calls++);
    expect(calls).toBe(0);
    const english = document.createElement('p');
    english.textContent = 'Still English';
    document.body.append(english);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(0);
    const chinese = document.createElement('p');
    chinese.textContent = '第一书记';
    document.body.append(chinese);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
    const more = document.createElement('p');
    more.textContent = '回头看';
    document.body.append(more);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
  });
});
