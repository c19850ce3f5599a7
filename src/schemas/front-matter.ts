import { z } from 'zod';

/**
 * Incident states as Statuspage names them (investigating → identified → monitoring → resolved),
 * plus `postmortem` once the write-up is published and `draft`, which the site never shows.
 * Source: Statuspage's incident lifecycle (support.atlassian.com/statuspage, "incident status").
 */
export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'draft',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A milestone override: an ISO instant, `YYYY-MM-DD HH:MM`, or a bare `HH:MM` read in the incident's zone. */
const MilestoneOverride = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString() : value));

/**
 * A BCP 47 language tag (`ja`, `de-CH`, `zh-Hant`, `he`), canonicalized by `Intl` so `JA` and
 * `ja` are one language.
 */
export const LanguageTagSchema = z.string().transform((value, context) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical) return canonical;
  } catch {
    // Reported below.
  }
  context.addIssue({
    code: 'custom',
    message: `is not a BCP 47 language tag ("${value}"); write one such as ja, de, zh-Hans or he`,
  });
  return z.NEVER;
});

/** The optional YAML front matter at the top of an incident file. Every field is optional. */
export const FrontMatterSchema = z
  .object({
    /** Headline of the postmortem. Defaults to the first alert's text. */
    title: z.string().min(1).optional(),
    /**
     * Calendar day the incident started (`YYYY-MM-DD`; also `29.10.2025`, `29/10/2025`, `10/29/2025`,
     * `Oct 29, 2025`, `29 October 2025`: see parse/front-matter-date.ts); bare times in the timeline are read on this day.
     */
    date: z
      .union([z.string(), z.date()])
      .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
      .optional(),
    /** IANA zone (`Europe/Berlin`), abbreviation (`PST`) or offset (`UTC-7`, `+05:30`) for times that name none. */
    timezone: z.string().min(1).optional(),
    /** Severity label as your team uses it (`P1`, `SEV2`, `critical`). */
    severity: z.union([z.string(), z.number()]).transform(String).optional(),
    /** Affected services. `services_affected` is accepted as an alias. */
    services: z.array(z.string()).optional(),
    services_affected: z.array(z.string()).optional(),
    /** How many users were affected: a number, or a sentence when no count is known (shown verbatim). */
    users_affected: z.union([z.number().int().nonnegative(), z.string()]).optional(),
    /** Alias of `users_affected`, as customer-facing teams write it. */
    customers_affected: z.union([z.number().int().nonnegative(), z.string()]).optional(),
    /** BCP 47 language the incident is written in (`ja`, `de`, `he`). Defaults to the site's `language`. */
    language: LanguageTagSchema.optional(),
    /**
     * Statuspage's incident states, plus `draft` (built into its pack, never published) and
     * `postmortem` (resolved, postmortem written). `published`, an older spelling, reads as
     * `postmortem`. `draft` and `postmortem` also set `document_status`.
     */
    status: z
      .enum([...INCIDENT_STATUSES, 'published'])
      .transform((value) => (value === 'published' ? 'postmortem' : value))
      .optional(),
    /** Review state of the postmortem document: `draft`, `in review` or `published`. */
    document_status: z
      .string()
      .transform((value) => value.trim().toLowerCase().replace(/[-_]+/g, ' '))
      .pipe(z.enum(['draft', 'in review', 'published']))
      .optional(),
    /** Who wrote the postmortem: a name, or a list of names. */
    authors: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : value.split(/\s*,\s*/)))
      .optional(),
    /**
     * A timeline kept in the front matter as a YAML list (strings, or mappings with a time and an
     * event field): read like the body's timeline (parse/front-matter-timeline.ts).
     */
    timeline: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
    start: MilestoneOverride.optional(),
    detected: MilestoneOverride.optional(),
    acknowledged: MilestoneOverride.optional(),
    identified: MilestoneOverride.optional(),
    mitigated: MilestoneOverride.optional(),
    resolved: MilestoneOverride.optional(),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export const MILESTONE_NAMES = [
  'start',
  'detected',
  'acknowledged',
  'identified',
  'mitigated',
  'resolved',
] as const;
export type MilestoneName = (typeof MILESTONE_NAMES)[number];
