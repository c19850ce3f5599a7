/**
 * Settles the milestones the rules are unsure of by asking a model to choose among the candidate
 * lines, through any OpenAI-compatible endpoint. Answers share the drafts' cache (same folder,
 * same content-hash keys, same atomic writes), the reply byte cap, the per-incident budget and the
 * secret scan. Without a key only cached answers are used; every failure (refusal, timeout, HTTP
 * error, an unusable reply) leaves the analyzer's own choice, with a warning.
 */
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Facts } from '../../../schemas/facts.js';
import {
  type ModelClientOptions,
  describeFailure,
  isSchemaUnsupported,
  loadSdk,
  ModelFailure,
  openChatSession,
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

function questionsHash(questions: readonly MilestoneQuestion[]): string {
  return createHash('sha256').update(JSON.stringify(questions)).digest('hex').slice(0, 16);
}

function parseReply(content: string): Record<string, unknown> {
  const json = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ModelFailure('the reply is not valid JSON');
  }
  const answers = (value as { answers?: unknown } | null)?.answers;
  if (!answers || typeof answers !== 'object' || Array.isArray(answers))
    throw new ModelFailure('the reply has no "answers" object');
  return answers as Record<string, unknown>;
}

export function createMilestoneSettler(options: MilestoneSettlerOptions): MilestoneSettler {
  const { config } = options;
  const model = config.model;

  async function ask(
    facts: Facts,
    questions: readonly MilestoneQuestion[],
    usage: ModelUsage,
  ): Promise<Record<string, unknown>> {
    const { sdk, client, signal, overCap } = await openChatSession({
      config,
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      usage,
    });
    let structured = true;
    const request = async (): Promise<ChatCompletion> => {
      const messages: ChatCompletionMessageParam[] = buildSettleMessages(
        facts,
        questions,
        !structured,
      );
      const body: ChatCompletionCreateParamsNonStreaming = {
        model,
        messages,
        temperature: 0,
        max_tokens: 200 + 150 * questions.length,
        response_format: structured
          ? {
              type: 'json_schema',
              json_schema: {
                name: 'milestone_answers',
                strict: true,
                schema: answerJsonSchema(questions),
              },
            }
          : { type: 'json_object' },
      };
      try {
        return await client.chat.completions.create(body, { signal });
      } catch (cause) {
        if (overCap()) throw new ModelFailure('the reply was larger than the cap');
        if (!structured || !isSchemaUnsupported(cause, sdk)) throw cause;
        structured = false;
        return request();
      }
    };
    const completion = await request();
    usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
    usage.completionTokens += completion.usage?.completion_tokens ?? 0;
    const choice = completion.choices?.[0];
    if (!choice?.message) throw new ModelFailure('the endpoint returned no choices');
    if (choice.message.refusal)
      throw new ModelFailure(`the model refused (${choice.message.refusal.slice(0, 100)})`);
    if (choice.finish_reason === 'content_filter')
      throw new ModelFailure('the reply was stopped by a content filter');
    return parseReply(choice.message.content ?? '');
  }

  /** The answers that name a candidate or "not stated"; each other one gets a warning. */
  function usable(
    questions: readonly MilestoneQuestion[],
    answers: Readonly<Record<string, unknown>>,
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
      if (!options.refresh) {
        const cached = await readCacheEntry(
          options.cacheDir,
          key,
          AnswerEntrySchema,
          'the answer schema',
        );
        const leaked =
          cached.status === 'hit'
            ? await secretRulesIn(cached.entry.answers, options.secretAllow)
            : [];
        if (leaked.length)
          warnings.push(
            `cached milestone answers ${key}.json contain what looks like a secret (${leaked.join(', ')}); ignored: delete the file`,
          );
        if (cached.status === 'corrupt')
          warnings.push(`cache entry ${key}.json is corrupt (${cached.reason}); ignored`);
        // With a key, answers to other questions (the analyzer changed) are asked again.
        const current =
          cached.status === 'hit' && (!options.apiKey || cached.entry.questions === asked);
        if (cached.status === 'hit' && leaked.length === 0 && current) {
          const applied = applyAnswers(facts, questions, cached.entry.answers, cached.entry.model);
          return {
            facts: applied.facts,
            status: `cached milestone answers (${cached.entry.model})`,
            warnings: [...warnings, ...applied.warnings],
            fellBack: false,
            usage,
          };
        }
      }
      if (!options.apiKey) return { ...unchanged, warnings };
      try {
        const reply = await ask(facts, questions, usage);
        const answers = usable(questions, reply, warnings);
        const leaked = await secretRulesIn(answers, options.secretAllow);
        if (leaked.length)
          throw new ModelFailure(
            `the answer contains what looks like a secret (${leaked.join(', ')}); not cached`,
          );
        await writeCacheEntry(options.cacheDir, {
          key,
          kind: 'milestone-answers',
          slug: facts.slug,
          model,
          questions: asked,
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
    },
  };
}
