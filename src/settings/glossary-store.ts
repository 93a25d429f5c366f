// The user's glossary in storage.local. `null` means "the shipped default, unedited".
import type { Glossary } from '@/src/glossary/schema';

export const glossaryItem = storage.defineItem<Glossary | null>('local:glossary', {
  fallback: null,
  version: 1,
});
