// What the options page's editor pane shows: nothing, a stored entry, or a new one (blank, or a
// draft from the context menu or the extraction panel, several drafts one after the other).
import { useState } from 'react';
import type { Entry } from '@/src/glossary/schema';
import { emptyForm, formFromDraft, formFromEntry, type Draft, type EntryForm } from './form';
import { suggestPinyin } from './search';

/** Where the editor puts the focus when it opens: its heading, the term field, or nowhere. */
type EditorFocus = 'heading' | 'term' | false;

export type Editing =
  | { kind: 'none' }
  | { kind: 'entry'; id: string; initial: EntryForm; key: number; focus: EditorFocus }
  | { kind: 'new'; initial: EntryForm; key: number; focus: EditorFocus };

interface Drafts {
  /** Drafts still to show after the one being edited. */
  queue: Draft[];
  /** How many the batch had (0: no batch). */
  total: number;
}

const NO_DRAFTS: Drafts = { queue: [], total: 0 };

// Each opening gets a fresh key, so the editor remounts with the new form.
let openings = 0;

export function useEditing() {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS);

  const editEntry = (entry: Entry, focus: EditorFocus) =>
    setEditing({ kind: 'entry', id: entry.id, initial: formFromEntry(entry), key: ++openings, focus });
  const editNew = (initial: EntryForm, focus: EditorFocus) => setEditing({ kind: 'new', initial, key: ++openings, focus });
  const editDraft = (draft: Draft) => editNew(formFromDraft(draft, suggestPinyin), 'term');

  /** Shows the next draft of the batch; false (and the batch ended) when there is none. */
  function nextDraft(): boolean {
    const [next, ...rest] = drafts.queue;
    if (!next) {
      setDrafts(NO_DRAFTS);
      return false;
    }
    setDrafts({ queue: rest, total: drafts.total });
    editDraft(next);
    return true;
  }

  return {
    editing,
    /** Which draft of how many is shown, while a batch is. */
    draftPosition: drafts.total > 0 ? { n: drafts.total - drafts.queue.length, total: drafts.total } : undefined,
    editEntry,
    editNew,
    editDraft,
    /** Opens a stored entry or a blank one by the user's choice, ending any batch of drafts. */
    openEntry(entry: Entry, focus: 'heading' | false) {
      setDrafts(NO_DRAFTS);
      editEntry(entry, focus);
    },
    openBlank() {
      setDrafts(NO_DRAFTS);
      editNew(emptyForm(), 'term');
    },
    /** Starts editing `list` one draft after the other; false when it is empty. */
    startDrafts(list: Draft[]): boolean {
      const [first, ...rest] = list;
      if (!first) return false;
      setDrafts({ queue: rest, total: list.length });
      editDraft(first);
      return true;
    },
    nextDraft,
    /** After a save: the editor stays open (same key, no remount) on the saved entry. */
    stayOn(id: string) {
      setEditing((ed) => (ed.kind === 'none' ? ed : { kind: 'entry', id, initial: ed.initial, key: ed.key, focus: false }));
    },
    close() {
      setEditing({ kind: 'none' });
    },
    /** Closes the editor and ends any batch of drafts. */
    cancel() {
      setEditing({ kind: 'none' });
      setDrafts(NO_DRAFTS);
    },
  };
}
