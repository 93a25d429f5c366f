// The glossary as a searchable, virtualised list. Keyboard: one tab stop for the list (roving
// tabindex); arrows, Page Up/Down, Home/End move; Enter opens; Space switches an entry on or off.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CATEGORIES, type Entry } from '@/src/glossary/schema';
import { categoryLabel, useI18n } from './i18n';
import type { Query } from './search';
import { isCategory } from './form';

const ROW_HEIGHT = 60;

export interface ListProps {
  entries: readonly Entry[];
  total: number;
  query: Query;
  onQuery(query: Query): void;
  selectedId: string | undefined;
  onOpen(id: string): void;
  onToggle(id: string, enabled: boolean): void;
  /** An import is running: entries cannot be switched on or off meanwhile. */
  readOnly: boolean;
  onNew(): void;
  /** 'edited' for shipped entries the user changed, 'mine' for entries the user added. */
  badgeOf(entry: Entry): 'edited' | 'mine' | undefined;
  /** Set by the parent to move keyboard focus back into the list. */
  focusRequest: number;
  /** False while `entries` still answer an older query (the search is deferred while typing). */
  settled: boolean;
  /** How many entries each collection filter holds (of the whole glossary). */
  collectionCounts: Record<Query['collection'], number>;
  /** Whether the national collection is switched on for pages, and how to switch it. */
  nationalOn: boolean;
  onNationalSwitch(on: boolean): void;
}

const COLLECTION_FILTERS = [
  ['all', 'collectionAll'],
  ['speech', 'collectionSpeech'],
  ['national', 'collectionNational'],
] as const;

