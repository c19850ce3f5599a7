/**
 * Settles the milestones the rules are unsure of by asking a model to choose among the candidate
 * lines, through any OpenAI-compatible endpoint. Answers share the drafts' cache (same folder,
 * same content-hash keys, same atomic writes), the reply byte cap, the per-incident budget and the
 * secret scan. Without a key only cached answers are used; every failure (refusal, timeout, HTTP
 * error, an unusable reply) leaves the analyzer's own choice, with a warning.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Facts } from '../../../schemas/facts.js';
import { openJsonAsker, parseJsonReply } from '../../llm/ask-for-json.js';
import {
  type ModelClientOptions,
  describeFailure,
  loadSdk,
  ModelFailure,
  secretRulesIn,
  type ModelUsage,
} from '../../llm/chat-client.js';
import { cacheKey, readCacheEntry, writeCacheEntry } from '../../llm/model-cache.js';
import type { SourceFile } from '../../load/source-file.js';
import { answerProblem, applyAnswers } from './apply-answers.js';
import { milestoneQuestions, type MilestoneQuestion } from './milestone-questions.js';
import {
  AnswerSchema,
  answerJsonSchema,
  buildSettleMessages,
  SETTLE_PROMPT_VERSION,
  type Answer,
} from './prompt.js';

export const AnswerEntrySchema = z.strictObject({
  key: z.string(),
  kind: z.literal('milestone-answers'),
  slug: z.string(),
  model: z.string(),
  /** sha256 of the questions asked: with a key, changed questions are asked again. */
  questions: z.string(),
  answers: z.record(z.string(), AnswerSchema),
  usage: z.strictObject({ promptTokens: z.number(), completionTokens: z.number() }),
});
export type AnswerEntry = z.infer<typeof AnswerEntrySchema>;

export type MilestoneSettlerOptions = ModelClientOptions;

export interface SettleOutcome {
  facts: Facts;
  /** "2 milestones settled by gpt-4o-mini", "cached answers (…)", "fell back: …", or null when nothing was unsure. */
  status: string | null;
  warnings: string[];
  /** True when a model was to be asked and no answer could be had: such packs are retried next run. */
  fellBack: boolean;
  usage: ModelUsage;
}

export interface MilestoneSettler {
  /** What besides the input decides the settled milestones: part of the pack key. */
  keyFor(file: SourceFile): Promise<string>;
  settle(facts: Facts, file: SourceFile): Promise<SettleOutcome>;
}

/** The cache key of a file's answers: its normalized text, the model and the prompt version. */
export function answerKey(text: string, model: string): string {
  return cacheKey(text, { kind: 'milestone-answers', model, prompt: SETTLE_PROMPT_VERSION });
}

/** sha256 (hex, 16 digits) of the questions asked, kept with their answers. */
function questionsHash(questions: readonly MilestoneQuestion[]): string {
  return createHash('sha256').update(JSON.stringify(questions)).digest('hex').slice(0, 16);
}

/** The reply's `answers` object (milestone → answer, not yet checked). Throws ModelFailure. */
function parseAnswers(content: string): Record<string, unknown> {
  const json = parseJsonReply(content);
  if (!json.ok) throw new ModelFailure(json.error);
  const answers = (json.value as { answers?: unknown } | null)?.answers;
  if (!answers || typeof answers !== 'object' || Array.isArray(answers))
    throw new ModelFailure('the reply has no "answers" object');
  return answers as Record<string, unknown>;
}

/**
 * Asks the model the questions (one request, temperature 0, 200 + 150 tokens a question) and
 * returns its answers unchecked. Adds requests and tokens to `usage`. Throws ModelFailure (a
 * reason in words) or the SDK's error.
 */
async function requestAnswers(
  facts: Facts,
  questions: readonly MilestoneQuestion[],
  usage: ModelUsage,
  options: MilestoneSettlerOptions,
): Promise<Record<string, unknown>> {
  const ask = await openJsonAsker(
    options,
    {
      temperature: 0,
      maxTokens: 200 + 150 * questions.length,
      schemaName: 'milestone_answers',
      schema: answerJsonSchema(questions),
    },
    usage,
  );
  return parseAnswers(
    await ask((schemaInPrompt) => buildSettleMessages(facts, questions, schemaInPrompt)),
  );
}

/**
 * The answers that name a candidate or "not stated", by milestone; each missing or refused
 * one gets a warning (pushed to `warnings`) and the analyzer's choice stands for it.
 */
function usableAnswers(
  questions: readonly MilestoneQuestion[],
  answers: Readonly<Record<string, unknown>>,
  model: string,
  warnings: string[],
): Record<string, Answer> {
  const kept: Record<string, Answer> = {};
  const missing = questions.filter((question) => !(question.milestone in answers));
  if (missing.length)
    warnings.push(
      `${model} gave no answer for ${missing.map((q) => q.milestone).join(', ')}; the analyzer's choice stands`,
    );
  for (const question of questions) {
    if (!(question.milestone in answers)) continue;
    const answer = answers[question.milestone];
    const problem = answerProblem(question, answer);
    if (problem)
      warnings.push(
        `${question.milestone}: ${model}'s answer refused, the analyzer's choice stands: ${problem}`,
      );
    else kept[question.milestone] = AnswerSchema.parse(answer);
  }
  return kept;
}

