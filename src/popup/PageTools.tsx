// The popup's two tools for the page in the tab, each run only when the reader asks:
// - the brief of the page (src/brief/brief.ts): every term on it with its English, meaning, count,
//   first sentence and sources, to copy as Markdown or download as Markdown or CSV;
// - "Not in your glossary" (src/brief/radar.ts): formulations on the page the glossary lacks, each
//   one click from a draft entry in the options page, or dismissed for this site.
// Both read the page through scripting.executeScript (src/brief/page-excerpts.ts), so the content
// script carries none of it; the extraction runs in the background, never on the page's thread.
import { useId, useState } from 'react';
import { briefCsv, briefFileName, briefMarkdown, buildBrief, type Brief, type BriefLanguage } from '@/src/brief/brief';
import { pageExcerpts, type PageExcerpts } from '@/src/brief/page-excerpts';
import type { NewFormulation } from '@/src/brief/radar';
import { draftUrl } from '@/src/glossary/draft';
import { normaliseForm } from '@/src/glossary/extract';
import type { Entry } from '@/src/glossary/schema';
import { askPage, CONTENT_HANDLE, MAX_PAGE_TEXT, sendRequest } from '@/src/messages';
import { dismissFormulation, readDismissed } from '@/src/settings/dismissed-formulations';
import { MAX_SENTENCE } from '@/src/page/selection-context';
import type { Lang } from './strings';

const WORDS = {
  zh: {
    brief: '本页提法简报',
    make: '生成',
    briefHint: '按出现顺序列出本页所有提法：拼音、英文、含义、次数、首次出现的句子和依据。',
    briefSummary: (terms: number, total: number) => `${terms} 个提法，共 ${total} 处`,
    copy: '复制 Markdown',
    copied: '已复制到剪贴板。',
    downloadMd: '下载 .md',
    downloadCsv: '下载 .csv',
    radar: '词库里没有的提法',
    radarHint: '在本页找出像提法、但词库里还没有的说法。',
    find: '查找',
    working: '正在读取页面…',
    none: '本页没有找到词库以外的提法。',
    add: '添加…',
    addHint: (t: string) => `在设置页中把“${t}”添加到词库`,
    dismiss: '忽略',
    dismissHint: (t: string) => `在本网站不再列出“${t}”`,
    failed: '无法读取这个页面。',
    times: (n: number) => `×${n}`,
  },
  en: {
    brief: 'Brief of this page',
    make: 'Make',
    briefHint: "Every term on this page in order: pinyin, English, meaning, count, the sentence it first occurs in, and sources.",
    briefSummary: (terms: number, total: number) => `${terms} terms, ${total} occurrences`,
    copy: 'Copy Markdown',
    copied: 'Copied to the clipboard.',
    downloadMd: 'Download .md',
    downloadCsv: 'Download .csv',
    radar: 'Not in your glossary',
    radarHint: 'Formulations on this page that your glossary does not have yet.',
    find: 'Find',
    working: 'Reading the page…',
    none: 'No formulations beyond your glossary found on this page.',
    add: 'Add…',
    addHint: (t: string) => `Add “${t}” to the glossary in the options page`,
    dismiss: 'Dismiss',
    dismissHint: (t: string) => `Stop listing “${t}” on this site`,
    failed: 'Could not read this page.',
    times: (n: number) => `×${n}`,
  },
};

/** Runs pageExcerpts in the tab's top frame (it reaches same-origin frames itself). */
async function readPage(tabId: number, maxText: number): Promise<PageExcerpts> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: pageExcerpts, args: [maxText, MAX_SENTENCE, CONTENT_HANDLE] });
  const result = injection?.result as PageExcerpts | undefined;
  if (!result) throw new Error('no result');
  // The page knows its matches' entries by entry key (src/glossary/page-glossary.ts): named here.
  const keys = result.firsts.map((f) => f.id);
  const { names } = keys.length > 0 ? await sendRequest({ type: 'tifa:name-entries', keys }) : { names: [] };
  const firsts = result.firsts.flatMap((first, i) => {
    const id = names[i]?.id;
    return id === undefined ? [] : [{ ...first, id }];
  });
  return { ...result, firsts };
}

