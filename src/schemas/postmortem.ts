import { z } from 'zod';

/** Who wrote a piece of the postmortem. Human text always wins over both writers. */
export const OriginSchema = z.enum(['human', 'builtin', 'openai']);
export type Origin = z.infer<typeof OriginSchema>;

/**
 * A section of prose. Writer text is plain text and is always rendered literally;
 * human text (origin `human`) is Markdown from the incident file, rendered with raw HTML and
 * MDX turned into literal text. A section with neither paragraphs nor bullets is left out.
 */
export const SectionSchema = z.object({
  origin: OriginSchema,
  paragraphs: z.array(z.string()),
  bullets: z.array(z.string()),
});
export type Section = z.infer<typeof SectionSchema>;

export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * What an action item does about the incident, after the Google SRE workbook's classes:
 * `detect` (see it sooner), `mitigate` (recover faster), `prevent` (stop it recurring),
 * `process` (how the team works: reviews, paging, communication).
 */
export const ACTION_TYPES = ['detect', 'mitigate', 'prevent', 'process'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ActionItemSchema = z.object({
  priority: z.enum(PRIORITIES),
  type: z.enum(ACTION_TYPES),
  text: z.string().min(1),
  /** A person or team the input names for the item. */
  owner: z.string().nullable(),
  /** A ticket, issue or PR the input names (`OPS-123`, `#4821`, a URL). */
  ticket: z.string().nullable(),
  status: z.enum(['open', 'done']),
  /** One line saying why this item matters, tied to what happened. */
  rationale: z.string(),
  origin: OriginSchema,
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

/**
 * The written postmortem: what a writer (built-in or LLM) produces from the facts. The sections
 * follow the Google SRE example postmortem and Atlassian's template.
 */
export const PostmortemSchema = z.object({
  title: z.string().min(1),
  /**
   * The header's impact on one line: who was affected and what they saw, in the input's words
   * ("~85% of the network returning errors"); absent when the input says neither (and in packs
   * written before this field).
   */
  impactInBrief: z.string().nullable().optional(),
  /** What broke, for whom, how long, why, how it was fixed. */
  summary: SectionSchema,
  /** Figures with their meaning and source; data loss when the input states it. */
  impact: SectionSchema,
  /** The event or change that set the incident off. */
  trigger: SectionSchema,
  /** Why it could happen; "still under investigation" when the input does not say. */
  rootCause: SectionSchema,
  /** How and when it was noticed, who responded. */
  detection: SectionSchema,
  /** The actions that mitigated it, in order, failed attempts marked as failed. */
  response: SectionSchema,
  /** Went well / went wrong / got lucky; empty (and omitted) when the input supports none. */
  lessons: SectionSchema,
  actionItems: z.array(ActionItemSchema),
  messageToUsers: SectionSchema,
  hnPost: z.object({ title: z.string().min(1).max(80), body: z.string(), origin: OriginSchema }),
  twitterThread: z.object({ tweets: z.array(z.string()).min(1), origin: OriginSchema }),
});
export type Postmortem = z.infer<typeof PostmortemSchema>;

/** The prose sections, in the order the postmortem shows them. */
export const PROSE_SECTIONS = [
  'summary',
  'impact',
  'trigger',
  'rootCause',
  'detection',
  'response',
  'lessons',
  'messageToUsers',
] as const;
export type ProseSection = (typeof PROSE_SECTIONS)[number];

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
  trigger: DraftSectionSchema,
  rootCause: DraftSectionSchema,
  detection: DraftSectionSchema,
  response: DraftSectionSchema,
  lessons: DraftSectionSchema,
  actionItems: z.array(
    z.strictObject({
      priority: z.enum(PRIORITIES),
      type: z.enum(ACTION_TYPES),
      text: z.string(),
      owner: z.string().nullable(),
      ticket: z.string().nullable(),
      status: z.enum(['open', 'done']),
      rationale: z.string(),
    }),
  ),
  messageToUsers: DraftSectionSchema,
  hnPost: z.strictObject({ title: z.string(), body: z.string() }),
  twitterThread: z.array(z.string()),
});
export type PostmortemDraft = z.infer<typeof PostmortemDraftSchema>;

/** Bump when PostmortemDraftSchema changes: it is part of every draft's cache key. */
export const DRAFT_SCHEMA_VERSION = '2';