/**
 * The cached answers for `key` when they can be used, else null. With an API key they must
 * answer the questions asked now (`asked`, their hash): answers to other questions (the
 * analyzer changed) are asked again. A corrupt entry, or one holding what looks like a secret,
 * is ignored with a warning pushed to `warnings`.
 */
async function readCurrentAnswers(
  key: string,
  asked: string,
  options: MilestoneSettlerOptions,
  warnings: string[],
): Promise<AnswerEntry | null> {
  const cached = await readCacheEntry(
    options.cacheDir,
    key,
    AnswerEntrySchema,
    'the answer schema',
  );
  const leaked =
    cached.status === 'hit' ? await secretRulesIn(cached.entry.answers, options.secretAllow) : [];
  if (leaked.length)
    warnings.push(
      `cached milestone answers ${key}.json contain what looks like a secret (${leaked.join(', ')}); ignored: delete the file`,
    );
  if (cached.status === 'corrupt')
    warnings.push(`cache entry ${key}.json is corrupt (${cached.reason}); ignored`);
  const current = cached.status === 'hit' && (!options.apiKey || cached.entry.questions === asked);
  return cached.status === 'hit' && leaked.length === 0 && current ? cached.entry : null;
}

/**
 * Asks the model, caches its usable answers under `key` and applies them to `facts`. Any
 * failure (HTTP, timeout, budget, refusal, an unusable reply, a secret in the answers) keeps the
 * analyzer's milestones, `fellBack` and a warning.
 */
async function settleWithModel(
  facts: Facts,
  questions: readonly MilestoneQuestion[],
  cache: { key: string; asked: string },
  options: MilestoneSettlerOptions,
  warnings: string[],
  usage: ModelUsage,
): Promise<SettleOutcome> {
  const { config } = options;
  const model = config.model;
  try {
    const reply = await requestAnswers(facts, questions, usage, options);
    const answers = usableAnswers(questions, reply, model, warnings);
    const leaked = await secretRulesIn(answers, options.secretAllow);
    if (leaked.length)
      throw new ModelFailure(
        `the answer contains what looks like a secret (${leaked.join(', ')}); not cached`,
      );
    await writeCacheEntry(options.cacheDir, {
      key: cache.key,
      kind: 'milestone-answers',
      slug: facts.slug,
      model,
      questions: cache.asked,
      answers,
      usage: { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens },
    } satisfies AnswerEntry);
    const applied = applyAnswers(facts, questions, answers, model);
    const count = applied.facts.settled?.filter((s) => s.outcome === 'applied').length ?? 0;
    return {
      facts: applied.facts,
      status: `${count} of ${questions.length} unsure milestone${questions.length === 1 ? '' : 's'} settled by ${model}`,
      warnings: [...warnings, ...applied.warnings],
      fellBack: false,
      usage,
    };
  } catch (cause) {
    const reason = describeFailure(cause, config, await loadSdk());
    return {
      facts,
      status: `milestones kept as the analyzer chose them: ${reason}`,
      warnings: [...warnings, `milestones not settled by a model: ${reason}`],
      fellBack: true,
      usage,
    };
  }
}

/**
 * The milestone settler: for an incident whose milestones the rules are unsure of, applies
 * cached answers where they can be used (unless `refresh`), else asks the model when there is
 * an API key; otherwise the facts stay as the analyzer chose. Its key for a file (part of the
 * pack key) is the answers' cache key and, without an API key, whether answers are cached.
 */
export function createMilestoneSettler(options: MilestoneSettlerOptions): MilestoneSettler {
  const model = options.config.model;
  return {
    keyFor: async (file) => {
      const key = answerKey(file.text, model);
      if (options.apiKey) return `settle:${key}${options.refresh ? ':refresh' : ''}`;
      const cached = await readCacheEntry(options.cacheDir, key, AnswerEntrySchema);
      return `settle:${key}:${cached.status === 'hit' ? 'cached' : 'none'}`;
    },
    settle: async (facts, file): Promise<SettleOutcome> => {
      const usage: ModelUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };
      const unchanged = { facts, status: null, warnings: [], fellBack: false, usage };
      const key = answerKey(file.text, model);
      // Without a key only cached answers apply. The questions re-read every line (a fifth of
      // generate's time on a 1 MiB timeline), so they are worked out only when answers exist.
      if (
        !options.apiKey &&
        (options.refresh ||
          (await readCacheEntry(options.cacheDir, key, AnswerEntrySchema)).status === 'miss')
      )
        return unchanged;
      const questions = milestoneQuestions(facts);
      if (questions.length === 0) return unchanged;
      const warnings: string[] = [];
      const asked = questionsHash(questions);
      const cached = options.refresh
        ? null
        : await readCurrentAnswers(key, asked, options, warnings);
      if (cached) {
        const applied = applyAnswers(facts, questions, cached.answers, cached.model);
        return {
          facts: applied.facts,
          status: `cached milestone answers (${cached.model})`,
          warnings: [...warnings, ...applied.warnings],
          fellBack: false,
          usage,
        };
      }
      if (!options.apiKey) return { ...unchanged, warnings };
      return settleWithModel(facts, questions, { key, asked }, options, warnings, usage);
    },
  };
}
