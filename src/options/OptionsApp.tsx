// The options page: the glossary editor, import/export, extraction from a speech, and settings.
import './options.css';
// State comes from storage and follows it (other tabs, the popup: ./use-stored-state.ts); every change
// is a read-modify-write on the latest stored value (src/glossary/storage/edits.ts), and storage
// errors are shown. The address links into the page (./deep-links.ts); the editor pane's state is
// ./use-editing.ts, the list's search ./use-glossary-search.ts, the toast ./Toast.tsx.
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { canonical } from '@/src/glossary/compare';
import type { Entry } from '@/src/glossary/schema';
import { optionsEntryHash } from '@/src/messages';
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
  type Removed,
} from '@/src/glossary/storage/edits';
import { TABS, tabFromHash, useDeepLinks, type DeepLink, type Tab } from './deep-links';
import { EntryEditor } from './EntryEditor';
import { ExtractPanel } from './ExtractPanel';
import { GlossaryList } from './GlossaryList';
import { browserLanguage, I18nContext, translator } from './i18n';
import { ImportExport } from './ImportExport';
import { ImportProgressView } from './ImportProgress';
import { EMPTY_QUERY, type Query } from './search';
import { SettingsPanel } from './SettingsPanel';
import { ToastRegion, ToastView, useToast } from './Toast';
import { useEditing } from './use-editing';
import { useGlossarySearch } from './use-glossary-search';
import { useImport } from './use-import';
import { useStorageErrors, useStoredState } from './use-stored-state';
import { useDocumentLanguage } from '@/src/ui/use-document-language';

const entryCanon = new WeakMap<Entry, string>();
const canon = (e: Entry) => {
  let c = entryCanon.get(e);
  if (c === undefined) entryCanon.set(e, (c = canonical(e)));
  return c;
};

/** Follows the colour scheme the system asks for (the tooltip preview draws in it). */
function useDarkScheme(): boolean {
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return dark;
}

