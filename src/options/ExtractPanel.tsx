// Finds candidate terms in another speech with the glossary's extractor and jieba, run here in the
// extension page (WebAssembly is allowed in extension pages, never in content scripts). Ticked
// candidates become drafts the user completes one by one.
import { useEffect, useRef, useState } from 'react';
import leftOutJson from '@/data/left-out.json';
import { decodeBytes } from '@/src/glossary/import/decode';
import { extractCandidates, type Candidate, type LeftOut, type Segmenter } from '@/src/glossary/extract';
import type { Entry } from '@/src/glossary/schema';
import type { Draft } from './form';
import { useI18n } from './i18n';

let segmenter: Promise<Segmenter> | undefined;
/** jieba's web build, loaded on first use: its 4 MB dictionary is fetched only when someone extracts. */
function loadSegmenter(): Promise<Segmenter> {
  segmenter ??= import('jieba-wasm/web').then(async (jieba) => {
    await jieba.default({ module_or_path: browser.runtime.getURL('/jieba.wasm') });
    return (text: string) => jieba.cut(text, false);
  });
  segmenter.catch(() => (segmenter = undefined));
  return segmenter;
}

/** The sentence of `text` holding the first occurrence of `term`. */
function sentenceAround(text: string, term: string): string {
  const at = text.indexOf(term);
  if (at === -1) return '';
  const enders = /[。！？!?\n]/;
  let start = at;
  while (start > 0 && !enders.test(text[start - 1] ?? '')) start--;
  let end = at + term.length;
  while (end < text.length && !enders.test(text[end] ?? '')) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return text.slice(start, end).trim();
}

export function ExtractPanel({ entries, onAdd }: { entries: readonly Entry[]; onAdd(drafts: Draft[]): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const resultsRef = useRef<HTMLHeadingElement>(null);
  // The results take focus once rendered (after the commit: the update follows an await, so React
  // may commit it after the next frame, and a timer could find no heading yet).
  useEffect(() => {
    if (candidates) resultsRef.current?.focus();
  }, [candidates]);

  async function run() {
    setError('');
    setBusy(true);
    try {
      const segment = await loadSegmenter();
      const found = extractCandidates(text, { segment, entries, leftOut: leftOutJson as LeftOut[] });
      setCandidates(found);
      setPicked(new Set());
    } catch (e) {
      setError(t('extractFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  async function openFile(file: File | undefined) {
    if (!file) return;
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    if ('ok' in decoded) {
      setError(t('import.encoding'));
      return;
    }
    setError('');
    setFileName(file.name);
    setText(decoded.text);
  }

  const fresh = candidates?.filter((c) => !c.covered) ?? [];
  const known = candidates?.filter((c) => c.covered) ?? [];

  return (
    <div className="extract">
      <section className="card" aria-labelledby="extract-heading">
        <h2 id="extract-heading">{t('extractTitle')}</h2>
        <p className="hint">{t('extractHint')}</p>
        <div className="field">
          <label htmlFor="speech">{t('speechText')}</label>
          <textarea id="speech" rows={10} lang="zh-CN" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="actions">
          <label className="button file-button">
            {t('openTxt')}
            <input type="file" className="visually-hidden" accept=".txt,text/plain" onChange={(e) => void openFile(e.target.files?.[0])} />
          </label>
          <button type="button" className="button primary" disabled={busy || !text.trim()} onClick={() => void run()}>
            {busy ? t('segmenterLoading') : t('findCandidates')}
          </button>
        </div>
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
      </section>

      {candidates ? (
        <section className="card" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading" ref={resultsRef} tabIndex={-1}>
            {t('candidates', { n: fresh.length })}
          </h2>
          {fresh.length === 0 ? <p className="empty">{t('noCandidates')}</p> : null}
          {fresh.length ? (
            <table className="candidates">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('selectCandidate', { term: '' })}</span>
                  </th>
                  <th scope="col">{t('term')}</th>
                  <th scope="col">{t('count')}</th>
                  <th scope="col">{t('context')}</th>
                </tr>
              </thead>
              <tbody>
                {fresh.map((c) => (
                  <tr key={c.text} className={picked.has(c.text) ? 'picked' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        id={`cand-${c.text}`}
                        checked={picked.has(c.text)}
                        onChange={(e) => {
                          const next = new Set(picked);
                          if (e.target.checked) next.add(c.text);
                          else next.delete(c.text);
                          setPicked(next);
                        }}
                      />
                    </td>
                    <th scope="row">
                      <label htmlFor={`cand-${c.text}`} lang="zh-CN" className="term">
                        {c.text}
                      </label>
                      {c.leftOut !== undefined ? <span className="hint"> · {c.leftOut}</span> : null}
                    </th>
                    <td className="num">{c.count}</td>
                    <td className="context" lang="zh-CN">
                      {c.contexts[0]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {known.length ? (
            <p className="hint">
              {t('inGlossary')}: <span lang="zh-CN">{known.slice(0, 40).map((c) => c.text).join('、')}</span>
              {known.length > 40 ? ` ${t('andMore', { n: known.length - 40 })}` : ''}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={picked.size === 0}
              onClick={() =>
                onAdd(
                  fresh
                    .filter((c) => picked.has(c.text))
                    .map((c) => ({ term: c.text, source: sentenceAround(text, c.text), ...(fileName ? { section: fileName } : {}) })),
                )
              }
            >
              {t('addSelected', { n: picked.size })}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
