// The extension's own pages (options, popup, first-run) speak Chinese or English: their document says
// which, for screen readers and fonts, and their title follows.
import { useEffect } from 'react';

export function useDocumentLanguage(lang: 'zh' | 'en', title: string): void {
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = title;
  }, [lang, title]);
}
