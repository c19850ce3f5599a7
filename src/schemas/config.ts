import { z } from 'zod';
import { LanguageTagSchema } from './front-matter.js';

/** Site settings: read by the Astro site and the build. `SITE_URL` and `BASE_PATH` override. */
export const SiteConfigSchema = z.strictObject({
  /** Shown in the header, the feeds and the page titles. */
  name: z.string().min(1).default('Incident history'),
  /** One line under the name on the home page and in feeds. */
  description: z.string().default('Postmortems of our incidents, written in the open.'),
  /** Where the site is published, e.g. `https://status.example.com`. */
  url: z.url().default('http://localhost:4321'),
  /** Base path for GitHub Pages project sites, e.g. `/incidents`. */
  base: z
    .string()
    .regex(/^\/[\w./-]*$/, 'must start with / (use / for a site at the domain root)')
    .default('/'),
  /** Repository URL, for "edit this incident" links and history, e.g. `https://github.com/acme/incidents`. */
  repository: z.url().optional(),
  /** BCP 47 language of the site's own pages and of incidents that set no `language`. */
  language: LanguageTagSchema.default('en'),
  /** Branch the incidents live on, for edit links. */
  branch: z.string().default('main'),
  /**
   * Incidents per page of the history views (all incidents, a service, a year, a severity):
   * each view's page 1 keeps its address, page 2 is `<view>/2/`.
   */
  pageSize: z.number().int().min(1).max(1000).default(50),
});

/** The LLM writer. `INCIDENTPOST_MODEL`, `INCIDENTPOST_CONCURRENCY` and friends override. */
export const WriterConfigSchema = z.strictObject({
  /** Chat Completions model name on your endpoint (`OPENAI_BASE_URL`). */
  model: z.string().min(1).default('gpt-4o-mini'),
  temperature: z.number().min(0).max(2).default(0.2),
  /** Upper bound on the reply, in tokens. */
  maxOutputTokens: z.number().int().positive().default(4000),
  /** Incidents drafted at the same time. */
  concurrency: z.number().int().min(1).max(32).default(4),
  /** One request, including the model's thinking time. */
  requestTimeoutMs: z.number().int().positive().default(20_000),
  /** Retries on 429/5xx/timeouts, honouring Retry-After. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Everything for one incident: requests, retries, the repair attempt. */
  totalBudgetMs: z.number().int().positive().default(45_000),
  /** Price per million tokens, to print an estimated cost. Leave out if unknown. */
  pricing: z
    .strictObject({
      inputPerMillion: z.number().nonnegative(),
      outputPerMillion: z.number().nonnegative(),
    })
    .optional(),
});

/** A regular expression source that compiles (matched case-insensitively, Unicode-aware). */
function compiles(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

/**
 * What a timeline line can signal about the incident's course: the phases of the cue table
 * (`src/pipeline/analyze/cues.ts`), here because a team's own cues name them in config.
 */
export const PHASES = [
  'impact',
  'detect',
  'acknowledge',
  'identify',
  'mitigate-action',
  'recovery-partial',
  'recovery-full',
  'resolved-declared',
  'status-update',
  'lead-up',
] as const;

/**
 * A team's own cue (its bot's name, its status words): the same shape as an entry of the
 * built-in table in `src/pipeline/analyze/cues.ts`. Its examples are checked when the config
 * is read, so a pattern that does not match what it is meant to is an error, not a silent miss.
 */
export const CueConfigSchema = z
  .strictObject({
    /** Cited in `analyze` output as the evidence for a milestone, e.g. `acme-bot-paged`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase words joined by -'),
    /** What a line matching it signals: impact, detect, acknowledge, identify, mitigate-action, ... */
    phase: z.enum(PHASES),
    /** 1 a hint, 2 a clear statement, 3 a strong or structured one. */
    weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** A regular expression, matched case-insensitively against one clause of a line. */
    pattern: z.string().min(1).refine(compiles, 'is not a valid regular expression'),
    reason: z.string().min(1),
    examples: z
      .strictObject({
        match: z.array(z.string()).default([]),
        noMatch: z.array(z.string()).default([]),
      })
      .default({ match: [], noMatch: [] }),
  })
  .superRefine((cue, context) => {
    if (!compiles(cue.pattern)) return;
    const pattern = new RegExp(cue.pattern, 'iu');
    for (const example of cue.examples.match)
      if (!pattern.test(example))
        context.addIssue({
          code: 'custom',
          path: ['examples', 'match'],
          message: `pattern does not match "${example}"`,
        });
    for (const example of cue.examples.noMatch)
      if (pattern.test(example))
        context.addIssue({
          code: 'custom',
          path: ['examples', 'noMatch'],
          message: `pattern matches "${example}"`,
        });
  });

/** The analyzer. */
export const AnalysisConfigSchema = z.strictObject({
  /** A team's own cues, read after the built-in table (see `CueConfigSchema`). */
  cues: z.array(CueConfigSchema).default([]),
  /**
   * Ask a model to settle the milestones the rules are unsure of. Unset: `generate` and `build`
   * ask when `OPENAI_API_KEY` is set (cached answers otherwise), `analyze` and `check` read
   * cached answers only. `true`: `analyze` and `check` ask too. `false`: no model is asked and
   * no cached answer is used.
   */
  llm: z.boolean().optional(),
});

/** Accepting a secret-scan hit that is not a secret (or is rotated and dead): by rule and fingerprint. */
export const SecretAllowSchema = z.strictObject({
  /** The rule id the scan printed, e.g. `generic-api-key`. */
  rule: z.string().min(1),
  /** The fingerprint the scan printed: 16 hex digits. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'must be the 16 hex digits the scan printed'),
  /** Why it is safe, for reviewers. */
  reason: z.string().optional(),
});

/** The secret scan. Comments in incidents cannot switch it off; this allowlist is the one way. */
export const SecretsConfigSchema = z.strictObject({
  allow: z.array(SecretAllowSchema).default([]),
});

/** Personal data (e-mail addresses, phone numbers, internal hosts, chat ids, card numbers). */
export const PrivacyConfigSchema = z.strictObject({
  /** `warn` prints warnings, `block` makes them errors that stop the build, `off` skips the check. */
  mode: z.enum(['warn', 'block', 'off']).default('warn'),
  /** Values that are meant to be public, e.g. your support address (compared without case). */
  allow: z.array(z.string().min(1)).default([]),
});

/** `incidentpost.config.json`: every field optional. */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  site: SiteConfigSchema.default(SiteConfigSchema.parse({})),
  writer: WriterConfigSchema.default(WriterConfigSchema.parse({})),
  analysis: AnalysisConfigSchema.default(AnalysisConfigSchema.parse({})),
  secrets: SecretsConfigSchema.default(SecretsConfigSchema.parse({})),
  privacy: PrivacyConfigSchema.default(PrivacyConfigSchema.parse({})),
});

export type Config = z.infer<typeof ConfigSchema>;
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
export type WriterConfig = z.infer<typeof WriterConfigSchema>;
export type AnalysisConfig = z.infer<typeof AnalysisConfigSchema>;
export type SecretAllow = z.infer<typeof SecretAllowSchema>;
export type CueConfig = z.infer<typeof CueConfigSchema>;
export type PrivacyConfig = z.infer<typeof PrivacyConfigSchema>;