/** The entries with `ids`, asked of the background in slices its message check accepts. */
async function entriesOf(ids: readonly string[]): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  for (let i = 0; i < ids.length; i += 1000) {
    const { entries } = await sendRequest({ type: 'tifa:get-entries', ids: ids.slice(i, i + 1000) });
    for (const e of entries) found.set(e.id, e);
  }
  return found;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PageTools(props: { tabId: number; host: string | undefined; lang: Lang; language: BriefLanguage }) {
  const w = WORDS[props.lang];
  const briefId = useId();
  const radarId = useId();
  const [brief, setBrief] = useState<Brief | 'working' | 'failed' | undefined>(undefined);
  const [found, setFound] = useState<{ page: string; list: NewFormulation[] } | 'working' | 'failed' | undefined>(undefined);
  const [status, setStatus] = useState('');
  // Counts finished searches: lets a reader's assistive tech (and tests) tell a new answer from the last.
  const [searches, setSearches] = useState(0);

  async function makeBrief() {
    setBrief('working');
    try {
      const [report, page] = await Promise.all([askPage(props.tabId, { type: 'tifa:page-report' }), readPage(props.tabId, 0)]);
      const entries = await entriesOf(report.terms.map((t) => t.id));
      setBrief(buildBrief(report, page, entries, new Date()));
    } catch {
      setBrief('failed');
    }
  }

  async function findNew() {
    setFound('working');
    try {
      const [page, dismissed] = await Promise.all([readPage(props.tabId, MAX_PAGE_TEXT), props.host ? readDismissed(props.host) : []]);
      const answer = await sendRequest({ type: 'tifa:new-formulations', text: page.text, dismissed });
      // A failed search rejects (the error channel of src/messages.ts): 'failed' below.
      setFound({ page: page.url, list: answer.found });
    } catch {
      setFound('failed');
    }
    setSearches((n) => n + 1);
  }

  async function dismiss(text: string) {
    if (props.host) await dismissFormulation(props.host, normaliseForm(text));
    setFound((f) => (f && typeof f === 'object' ? { ...f, list: f.list.filter((x) => x.text !== text) } : f));
  }

  function add(item: NewFormulation, page: string) {
    const url = draftUrl(browser.runtime.getURL('/options.html'), { term: item.text, source: item.sentence, origin: page });
    void browser.tabs.create({ url });
  }

  return (
    <>
      <section className="tool" aria-labelledby={briefId} data-testid="brief">
        <div className="tool-head">
          <h2 id={briefId}>{w.brief}</h2>
          <button type="button" className="action" onClick={() => void makeBrief()} title={w.briefHint}>
            {w.make}
          </button>
        </div>
        {brief === 'working' && <p className="state">{w.working}</p>}
        {brief === 'failed' && <p className="state">{w.failed}</p>}
        {brief && typeof brief === 'object' && (
          <>
            <p className="summary">{w.briefSummary(brief.rows.length, brief.rows.reduce((n, r) => n + r.count, 0))}</p>
            <ol className="brief-rows">
              {brief.rows.map((r) => (
                <li key={r.id} data-entry-id={r.id}>
                  <span lang="zh-CN">{r.term}</span> <span className="brief-en">{r.english}</span> <span className="brief-count">{w.times(r.count)}</span>
                </li>
              ))}
            </ol>
            <div className="tool-actions">
              <button
                type="button"
                className="action"
                onClick={() =>
                  void navigator.clipboard.writeText(briefMarkdown(brief, props.language)).then(
                    () => setStatus(w.copied),
                    () => setStatus(w.failed),
                  )
                }
              >
                {w.copy}
              </button>
              <button type="button" className="action" data-kind="md" onClick={() => download(briefFileName(brief, 'md'), briefMarkdown(brief, props.language), 'text/markdown;charset=utf-8')}>
                {w.downloadMd}
              </button>
              <button type="button" className="action" data-kind="csv" onClick={() => download(briefFileName(brief, 'csv'), briefCsv(brief, props.language), 'text/csv;charset=utf-8')}>
                {w.downloadCsv}
              </button>
            </div>
          </>
        )}
      </section>

      <section className="tool" aria-labelledby={radarId} aria-busy={found === 'working'} data-testid="new-formulations" data-searches={searches}>
        <div className="tool-head">
          <h2 id={radarId}>{w.radar}</h2>
          <button type="button" className="action" onClick={() => void findNew()} title={w.radarHint}>
            {w.find}
          </button>
        </div>
        {found === 'working' && <p className="state">{w.working}</p>}
        {found === 'failed' && <p className="state">{w.failed}</p>}
        {found && typeof found === 'object' && found.list.length === 0 && <p className="state">{w.none}</p>}
        {found && typeof found === 'object' && found.list.length > 0 && (
          <ul className="found">
            {found.list.map((item) => (
              <li key={item.text} data-text={item.text}>
                <div className="found-text">
                  <span className="found-term" lang="zh-CN">
                    {item.text}
                  </span>{' '}
                  <span className="brief-count">{w.times(item.count)}</span>
                  <p className="found-sentence" lang="zh-CN">
                    {item.sentence}
                  </p>
                </div>
                <div className="found-actions">
                  <button type="button" className="action" data-action="add" title={w.addHint(item.text)} onClick={() => add(item, found.page)}>
                    {w.add}
                  </button>
                  <button type="button" className="action subtle" data-action="dismiss" title={w.dismissHint(item.text)} onClick={() => void dismiss(item.text)}>
                    {w.dismiss}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="tool-status" role="status">
        {status}
      </p>
    </>
  );
}
