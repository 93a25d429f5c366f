// A draft entry handed to the options page (`options.html#draft=<encodeURIComponent(JSON)>`) by the
// context menu and the popup's new formulations; the options page reads it (src/options/form.ts
// parseDraft) and opens it as a new entry to finish. Declared once, here. Pure.

export interface Draft {
  term: string;
  /** Tone-marked pinyin, when the sender already worked it out (else the options page suggests it). */
  pinyin?: string;
  /** The sentence the term was found in. */
  source?: string;
  /** Where that sentence is: a section or file name (else the origin's host is used). */
  section?: string;
  /** The page address. */
  origin?: string;
}

export function draftUrl(optionsUrl: string, draft: Draft): string {
  return `${optionsUrl}#draft=${encodeURIComponent(JSON.stringify(draft))}`;
}
