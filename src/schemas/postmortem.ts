import { z } from 'zod';

/** Who wrote a piece of the postmortem. Human text always wins over both writers. */
export const OriginSchema = z.enum(['human', 'builtin', 'openai']);
export type Origin = z.infer<typeof OriginSchema>;

/**
 * A section of prose. Writer text is plain text and is always rendered literally;
 * human text (origin `human`) is Markdown from the incident file, rendered with raw HTML and
 * MDX turned into literal text.
 */
export const SectionSchema = z.object({
  origin: OriginSchema,
  paragraphs: z.array(z.string()),
  bullets: z.array(z.string()),
});
export type Section = z.infer<typeof SectionSchema>;

export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;

export const ActionItemSchema = z.object({
  priority: z.enum(PRIORITIES),
  text: z.string().min(1),
  /** One line saying why this item matters, tied to what happened. */
  rationale: z.string(),
  origin: OriginSchema,
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** The written postmortem: what a writer (built-in or LLM) produces from the facts. */
export const PostmortemSchema = z.object({
  title: z.string().min(1),
  summary: SectionSchema,
  impact: SectionSchema,
  rootCause: SectionSchema,
  mitigations: SectionSchema,
  actionItems: z.array(ActionItemSchema),
  messageToUsers: SectionSchema,
  hnPost: z.object({ title: z.string().min(1).max(80), body: z.string(), origin: OriginSchema }),
  twitterThread: z.object({ tweets: z.array(z.string()).min(1), origin: OriginSchema }),
});
export type Postmortem = z.infer<typeof PostmortemSchema>;

/**
 * What the LLM is asked to return: the postmortem without origins (we set those) and without
 * length limits (over-long titles and tweets are fixed after, not rejected). Sent to the model
 * as a JSON Schema through `response_format`.
 */
const DraftSectionSchema = z.strictObject({
  paragraphs: z.array(z.string()),
  bullets: z.array(z.string()),
});

export const PostmortemDraftSchema = z.strictObject({
  summary: DraftSectionSchema,
  impact: DraftSectionSchema,
  rootCause: DraftSectionSchema,
  mitigations: DraftSectionSchema,
  actionItems: z.array(
    z.strictObject({ priority: z.enum(PRIORITIES), text: z.string(), rationale: z.string() }),
  ),
  messageToUsers: DraftSectionSchema,
  hnPost: z.strictObject({ title: z.string(), body: z.string() }),
  twitterThread: z.array(z.string()),
});
export type PostmortemDraft = z.infer<typeof PostmortemDraftSchema>;

/** Bump when PostmortemDraftSchema changes: it is part of every draft's cache key. */
export const DRAFT_SCHEMA_VERSION = '1';
