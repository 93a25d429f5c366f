// One typed protocol for every message between content script, background, popup and options.
// Each message is declared once with a schema and checked on receipt.
import { z } from 'zod';

export const patternSchema = z.object({
  /** Surface text to find (term, variant or traditional form). */
  text: z.string().min(1),
  /** Entry id this surface form belongs to. */
  id: z.string(),
  /** Confirm the match by word segmentation before painting it. */
  ambiguous: z.boolean(),
});
export type Pattern = z.infer<typeof patternSchema>;

export const requestSchema = z.discriminatedUnion('type', [
  // content → background: the effective glossary and the patterns compiled from it.
  z.object({ type: z.literal('tifa:get-glossary') }),
  // content → background: confirm ambiguous matches by jieba segmentation.
  z.object({
    type: z.literal('tifa:segment-check'),
    text: z.string().max(200_000),
    /** Candidate spans in UTF-16 offsets into text. */
    candidates: z.array(z.object({ start: z.number().int(), end: z.number().int() })).max(10_000),
  }),
  // popup/background → content: which terms the page holds.
  z.object({ type: z.literal('tifa:page-report') }),
  // popup → content: scroll to the next occurrence of an entry and open its tooltip.
  z.object({ type: z.literal('tifa:reveal'), id: z.string() }),
  // content → background: the page's distinct term count changed (badge).
  z.object({ type: z.literal('tifa:report-changed'), count: z.number().int(), enabled: z.boolean() }),
  // content → background: open the options page at an entry.
  z.object({ type: z.literal('tifa:open-options'), entryId: z.string().optional() }),
]);
export type Request = z.infer<typeof requestSchema>;

export interface PageReport {
  enabled: boolean;
  terms: Array<{ id: string; term: string; count: number }>;
}

export function parseRequest(message: unknown): Request | undefined {
  const r = requestSchema.safeParse(message);
  return r.success ? r.data : undefined;
}
