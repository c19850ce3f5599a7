import { z } from 'zod';

export const EVENT_KINDS = [
  'impact',
  'alert',
  'report',
  'acknowledge',
  'investigate',
  'identify',
  'mitigate',
  'recover',
  'resolve',
  'deploy',
  'status-update',
  'note',
] as const;

/** One line of the timeline, as the analysis understood it. */
export const EventSchema = z.object({
  /** Instant with offset, or null for an untimed line ("early", "(overnight)"). */
  time: z.string().nullable(),
  // Fields with a default are left out of facts.json where they have it (render/facts-json.ts).
  /** End of a time range such as `20:08–20:15`. */
  endTime: z.string().nullable().default(null),
  /** The label an untimed line carried instead of a time. */
  timeLabel: z.string().nullable().default(null),
  /** True when the time was marked approximate (`~02:29`). */
  approximate: z.boolean().default(false),
  /** 1-based line in the incident file. */
  line: z.number().int().positive(),
  /** Tool or channel the line came from (`PagerDuty`, a table's Area column). */
  source: z.string().nullable().default(null),
  /** Person or bot who said or did it. */
  actor: z.string().nullable().default(null),
  text: z.string(),
  kind: z.enum(EVENT_KINDS),
  /** A structured state the paste gave (`FIRING`, a CSV `Type`, a status page's status word). */
  state: z.string().nullable().optional(),
  /** What the cue table read in the line: the strongest cue per phase, weight 1 (hint) to 3 (strong). */
  cues: z
    .array(z.object({ cue: z.string(), phase: z.string(), weight: z.number().int() }))
    .optional(),
});
export type TimelineEvent = z.infer<typeof EventSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A milestone instant and the line that established it. */
export const MilestoneSchema = z.object({
  time: z.string(),
  line: z.number().int().positive(),
  /** Why this line was chosen, for reviewers who disagree with the analysis. */
  reason: z.string(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CONFIDENCES = ['high', 'medium', 'low'] as const;

/** Why a milestone is where it is: the line, the cue that placed it, and how sure. */
export const EvidenceSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  /** Cue id from the cue table, or `front-matter`, `stated-in-notes`, `stated-duration`, `first-timed-line`. */
  cue: z.string(),
  confidence: z.enum(CONFIDENCES),
  /** The next best line for this milestone, for a reviewer who disagrees. */
  runnerUp: z.object({ line: z.number().int().positive(), text: z.string() }).nullable(),
  /** Who placed it: the rules (absent or `rules`) or a model choosing among the rules' candidates. */
  source: z.enum(['rules', 'model']).optional(),
  /** With `source: "model"`: the model's name and one-sentence reason. */
  model: z.object({ name: z.string(), reason: z.string() }).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A line the rules or a model chose for a milestone. */
const ChosenLineSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  /** Instant with offset. */
  time: z.string(),
});

/**
 * A milestone the rules were unsure of and a model was asked about: both choices, side by side,
 * and what became of the model's answer.
 */
export const SettledMilestoneSchema = z.object({
  milestone: z.enum(['start', 'detected', 'acknowledged', 'identified', 'mitigated', 'resolved']),
  /** The model's name as configured. */
  model: z.string(),
  /** What the rules chose, or null when they found nothing. */
  rules: ChosenLineSchema.nullable(),
  /** The line the model chose, or null for "not stated". */
  answer: ChosenLineSchema.nullable(),
  reason: z.string(),
  /** `applied`: the model's choice stands; `refused`: it broke a rule and the rules' choice stands. */
  outcome: z.enum(['applied', 'refused']),
  /** Why an answer was refused. */
  refusal: z.string().optional(),
});
export type SettledMilestone = z.infer<typeof SettledMilestoneSchema>;

/** A figure found in the input (an error rate, a latency, a count), with its source line. */
export const ImpactFigureSchema = z.object({
  kind: z.enum(['error-rate', 'latency', 'users', 'count', 'utilization', 'percentage']),
  value: z.string(),
  context: z.string(),
  line: z.number().int().positive(),
});
export type ImpactFigure = z.infer<typeof ImpactFigureSchema>;

/** A human-written section, carried verbatim. */
export const HumanSectionSchema = z.object({
  markdown: z.string(),
  line: z.number().int().positive(),
});

export const HumanActionItemSchema = z.object({
  /** Null when the input gives none; the writer then weighs the item's words. */
  priority: z.enum(['HIGH', 'MEDIUM', 'LOW']).nullable(),
  text: z.string(),
  line: z.number().int().positive(),
  /** Ticked (`- [x]`) in the incident file. */
  done: z.boolean(),
});

/** Everything the analysis established about one incident: the input of every writer. */
export const FactsSchema = z.object({
  title: z.string(),
  slug: z.string(),
  /** Source file, relative to the incidents folder. */
  file: z.string(),
  date: z.string(),
  timezone: z.string(),
  /** The front matter's severity, else the label the notes or the timeline state ("SEV1", "P2", "Critical"). */
  severity: z.string().nullable(),
  /** BCP 47 tag from the front matter; `null` means the site's default language. */
  language: z.string().nullable().default(null),
  status: z.string(),
  /**
   * Review state of the postmortem itself (`draft`, `in review`, `published`), from front matter
   * `document_status`, or `status: draft|published`; `draft` when neither says.
   */
  documentStatus: z.enum(['draft', 'in review', 'published']),
  /**
   * True when front matter says `status: draft`: the pack is written for its author, but the
   * site leaves the incident out of every page, feed, API and the search index.
   */
  draft: z.boolean().default(false),
  /** Who wrote the postmortem, from front matter `authors`. */
  authors: z.array(z.string()),
  services: z.array(z.string()),
  start: z.string().nullable(),
  detected: z.string().nullable(),
  acknowledged: z.string().nullable(),
  identified: z.string().nullable(),
  mitigated: z.string().nullable(),
  resolved: z.string().nullable(),
  milestones: z.record(z.string(), MilestoneSchema),
  /** Per milestone: the evidence behind it, or null when the timeline does not say. Always set by analyze. */
  evidence: z
    .object({
      start: EvidenceSchema.nullable(),
      detected: EvidenceSchema.nullable(),
      acknowledged: EvidenceSchema.nullable(),
      identified: EvidenceSchema.nullable(),
      mitigated: EvidenceSchema.nullable(),
      resolved: EvidenceSchema.nullable(),
    })
    .optional(),
  /** Milestones a model was asked to settle (with a key, or from cached answers); absent otherwise. */
  settled: z.array(SettledMilestoneSchema).optional(),
  /** Start to resolved. */
  durationMinutes: z.number().nullable(),
  /** Start to detected. */
  timeToDetectMinutes: z.number().nullable(),
  /** Detected to acknowledged. */
  timeToAcknowledgeMinutes: z.number().nullable(),
  /** Start to mitigated. */
  timeToMitigateMinutes: z.number().nullable(),
  /** Start to resolved. */
  timeToResolveMinutes: z.number().nullable(),
  usersAffected: z.union([z.number(), z.string()]).nullable(),
  impact: z.array(ImpactFigureSchema),
  events: z.array(EventSchema),
  notes: z.array(HumanSectionSchema),
  human: z.object({
    summary: HumanSectionSchema.nullable(),
    impact: HumanSectionSchema.nullable(),
    // Absent in facts written before these sections were read; null then.
    trigger: HumanSectionSchema.nullable().default(null),
    rootCause: HumanSectionSchema.nullable(),
    detection: HumanSectionSchema.nullable().default(null),
    mitigations: HumanSectionSchema.nullable(),
    lessons: HumanSectionSchema.nullable().default(null),
    actionItems: z.array(HumanActionItemSchema),
  }),
});
export type Facts = z.infer<typeof FactsSchema>;
