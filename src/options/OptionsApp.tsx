// The options page: the glossary editor, import/export, extraction from a speech, and settings.
import './options.css';
// State comes from storage and follows it (other tabs, the popup); every change is a read-modify-write
// on the latest stored value (src/glossary/storage/edits.ts), and storage errors are shown.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { canonical } from '@/src/glossary/compare';
import type { Entry } from '@/src/glossary/schema';
import {
  readEntries,
  removeEntry,
  resetToShipped,
  restoreShipped,
  saveEntry,
  setEnabled,
  shippedDifferences,
  shippedEntries,
  undoRemove,
  updateEntries,
  watchEntries,
  type Removed,
} from '@/src/glossary/storage/edits';
import { loadSettings, settingsItem, updateSettings, type Settings } from '@/src/settings/settings';
import { EntryEditor } from './EntryEditor';
import { ExtractPanel } from './ExtractPanel';
import { emptyForm, formFromDraft, formFromEntry, parseDraft, type Draft, type EntryForm } from './form';
import { GlossaryList } from './GlossaryList';
import { browserLanguage, I18nContext, translator, useI18n, type StringKey } from './i18n';
import { ImportExport } from './ImportExport';
import { EMPTY_QUERY, needsIndex, search, suggestPinyin, unindexedCount, warmIndex, type Query } from './search';
import { SettingsPanel } from './SettingsPanel';

type Tab = 'glossary' | 'import' | 'extract' | 'settings';
const TABS: Array<[Tab, StringKey]> = [
  ['glossary', 'tabGlossary'],
  ['import', 'tabImport'],
  ['extract', 'tabExtract'],
  ['settings', 'tabSettings'],
];

type Editing =
  | { kind: 'none' }
  | { kind: 'entry'; id: string; initial: EntryForm; key: number; focus: 'heading' | 'term' | false }
  | { kind: 'new'; initial: EntryForm; key: number; focus: 'heading' | 'term' | false };

interface Toast {
  message: string;
  undo?: () => Promise<unknown>;
  id: number;
}

let keys = 0;
const entryCanon = new WeakMap<Entry, string>();
const canon = (e: Entry) => {
  let c = entryCanon.get(e);
  if (c === undefined) entryCanon.set(e, (c = canonical(e)));
  return c;
};

/** Entries the index may build on a keystroke (~50 µs each, pinyin included): about 10 ms at most. */
const INDEX_ON_THE_SPOT = 200;