export function GlossaryList(props: ListProps) {
  const { entries, query, onQuery, selectedId, onOpen, onToggle, badgeOf } = props;
  const { t, lang } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | undefined>(undefined);
  // Arrow Down pressed in the search box before the results caught up with the typing: the first
  // row of the *new* results gets focus once they arrive, not a row of the stale list.
  const firstRowWanted = useRef(false);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Keep the active row within the list as it shrinks (search) and on the selected entry when it changes.
  useEffect(() => {
    const at = selectedId ? entries.findIndex((e) => e.id === selectedId) : -1;
    if (at !== -1) setActive(at);
    else setActive((a) => Math.min(a, Math.max(0, entries.length - 1)));
  }, [entries, selectedId]);

  useEffect(() => {
    const at = selectedId ? entries.findIndex((e) => e.id === selectedId) : -1;
    if (at !== -1) virtualizer.scrollToIndex(at, { align: 'auto' });
    // Only when the selection changes: scrolling on every list change would fight the user's scrolling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  // After every render on purpose: the row to focus exists only once the virtualizer has rendered it,
  // and focusIndex is cleared as soon as it is focused, so this settles after one more render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (focusIndex === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] .row-main`);
    if (row) {
      row.focus();
      setFocusIndex(undefined);
    }
  });

  useEffect(() => {
    if (props.settled && firstRowWanted.current) {
      firstRowWanted.current = false;
      moveTo(0);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.settled, entries]);

  useEffect(() => {
    if (props.focusRequest > 0) moveTo(active);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusRequest]);

  function moveTo(index: number) {
    if (entries.length === 0) return;
    const i = Math.max(0, Math.min(entries.length - 1, index));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    setFocusIndex(i);
  }

  function onRowKey(event: KeyboardEvent, index: number, entry: Entry) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: entries.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === ' ' && event.target === event.currentTarget) {
      event.preventDefault();
      if (!props.readOnly) onToggle(entry.id, !entry.enabled);
    }
  }

  const countId = 'list-count';
  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <h2 id="list-heading" className="visually-hidden">
        {t('listLabel')}
      </h2>
      <div className="list-tools">
        <div className="search-row">
          <label className="visually-hidden" htmlFor="search">
            {t('search')}
          </label>
          <input
            id="search"
            type="search"
            className="search"
            placeholder={t('searchPlaceholder')}
            value={query.text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={countId}
            onChange={(e) => onQuery({ ...query, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                if (props.settled) moveTo(0);
                else firstRowWanted.current = true;
              }
            }}
          />
          <button type="button" className="button primary" onClick={props.onNew}>
            <span aria-hidden="true">＋ </span>
            {t('newEntry')}
          </button>
        </div>
        <div className="filters">
          <label>
            <span className="visually-hidden">{t('category')}</span>
            <select
              value={query.category}
              onChange={(e) => onQuery({ ...query, category: isCategory(e.target.value) ? e.target.value : 'all' })}
            >
              <option value="all">{t('allCategories')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('status')}</span>
            <select value={query.enabled} onChange={(e) => onQuery({ ...query, enabled: e.target.value as Query['enabled'] })}>
              <option value="all">{t('statusAll')}</option>
              <option value="enabled">{t('statusEnabled')}</option>
              <option value="disabled">{t('statusDisabled')}</option>
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('sort')}</span>
            <select value={query.sort} onChange={(e) => onQuery({ ...query, sort: e.target.value as Query['sort'] })}>
              <option value="glossary">{t('sortGlossary')}</option>
              <option value="pinyin">{t('sortPinyin')}</option>
              <option value="category">{t('sortCategory')}</option>
            </select>
          </label>
        </div>
        <div className="collections" role="radiogroup" aria-label={t('collections')}>
          {COLLECTION_FILTERS.map(([value, label]) => (
            <label key={value} className={`collection-choice${query.collection === value ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="collection"
                value={value}
                checked={query.collection === value}
                onChange={() => onQuery({ ...query, collection: value })}
              />
              {t(label, { n: props.collectionCounts[value] })}
            </label>
          ))}
        </div>
        {query.collection === 'national' ? (
          <div className="collection-about" data-testid="collection-about">
            <label className="check">
              <input type="checkbox" name="national-on" checked={props.nationalOn} onChange={(e) => props.onNationalSwitch(e.target.checked)} />
              {t('collectionSwitch')}
            </label>
            <p className="hint">{t('collectionAbout')}</p>
          </div>
        ) : null}
        <p id={countId} className="count" aria-live="polite">
          {t('entriesCount', { shown: entries.length, total: props.total })}
        </p>
      </div>

      <div ref={scrollRef} className="list-scroll" data-testid="entry-list">
        {entries.length === 0 ? (
          <p className="empty">{t('noResults')}</p>
        ) : (
          <ul className="rows" aria-label={t('listLabel')} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = entries[item.index];
              if (!entry) return null;
              const badge = badgeOf(entry);
              const isActive = item.index === active;
              return (
                <li
                  key={entry.id}
                  data-index={item.index}
                  data-entry-id={entry.id}
                  aria-setsize={entries.length}
                  aria-posinset={item.index + 1}
                  className={`row${entry.id === selectedId ? ' selected' : ''}${entry.enabled ? '' : ' off'}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <button
                    type="button"
                    className="row-main"
                    tabIndex={isActive ? 0 : -1}
                    aria-current={entry.id === selectedId ? 'true' : undefined}
                    aria-keyshortcuts="Space"
                    title={t('listHint')}
                    onFocus={() => setActive(item.index)}
                    onClick={() => onOpen(entry.id)}
                    onKeyDown={(e) => onRowKey(e, item.index, entry)}
                  >
                    <span className="row-line">
                      <span className="row-term" lang="zh-CN">
                        {entry.term}
                      </span>
                      <span className="row-pinyin">{entry.pinyin}</span>
                      {badge ? <span className={`badge badge-${badge}`}>{t(badge === 'edited' ? 'editedBadge' : 'mineBadge')}</span> : null}
                      {!entry.enabled ? <span className="badge badge-off">{t('disabledBadge')}</span> : null}
                      {entry.collection === 'national' ? <span className="badge badge-national">{t('nationalBadge')}</span> : null}
                    </span>
                    <span className="row-line row-sub">
                      <span className={`dot cat-${entry.category}`} aria-hidden="true" />
                      <span className="row-cat">{categoryLabel(entry.category, lang)}</span>
                      <span className="row-english" lang="en">
                        {entry.english[0]}
                      </span>
                    </span>
                  </button>
                  <label className="switch" title={t('enabledToggle', { term: entry.term })}>
                    <input
                      type="checkbox"
                      role="switch"
                      tabIndex={isActive ? 0 : -1}
                      checked={entry.enabled}
                      disabled={props.readOnly}
                      aria-label={t('enabledToggle', { term: entry.term })}
                      onChange={(e) => onToggle(entry.id, e.target.checked)}
                    />
                    <span className="switch-track" aria-hidden="true" />
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
