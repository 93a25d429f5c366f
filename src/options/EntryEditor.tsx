// The entry form: validated by the glossary schema, errors next to their fields, pinyin suggested
// from the term, a live preview of the tooltip.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CATEGORIES, SALIENCES, SALIENCE_LABELS, SOURCE_SUPPORTS, type Entry } from '@/src/glossary/schema';
import { canonical } from '@/src/glossary/compare';
import type { Settings } from '@/src/settings/settings';
import { categoryLabel, problemText, useI18n, type StringKey } from './i18n';
import {
  emptySource,
  entryFromForm,
  formFromEntry,
  isCategory,
  isSalience,
  rawFromForm,
  type EntryForm,
  type FieldErrors,
  type FieldKey,
  type SourceRow,
} from './form';
import { suggestPinyin } from './search';
import { TooltipPreview } from './TooltipPreview';

export interface EditorProps {
  /** The entry being edited as stored now (undefined for a new entry, or when deleted elsewhere). */
  stored: Entry | undefined;
  /** The form to start from (an entry, a draft, or empty). */
  initial: EntryForm;
  /** The id the entry had when the form opened; undefined for a new entry. */
  originalId: string | undefined;
  existingIds: ReadonlySet<string>;
  language: Settings['language'];
  dark: boolean;
  /** The shipped version differs from this entry: offer to restore it. */
  canRestoreShipped: boolean;
  draftPosition?: { n: number; total: number };
  onSave(entry: Entry, previousId: string | undefined): Promise<boolean>;
  onDelete?(): void;
  onRestoreShipped?(): void;
  onCancel(): void;
  onSkipDraft?(): void;
  /** Where focus goes when the editor opens. */
  autoFocus: 'heading' | 'term' | false;
  /** An import is running: saving, deleting and restoring wait for it. */
  busy: boolean;
}