export function OptionsApp() {
  const lang = useMemo(() => browserLanguage(), []);
  const t = useMemo(() => translator(lang), [lang]);
  const i18n = useMemo(() => ({ lang, t }), [lang, t]);

  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<Tab>(() => tabFromHash(location.hash) ?? 'glossary');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [drafts, setDrafts] = useState<{ queue: Draft[]; total: number }>({ queue: [], total: 0 });
  const [query, setQuery] = useState<Query>(EMPTY_QUERY);
  const deferredQuery = useDeferredValue(query);
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [listFocus, setListFocus] = useState(0);
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const pendingSettingsWrites = useRef(0);
  const handledHash = useRef<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [lang, t]);

  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  // Storage is the source of truth: load once, then follow every change from any page.
  useEffect(() => {
    let live = true;
    readEntries().then((e) => live && setEntries(e), showError);
    loadSettings().then((s) => live && setSettings(s), showError);
    const stopEntries = watchEntries((e) => setEntries(e));
    const stopSettings = settingsItem.watch(() => {
      if (pendingSettingsWrites.current === 0) void loadSettings().then(setSettings);
    });
    return () => {
      live = false;
      stopEntries();
      stopSettings();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function showError(e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    setError(/quota/i.test(message) ? t('quotaError') : t('storageError', { message }));
  }

  /** Runs a storage write; a failure is shown and reported as false, never swallowed. */
  async function write<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await action();
      setError(null);
      return result;
    } catch (e) {
      showError(e);
      return undefined;
    }
  }

  function say(message: string, undo?: () => Promise<unknown>) {
    setToast({ message, undo, id: ++keys });
  }

  // ── deep links: #entry=<id> (the tooltip's edit link), #draft=<json> (the context menu), #<tab> ──
  const openFromHash = useCallback(
    (hash: string, all: Entry[]) => {
      const params = new URLSearchParams(hash.replace(/^#/, ''));
      const id = params.get('entry');
      const draftJson = params.get('draft');
      if (id !== null) {
        setTab('glossary');
        const entry = all.find((e) => e.id === id);
        if (entry) {
          setEditing({ kind: 'entry', id, initial: formFromEntry(entry), key: ++keys, focus: 'heading' });
          setQuery((q) => ({ ...q, text: '' }));
        } else setNotice(t('entryNotFound', { id }));
      } else if (draftJson !== null) {
        setTab('glossary');
        const draft = parseDraft(draftJson);
        if (!draft) return setNotice(t('badDraft'));
        const existing = all.find((e) => e.term === draft.term || e.variants.includes(draft.term));
        if (existing) {
          setEditing({ kind: 'entry', id: existing.id, initial: formFromEntry(existing), key: ++keys, focus: 'heading' });
          setNotice(t('alreadyInGlossary', { term: draft.term }));
        } else {
          setEditing({ kind: 'new', initial: formFromDraft(draft, suggestPinyin), key: ++keys, focus: 'term' });
        }
      } else {
        const fromHash = tabFromHash(hash);
        if (fromHash) setTab(fromHash);
      }
    },
    [t],
  );

  useEffect(() => {
    if (!entries) return;
    if (handledHash.current !== location.hash) {
      handledHash.current = location.hash;
      openFromHash(location.hash, entries);
    }
    const onHash = () => {
      handledHash.current = location.hash;
      void readEntries().then((all) => openFromHash(location.hash, all));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [entries, openFromHash]);

  // The search index is built in idle slices once the list is shown, ready for the first keystroke.
  const [indexedFor, setIndexedFor] = useState<readonly Entry[] | null>(null);
  useEffect(() => {
    if (!entries) return;
    const building = new AbortController();
    void warmIndex(entries, building.signal).then(() => !building.signal.aborted && setIndexedFor(entries));
    return () => building.abort();
  }, [entries]);
  // A search that would build much of the index at once (typing before warmIndex is done with a large
  // glossary) waits for it, showing the list as it was, rather than freezing the page; a few new
  // entries (a save, an import of some) are indexed on the spot.
  const searchable = useMemo(
    () => !entries || !needsIndex(deferredQuery) || indexedFor === entries || unindexedCount(entries) <= INDEX_ON_THE_SPOT,
    [entries, deferredQuery, indexedFor],
  );
  const lastResults = useRef<Entry[]>([]);
  const results = useMemo(
    () => (!entries ? [] : searchable ? search(entries, deferredQuery) : lastResults.current),
    [entries, deferredQuery, searchable],
  );
  useEffect(() => {
    lastResults.current = results;
  }, [results]);
  const collectionCounts = useMemo(() => {
    const national = entries?.filter((e) => e.collection === 'national').length ?? 0;
    return { all: entries?.length ?? 0, speech: (entries?.length ?? 0) - national, national };
  }, [entries]);
  const existingIds = useMemo(() => new Set(entries?.map((e) => e.id)), [entries]);
  const shippedCanon = useMemo(() => new Map(shippedEntries().map((e) => [e.id, canon(e)])), []);
  const differences = useMemo(() => (entries ? shippedDifferences(entries) : []), [entries]);
  const badgeOf = useCallback(
    (e: Entry) => {
      const shipped = shippedCanon.get(e.id);
      if (shipped === undefined) return 'mine' as const;
      return shipped === canon(e) ? undefined : ('edited' as const);
    },
    [shippedCanon],
  );

  function selectTab(next: Tab, focus = false) {
    setTab(next);
    history.replaceState(null, '', next === 'glossary' ? location.pathname : `#${next}`);
    if (focus) requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  }

  function onTabKey(event: KeyboardEvent) {
    const i = TABS.findIndex(([k]) => k === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let target: number | undefined;
    if (step) target = (i + step + TABS.length) % TABS.length;
    if (event.key === 'Home') target = 0;
    if (event.key === 'End') target = TABS.length - 1;
    const next = target === undefined ? undefined : TABS[target];
    if (next) {
      event.preventDefault();
      selectTab(next[0], true);
    }
  }

  function openEntry(id: string, focus: 'heading' | false = 'heading') {
    const entry = entries?.find((e) => e.id === id);
    if (!entry) return;
    setDrafts({ queue: [], total: 0 });
    setEditing({ kind: 'entry', id, initial: formFromEntry(entry), key: ++keys, focus });
    history.replaceState(null, '', `#entry=${encodeURIComponent(id)}`);
  }

  function newEntry() {
    setDrafts({ queue: [], total: 0 });
    setEditing({ kind: 'new', initial: emptyForm(), key: ++keys, focus: 'term' });
  }

  function startDrafts(list: Draft[]) {
    const [first, ...rest] = list;
    if (!first) return;
    setDrafts({ queue: rest, total: list.length });
    setTab('glossary');
    setEditing({ kind: 'new', initial: formFromDraft(first, suggestPinyin), key: ++keys, focus: 'term' });
  }

  function nextDraft(): boolean {
    const [next, ...rest] = drafts.queue;
    if (!next) {
      setDrafts({ queue: [], total: 0 });
      return false;
    }
    setDrafts({ queue: rest, total: drafts.total });
    setEditing({ kind: 'new', initial: formFromDraft(next, suggestPinyin), key: ++keys, focus: 'term' });
    return true;
  }

  async function save(entry: Entry, previousId: string | undefined): Promise<boolean> {
    const next = await write(() => saveEntry(entry, previousId ?? entry.id));
    if (!next) return false;
    setEntries(next);
    say(t('saved', { term: entry.term }));
    history.replaceState(null, '', `#entry=${encodeURIComponent(entry.id)}`);
    if (drafts.total > 0 && nextDraft()) return true;
    // The editor stays open (same key, no remount) on the saved entry.
    setEditing((ed) => (ed.kind === 'none' ? ed : { kind: 'entry', id: entry.id, initial: ed.initial, key: ed.key, focus: false }));
    return true;
  }

  async function remove(id: string) {
    const removed = await write(() => removeEntry(id));
    if (!removed) return;
    setEditing({ kind: 'none' });
    history.replaceState(null, '', location.pathname);
    const r: Removed = removed;
    say(t('deleted', { term: r.entry.term }), () => write(() => undoRemove(r)).then(() => openEntry(r.entry.id, false)));
  }

  async function toggle(id: string, enabled: boolean) {
    // Shown at once; storage then confirms (or the stored state comes back with the error).
    setEntries((all) => all && all.map((e) => (e.id === id ? { ...e, enabled } : e)));
    const next = await write(() => setEnabled(id, enabled));
    setEntries(next ?? (await readEntries()));
  }

  async function restore(id: string) {
    const next = await write(() => restoreShipped(id));
    if (!next) return;
    setEntries(next);
    const entry = next.find((e) => e.id === id);
    if (entry) {
      say(t('restored', { term: entry.term }));
      if (editing.kind === 'entry' && editing.id === id) {
        setEditing({ kind: 'entry', id, initial: formFromEntry(entry), key: ++keys, focus: 'heading' });
      }
    }
  }

  function changeSettings(change: (s: Settings) => Settings) {
    setSettings((s) => (s ? change(s) : s));
    pendingSettingsWrites.current++;
    void write(() => updateSettings(change)).finally(() => {
      pendingSettingsWrites.current--;
      if (pendingSettingsWrites.current === 0) void loadSettings().then(setSettings);
    });
  }

  const stored = editing.kind === 'entry' ? entries?.find((e) => e.id === editing.id) : undefined;
  const selectedId = editing.kind === 'entry' ? editing.id : undefined;
  const language = settings?.language ?? 'both';

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="top">
          <h1>
            <span className="logo" aria-hidden="true">
              提
            </span>
            {t('appTitle')}
          </h1>
          <div role="tablist" aria-label={t('appTitle')} className="tabs" onKeyDown={onTabKey}>
            {TABS.map(([key, label]) => (
              <button
                key={key}
                id={`tab-${key}`}
                role="tab"
                type="button"
                aria-selected={tab === key}
                aria-controls={`panel-${key}`}
                tabIndex={tab === key ? 0 : -1}
                onClick={() => selectTab(key)}
              >
                {t(label)}
              </button>
            ))}
          </div>
        </header>

        {error ? (
          <div className="banner error" role="alert" data-testid="storage-error">
            <span>{error}</span>
            <button type="button" className="button subtle small" onClick={() => setError(null)}>
              {t('dismiss')}
            </button>
          </div>
        ) : null}
        {notice ? (
          <div className="banner" role="status">
            <span>{notice}</span>
            <button type="button" className="button subtle small" onClick={() => setNotice(null)}>
              {t('dismiss')}
            </button>
          </div>
        ) : null}

        <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className={`panel panel-${tab}`}>
          {!entries || !settings ? (
            <p className="empty">{t('loading')}</p>
          ) : tab === 'glossary' ? (
            <div className="workspace">
              <GlossaryList
                entries={results}
                total={entries.length}
                query={query}
                onQuery={setQuery}
                selectedId={selectedId}
                onOpen={(id) => openEntry(id)}
                onToggle={(id, on) => void toggle(id, on)}
                onNew={newEntry}
                badgeOf={badgeOf}
                focusRequest={listFocus}
                settled={query === deferredQuery && searchable}
                collectionCounts={collectionCounts}
                nationalOn={settings.collections?.national !== false}
                onNationalSwitch={(on) => changeSettings((s) => ({ ...s, collections: { ...s.collections, national: on } }))}
              />
              {editing.kind === 'none' ? (
                <section className="editor-pane empty-pane" aria-label={t('newTitle')}>
                  <p className="empty">{t('editorEmpty')}</p>
                </section>
              ) : (
                <EntryEditor
                  key={editing.key}
                  stored={stored}
                  initial={editing.initial}
                  originalId={editing.kind === 'entry' ? editing.id : undefined}
                  existingIds={existingIds}
                  language={language}
                  dark={dark}
                  canRestoreShipped={editing.kind === 'entry' && differences.some((d) => d.entry.id === editing.id)}
                  draftPosition={drafts.total > 0 ? { n: drafts.total - drafts.queue.length, total: drafts.total } : undefined}
                  autoFocus={editing.focus}
                  onSave={save}
                  onDelete={editing.kind === 'entry' && stored ? () => void remove(editing.id) : undefined}
                  onRestoreShipped={editing.kind === 'entry' ? () => void restore(editing.id) : undefined}
                  onSkipDraft={drafts.total > 0 ? () => (nextDraft() ? undefined : setEditing({ kind: 'none' })) : undefined}
                  onCancel={() => {
                    setEditing({ kind: 'none' });
                    setDrafts({ queue: [], total: 0 });
                    setListFocus((n) => n + 1);
                  }}
                />
              )}
            </div>
          ) : tab === 'import' ? (
            <ImportExport
              entries={entries}
              differences={differences}
              onApply={async (apply) => {
                const next = await write(() => updateEntries(apply));
                if (next) setEntries(next);
                return next !== undefined;
              }}
              onRestore={(id) => void restore(id)}
              onReset={async () => {
                const next = await write(() => resetToShipped());
                if (next) {
                  setEntries(next);
                  setEditing({ kind: 'none' });
                }
                return next !== undefined;
              }}
            />
          ) : tab === 'extract' ? (
            <ExtractPanel entries={entries} onAdd={startDrafts} />
          ) : (
            <SettingsPanel settings={settings} onChange={changeSettings} />
          )}
        </main>

        {toast ? <ToastView key={toast.id} toast={toast} onClose={() => setToast(null)} /> : null}
      </div>
    </I18nContext.Provider>
  );
}

function tabFromHash(hash: string): Tab | undefined {
  const name = hash.replace(/^#/, '');
  return TABS.some(([k]) => k === name) ? (name as Tab) : undefined;
}

/** A short message at the bottom; with an undo action it takes focus so keyboard users can undo. */
function ToastView({ toast, onClose }: { toast: Toast; onClose(): void }) {
  const { t } = useI18n();
  const undoRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (toast.undo) undoRef.current?.focus();
    const timer = setInterval(() => {
      // Stays while the user is on it.
      if (!boxRef.current?.matches(':hover, :focus-within')) close.current();
    }, toast.undo ? 10_000 : 4_000);
    return () => clearInterval(timer);
  }, [toast]);
  return (
    <div className="toast" ref={boxRef} role="status" data-testid="toast">
      <span>{toast.message}</span>
      {toast.undo ? (
        <button
          ref={undoRef}
          type="button"
          className="button small"
          onClick={() => {
            void toast.undo?.();
            onClose();
          }}
        >
          {t('undo')}
        </button>
      ) : null}
      <button type="button" className="button subtle small icon" aria-label={t('dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