export function OptionsApp() {
  const lang = useMemo(() => browserLanguage(), []);
  const t = useMemo(() => translator(lang), [lang]);
  const i18n = useMemo(() => ({ lang, t }), [lang, t]);

  const [tab, setTab] = useState<Tab>(() => tabFromHash(location.hash) ?? 'glossary');
  const editor = useEditing();
  const { editing } = editor;
  const [query, setQuery] = useState<Query>(EMPTY_QUERY);
  const deferredQuery = useDeferredValue(query);
  const { toast, say, close: closeToast } = useToast();
  const { error, dismissError, showError, write } = useStorageErrors(t);
  const [notice, setNotice] = useState<string | null>(null);
  const [listFocus, setListFocus] = useState(0);

  useDocumentLanguage(lang, t('appTitle'));

  const dark = useDarkScheme();
  const { entries, setEntries, settings, changeSettings } = useStoredState(showError, write);
  const importJob = useImport(entries, write, setEntries, t);
  // While an import runs, nothing else writes the glossary or exports it: the buttons that would
  // are disabled (and these handlers refuse, for the keyboard paths).
  const busy = importJob.progress !== null;

  const replaceAddress = useDeepLinks(entries, (link: DeepLink) => {
    if (link.kind === 'tab') return setTab(link.tab);
    setTab('glossary');
    if (link.kind === 'entry') {
      editor.editEntry(link.entry, 'heading');
      setQuery((q) => ({ ...q, text: '' }));
    } else if (link.kind === 'missing-entry') setNotice(t('entryNotFound', { id: link.id }));
    else if (link.kind === 'bad-draft') setNotice(t('badDraft'));
    else if (link.kind === 'draft-exists') {
      editor.editEntry(link.entry, 'heading');
      setNotice(t('alreadyInGlossary', { term: link.term }));
    } else editor.editDraft(link.draft);
  });

  const { results, searchable } = useGlossarySearch(entries, deferredQuery);
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
    replaceAddress(next === 'glossary' ? location.pathname : `#${next}`);
    // Every tab's button is always in the page, so the focus moves with the key press itself, as
    // the ARIA tabs pattern has it (a focus deferred to the next frame left a key press, or a
    // check, that came first on the old tab).
    if (focus) document.getElementById(`tab-${next}`)?.focus();
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
    editor.openEntry(entry, focus);
    replaceAddress(optionsEntryHash(id));
  }

  async function save(entry: Entry, previousId: string | undefined): Promise<boolean> {
    if (busy) return false;
    const next = await write(() => saveEntry(entry, previousId ?? entry.id));
    if (!next) return false;
    setEntries(next);
    say(t('saved', { term: entry.term }));
    replaceAddress(optionsEntryHash(entry.id));
    if (editor.draftPosition && editor.nextDraft()) return true;
    editor.stayOn(entry.id);
    return true;
  }

  async function remove(id: string) {
    if (busy) return;
    const removed = await write(() => removeEntry(id));
    if (!removed) return;
    editor.close();
    replaceAddress(location.pathname);
    const r: Removed = removed;
    say(t('deleted', { term: r.entry.term }), () => write(() => undoRemove(r)).then(() => openEntry(r.entry.id, false)));
  }

  async function toggle(id: string, enabled: boolean) {
    if (busy) return;
    // Shown at once; storage then confirms (or the stored state comes back with the error).
    setEntries((all) => all && all.map((e) => (e.id === id ? { ...e, enabled } : e)));
    const next = await write(() => setEnabled(id, enabled));
    setEntries(next ?? (await readEntries()));
  }

  async function restore(id: string) {
    if (busy) return;
    const next = await write(() => restoreShipped(id));
    if (!next) return;
    setEntries(next);
    const entry = next.find((e) => e.id === id);
    if (entry) {
      say(t('restored', { term: entry.term }));
      if (editing.kind === 'entry' && editing.id === id) editor.editEntry(entry, 'heading');
    }
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
            <button type="button" className="button subtle small" onClick={dismissError}>
              {t('dismiss')}
            </button>
          </div>
        ) : null}
        <ImportProgressView progress={importJob.progress} onCancel={importJob.cancel} />
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
                onNew={editor.openBlank}
                readOnly={busy}
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
                  draftPosition={editor.draftPosition}
                  autoFocus={editing.focus}
                  busy={busy}
                  onSave={save}
                  onDelete={editing.kind === 'entry' && stored ? () => void remove(editing.id) : undefined}
                  onRestoreShipped={editing.kind === 'entry' ? () => void restore(editing.id) : undefined}
                  onSkipDraft={editor.draftPosition ? () => (editor.nextDraft() ? undefined : editor.close()) : undefined}
                  onCancel={() => {
                    editor.cancel();
                    replaceAddress(location.pathname);
                    setListFocus((n) => n + 1);
                  }}
                />
              )}
            </div>
          ) : tab === 'import' ? (
            <ImportExport
              entries={entries}
              differences={differences}
              job={importJob}
              onRestore={(id) => void restore(id)}
              onReset={async () => {
                if (busy) return false;
                const next = await write(() => resetToShipped());
                if (next) {
                  setEntries(next);
                  editor.close();
                }
                return next !== undefined;
              }}
            />
          ) : tab === 'extract' ? (
            <ExtractPanel entries={entries} onAdd={(list) => editor.startDrafts(list) && setTab('glossary')} />
          ) : (
            <SettingsPanel settings={settings} onChange={changeSettings} />
          )}
        </main>

        <ToastRegion>
          {toast ? (
            <ToastView
              key={toast.id}
              toast={toast}
              busy={busy}
              onClose={closeToast}
              onFocusLost={tab === 'glossary' ? () => setListFocus((n) => n + 1) : undefined}
            />
          ) : null}
        </ToastRegion>
      </div>
    </I18nContext.Provider>
  );
}