export function EntryEditor(props: EditorProps) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<EntryForm>(props.initial);
  // The form as last loaded or saved, and the stored entry it came from: what "dirty" and
  // "changed in another tab" compare against.
  const [base, setBase] = useState<EntryForm>(props.initial);
  const [opened, setOpened] = useState(() => (props.stored ? canonical(props.stored) : undefined));
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pinyinTouched, setPinyinTouched] = useState(() => props.initial.pinyin !== '' && props.originalId !== undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const termRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const formId = useId();

  useEffect(() => {
    if (props.autoFocus === 'heading') headingRef.current?.focus();
    else if (props.autoFocus === 'term') termRef.current?.focus();
    // Only when the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const dirty = useMemo(() => canonical(rawFromForm(form)) !== canonical(rawFromForm(base)), [form, base]);
  const storedNow = props.stored ? canonical(props.stored) : undefined;
  // Another tab saved this entry: an untouched form simply follows; an edited one warns before saving.
  useEffect(() => {
    if (!props.stored || storedNow === opened || dirty) return;
    const fresh = formFromEntry(props.stored);
    setForm(fresh);
    setBase(fresh);
    setOpened(storedNow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedNow]);
  const changedElsewhere = props.originalId !== undefined && opened !== undefined && storedNow !== opened;

  const result = useMemo(() => entryFromForm(form, props.existingIds, props.originalId), [form, props.existingIds, props.originalId]);
  const errors: FieldErrors = showErrors && !result.ok ? result.errors : {};
  const errorCount = Object.keys(errors).length;
  // The preview shows the last valid state while the form is incomplete.
  const [lastValid, setLastValid] = useState<Entry | undefined>(props.stored);
  useEffect(() => {
    if (result.ok) setLastValid(result.entry);
  }, [result]);

  const set = <K extends keyof EntryForm>(key: K, value: EntryForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setSource = (i: number, patch: Partial<SourceRow>) =>
    setForm((f) => ({ ...f, sources: f.sources.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  function onTermChange(term: string) {
    setForm((f) => ({ ...f, term, pinyin: pinyinTouched ? f.pinyin : term.trim() ? suggestPinyin(term) : '' }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (props.busy) return;
    setShowErrors(true);
    if (!result.ok) {
      // Focus the first field with a problem, after the error texts render.
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`);
        (first ?? summaryRef.current)?.focus();
      });
      return;
    }
    setSaving(true);
    const ok = await props.onSave(result.entry, props.originalId);
    setSaving(false);
    if (ok) {
      setShowErrors(false);
      setBase(form);
      setOpened(canonical(result.entry));
    }
  }

  const title = props.originalId ? t('editTitle', { term: props.stored?.term ?? form.term }) : t('newTitle');

  return (
    <section className="editor-pane" aria-labelledby="editor-heading">
      <form
        id={formId}
        className="editor"
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
          if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit(e);
          }
        }}
      >
        <header className="editor-head">
          <h2 id="editor-heading" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {props.draftPosition ? (
            <span className="badge badge-draft">{t('draftOf', props.draftPosition)}</span>
          ) : null}
        </header>

        {changedElsewhere ? (
          <p className="notice" role="status">
            {props.stored ? t('changedElsewhere') : t('deletedElsewhere')}
          </p>
        ) : null}
        {errorCount > 0 ? (
          <p className="notice error" role="alert" ref={summaryRef} tabIndex={-1}>
            {t('fixErrors', { n: errorCount })}
          </p>
        ) : null}

        <div className="grid two">
          <Field id="f-term" label="term" errors={errors.term}>
            {(a) => <input {...a} ref={termRef} lang="zh-CN" value={form.term} onChange={(e) => onTermChange(e.target.value)} />}
          </Field>
          <Field id="f-pinyin" label="pinyin" hint="pinyinHint" errors={errors.pinyin}>
            {(a) => (
              <div className="with-button">
                <input
                  {...a}
                  lang="zh-Latn-pinyin"
                  value={form.pinyin}
                  onChange={(e) => {
                    setPinyinTouched(true);
                    set('pinyin', e.target.value);
                  }}
                />
                <button
                  type="button"
                  className="button subtle"
                  disabled={!form.term.trim()}
                  onClick={() => {
                    setPinyinTouched(false);
                    set('pinyin', suggestPinyin(form.term));
                  }}
                >
                  {t('pinyinRefill')}
                </button>
              </div>
            )}
          </Field>
        </div>

        <div className="grid two">
          <Field id="f-category" label="category" errors={errors.category}>
            {(a) => (
              <select {...a} value={form.category} onChange={(e) => set('category', isCategory(e.target.value) ? e.target.value : '')}>
                <option value="">—</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c, lang)} · {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="f-salience" label="salience" hint="salienceHint" errors={errors.salience}>
            {(a) => (
              <select {...a} value={form.salience} onChange={(e) => isSalience(e.target.value) && set('salience', e.target.value)}>
                {SALIENCES.map((s) => (
                  <option key={s} value={s}>
                    {SALIENCE_LABELS[s][lang]} · {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <div className="grid two">
          <Field id="f-variants" label="variants" errors={errors.variants}>
            {(a) => <textarea {...a} rows={2} lang="zh-CN" value={form.variants} onChange={(e) => set('variants', e.target.value)} />}
          </Field>
        </div>

        <Field id="f-english" label="english" errors={errors.english}>
          {(a) => <textarea {...a} rows={2} lang="en" value={form.english} onChange={(e) => set('english', e.target.value)} />}
        </Field>
        <Field id="f-official-by" label="englishOfficialBy" hint="englishOfficialByHint" errors={errors.englishOfficialBy}>
          {(a) => <input {...a} lang="en" value={form.englishOfficialBy} onChange={(e) => set('englishOfficialBy', e.target.value)} />}
        </Field>

        <div className="grid two">
          <Field id="f-summary-zh" label="summaryZh" errors={errors.summaryZh}>
            {(a) => <textarea {...a} rows={3} lang="zh-CN" value={form.summaryZh} onChange={(e) => set('summaryZh', e.target.value)} />}
          </Field>
          <Field id="f-summary-en" label="summaryEn" errors={errors.summaryEn}>
            {(a) => <textarea {...a} rows={3} lang="en" value={form.summaryEn} onChange={(e) => set('summaryEn', e.target.value)} />}
          </Field>
          <Field id="f-explanation-zh" label="explanationZh" errors={errors.explanationZh}>
            {(a) => <textarea {...a} rows={5} lang="zh-CN" value={form.explanationZh} onChange={(e) => set('explanationZh', e.target.value)} />}
          </Field>
          <Field id="f-explanation-en" label="explanationEn" errors={errors.explanationEn}>
            {(a) => <textarea {...a} rows={5} lang="en" value={form.explanationEn} onChange={(e) => set('explanationEn', e.target.value)} />}
          </Field>
        </div>

        <fieldset className="components">
          <legend>{t('components')}</legend>
          {errors.components ? <FieldError id="f-components-error" problems={errors.components} /> : null}
          {form.components.map((c, i) => (
            <div className="component-row" key={i}>
              <span className="component-n" aria-hidden="true">
                {i + 1}
              </span>
              <Field id={`f-c${i}-zh`} label="componentZh" vars={{ n: i + 1 }} errors={errors[`components.${i}.zh` as FieldKey]} compact>
                {(a) => (
                  <input
                    {...a}
                    lang="zh-CN"
                    value={c.zh}
                    onChange={(e) => set('components', form.components.map((x, j) => (j === i ? { ...x, zh: e.target.value } : x)))}
                  />
                )}
              </Field>
              <Field id={`f-c${i}-en`} label="componentEn" vars={{ n: i + 1 }} errors={errors[`components.${i}.en` as FieldKey]} compact>
                {(a) => (
                  <input
                    {...a}
                    lang="en"
                    value={c.en}
                    onChange={(e) => set('components', form.components.map((x, j) => (j === i ? { ...x, en: e.target.value } : x)))}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button icon"
                aria-label={t('removeComponent', { n: i + 1 })}
                title={t('removeComponent', { n: i + 1 })}
                onClick={() => set('components', form.components.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button subtle"
            onClick={() => {
              set('components', [...form.components, { zh: '', en: '' }]);
              requestAnimationFrame(() => document.getElementById(`f-c${form.components.length}-zh`)?.focus());
            }}
          >
            <span aria-hidden="true">＋ </span>
            {t('addComponent')}
          </button>
        </fieldset>

        <div className="grid two">
          <Field id="f-source-quote" label="sourceQuote" errors={errors.sourceQuote}>
            {(a) => <textarea {...a} rows={3} lang="zh-CN" value={form.sourceQuote} onChange={(e) => set('sourceQuote', e.target.value)} />}
          </Field>
          <div className="stack">
            <Field id="f-source-section" label="sourceSection" errors={errors.sourceSection}>
              {(a) => <input {...a} lang="zh-CN" value={form.sourceSection} onChange={(e) => set('sourceSection', e.target.value)} />}
            </Field>
            <Field id="f-since" label="since" errors={errors.since}>
              {(a) => <input {...a} value={form.since} onChange={(e) => set('since', e.target.value)} />}
            </Field>
          </div>
          <Field id="f-role-zh" label="speechRoleZh" errors={errors.speechRoleZh}>
            {(a) => <textarea {...a} rows={2} lang="zh-CN" value={form.speechRoleZh} onChange={(e) => set('speechRoleZh', e.target.value)} />}
          </Field>
          <Field id="f-role-en" label="speechRoleEn" errors={errors.speechRoleEn}>
            {(a) => <textarea {...a} rows={2} lang="en" value={form.speechRoleEn} onChange={(e) => set('speechRoleEn', e.target.value)} />}
          </Field>
        </div>

        <fieldset className="sources" aria-describedby="f-sources-hint">
          <legend>{t('sources')}</legend>
          <p className="hint" id="f-sources-hint">
            {t('sourcesHint')}
          </p>
          {errors.sources ? <FieldError id="f-sources-error" problems={errors.sources} /> : null}
          {form.sources.map((source, i) => (
            <fieldset className="source-row" key={i}>
              <legend>{t('sourceN', { n: i + 1 })}</legend>
              <div className="source-fields">
                <Field id={`f-s${i}-title`} label="sourceTitle" errors={errors[`sources.${i}.title` as FieldKey]}>
                  {(a) => <input {...a} value={source.title} onChange={(e) => setSource(i, { title: e.target.value })} />}
                </Field>
                <Field id={`f-s${i}-publisher`} label="sourcePublisher" errors={errors[`sources.${i}.publisher` as FieldKey]}>
                  {(a) => <input {...a} value={source.publisher} onChange={(e) => setSource(i, { publisher: e.target.value })} />}
                </Field>
                <Field id={`f-s${i}-date`} label="sourceDate" hint="sourceDateHint" errors={errors[`sources.${i}.date` as FieldKey]}>
                  {(a) => <input {...a} inputMode="numeric" spellCheck={false} value={source.date} onChange={(e) => setSource(i, { date: e.target.value })} />}
                </Field>
                <Field id={`f-s${i}-url`} label="sourceUrl" errors={errors[`sources.${i}.url` as FieldKey]}>
                  {(a) => <input {...a} type="url" spellCheck={false} value={source.url} onChange={(e) => setSource(i, { url: e.target.value })} />}
                </Field>
              </div>
              <div className="source-foot">
                <fieldset className="supports" aria-describedby={errors[`sources.${i}.supports` as FieldKey] ? `f-s${i}-supports-error` : undefined}>
                  <legend>{t('sourceSupports')}</legend>
                  {SOURCE_SUPPORTS.map((k) => (
                    <label className="check" key={k}>
                      <input
                        type="checkbox"
                        checked={source.supports.includes(k)}
                        onChange={(e) =>
                          setSource(i, { supports: e.target.checked ? [...source.supports, k] : source.supports.filter((x) => x !== k) })
                        }
                      />
                      {t(`support.${k}`)}
                    </label>
                  ))}
                </fieldset>
                <button
                  type="button"
                  className="button subtle"
                  onClick={() => set('sources', form.sources.filter((_, j) => j !== i))}
                >
                  <span aria-hidden="true">× </span>
                  {t('removeSource', { n: i + 1 })}
                </button>
              </div>
              {errors[`sources.${i}.supports` as FieldKey] ? (
                <FieldError id={`f-s${i}-supports-error`} problems={errors[`sources.${i}.supports` as FieldKey]!} />
              ) : null}
            </fieldset>
          ))}
          {form.sources.length < 3 ? (
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                set('sources', [...form.sources, emptySource()]);
                requestAnimationFrame(() => document.getElementById(`f-s${form.sources.length}-title`)?.focus());
              }}
            >
              <span aria-hidden="true">＋ </span>
              {t('addSource')}
            </button>
          ) : null}
        </fieldset>

        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
            {t('enabled')}
          </label>
          <label className="check">
            <input type="checkbox" checked={form.ambiguous} onChange={(e) => set('ambiguous', e.target.checked)} />
            {t('ambiguous')}
          </label>
          <label className="check">
            <input type="checkbox" checked={form.noPublicDefinition} onChange={(e) => set('noPublicDefinition', e.target.checked)} />
            {t('noPublicDefinition')}
          </label>
        </div>
        {form.ambiguous ? (
          <div className="grid two">
            <Field id="f-not-within" label="notWithin" hint="notWithinHint" errors={errors.notWithin}>
              {(a) => <textarea {...a} rows={2} lang="zh-CN" value={form.notWithin} onChange={(e) => set('notWithin', e.target.value)} />}
            </Field>
            <Field id="f-other-sense" label="otherSenseWords" hint="otherSenseWordsHint" errors={errors.otherSenseWords}>
              {(a) => <textarea {...a} rows={2} lang="zh-CN" value={form.otherSenseWords} onChange={(e) => set('otherSenseWords', e.target.value)} />}
            </Field>
            <Field id="f-own-sense" label="ownSenseWords" hint="ownSenseWordsHint" errors={errors.ownSenseWords}>
              {(a) => <textarea {...a} rows={2} lang="zh-CN" value={form.ownSenseWords} onChange={(e) => set('ownSenseWords', e.target.value)} />}
            </Field>
          </div>
        ) : null}

        <details className="more" open={Boolean(errors.id || errors.related || errors.origin)}>
          <summary>{t('more')}</summary>
          <div className="grid two">
            <Field id="f-id" label="id" hint="idHint" errors={errors.id}>
              {(a) => <input {...a} value={form.id} spellCheck={false} onChange={(e) => set('id', e.target.value)} />}
            </Field>
            <Field id="f-related" label="related" errors={errors.related}>
              {(a) => <textarea {...a} rows={2} spellCheck={false} value={form.related} onChange={(e) => set('related', e.target.value)} />}
            </Field>
          </div>
          <Field id="f-origin" label="origin" errors={errors.origin}>
            {(a) => <input {...a} type="url" value={form.origin} onChange={(e) => set('origin', e.target.value)} />}
          </Field>
        </details>

        {/* Two groups that wrap as a whole: the form's own actions, then the ones that discard it. */}
        <footer className="editor-actions">
          <div className="action-group">
            <button type="submit" className="button primary" disabled={props.busy} aria-disabled={saving || undefined}>
              {saving ? t('saving') : t('save')}
            </button>
            <button type="button" className="button" onClick={props.onCancel}>
              {t('cancel')}
            </button>
            {props.onSkipDraft ? (
              <button type="button" className="button" onClick={props.onSkipDraft}>
                {t('skipDraft')}
              </button>
            ) : null}
          </div>
          {(props.canRestoreShipped && props.onRestoreShipped) || props.onDelete ? (
            <div className="action-group end">
              {props.canRestoreShipped && props.onRestoreShipped ? (
                <button type="button" className="button subtle" disabled={props.busy} onClick={props.onRestoreShipped}>
                  {t('restoreShipped')}
                </button>
              ) : null}
              {props.onDelete ? (
                <button type="button" className="button danger" disabled={props.busy} onClick={props.onDelete}>
                  {t('delete')}
                </button>
              ) : null}
            </div>
          ) : null}
        </footer>
      </form>

      <aside className="preview" aria-labelledby="preview-heading">
        <h3 id="preview-heading">{t('preview')}</h3>
        {lastValid ? <TooltipPreview entry={lastValid} language={props.language} dark={props.dark} /> : <p className="empty">{t('previewEmpty')}</p>}
      </aside>
    </section>
  );
}

interface FieldProps {
  id: string;
  label: StringKey;
  vars?: Record<string, string | number>;
  hint?: StringKey;
  errors: FieldErrors[FieldKey];
  compact?: boolean;
  children(attrs: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }): ReactNode;
}

/** A labelled control with its hint and its errors, wired with aria-describedby. */
function Field({ id, label, vars, hint, errors, compact, children }: FieldProps) {
  const { t } = useI18n();
  const describedBy = [errors?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors?.length ? ' invalid' : ''}${compact ? ' compact' : ''}`}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {t(label, vars)}
      </label>
      {children({ id, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': describedBy })}
      {hint && !errors?.length ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {errors?.length ? <FieldError id={`${id}-error`} problems={errors} /> : null}
      {hint && errors?.length ? (
        <span className="visually-hidden" id={`${id}-hint`}>
          {t(hint)}
        </span>
      ) : null}
    </div>
  );
}

function FieldError({ id, problems }: { id: string; problems: NonNullable<FieldErrors[FieldKey]> }) {
  const { t } = useI18n();
  const texts = [...new Set(problems.map((p) => problemText(p, t)))];
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {texts.join(' ')}
    </p>
  );
}

