/**
 * The LLM writer: drafts through any OpenAI-compatible Chat Completions endpoint with the
 * official `openai` package, caches drafts by content hash, and falls back to the built-in
 * writer whenever a draft cannot be had. Without an API key it only reads the cache.
 */
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { Facts } from '../../../schemas/facts.js';
import {
  DRAFT_SCHEMA_VERSION,
  PostmortemDraftSchema,
  type PostmortemDraft,
} from '../../../schemas/postmortem.js';
import type { SourceFile } from '../../load/source-file.js';
import type { Writer, WriteOutcome, WriterUsage } from '../writer.js';
import {
  type ModelClientOptions,
  describeFailure,
  isSchemaUnsupported,
  loadSdk,
  MAX_REPLY_BYTES,
  ModelFailure as DraftFailure,
  openChatSession,
  secretRulesIn as secretsIn,
} from '../../llm/chat-client.js';
import { draftKey, readDraft, writeDraft } from './draft-cache.js';
import { buildMessages, draftJsonSchema, PROMPT_VERSION } from './prompt.js';

export type OpenAIWriterOptions = ModelClientOptions;

/** The built-in writer and the guard load on first use: a run with nothing to draft never needs them. */
const loadBuiltin = () => import('../builtin/builtin-writer.js');
const loadAccept = () => import('./accept-draft.js');

/** The most a reply may be; kept here too for callers that read it from the writer. */
export { MAX_REPLY_BYTES };

function parseDraft(
  content: string,
): { ok: true; draft: PostmortemDraft } | { ok: false; error: string } {
  const json = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'the reply is not valid JSON' };
  }
  const parsed = PostmortemDraftSchema.safeParse(value);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, error: `the reply does not match the schema (${issues.join('; ')})` };
}

export function createOpenAIWriter(options: OpenAIWriterOptions): Writer {
  const { config } = options;
  const keyParts = {
    model: config.model,
    prompt: PROMPT_VERSION,
    schema: DRAFT_SCHEMA_VERSION,
    temperature: config.temperature,
    maxOutputTokens: config.maxOutputTokens,
  };
  const keyOf = (file: SourceFile) => draftKey(file.text, keyParts);
  /**
   * A draft is written from the milestones it was given. Where a model settled some (issue 19),
   * they are part of its key, so a draft cached while the rules' choices stood is not reused
   * once a model's answers change them; the prose then matches the figures.
   */
  const draftKeyFor = (file: SourceFile, facts: Facts): string => {
    const settled = (facts.settled ?? [])
      .filter((s) => s.outcome === 'applied')
      .map((s) => `${s.milestone}@${s.answer?.line ?? 'none'}`)
      .join(',');
    return settled ? draftKey(file.text, { ...keyParts, settled }) : keyOf(file);
  };

  async function requestDraft(
    facts: Facts,
    raw: string,
    usage: WriterUsage,
  ): Promise<PostmortemDraft> {
    const {
      sdk: openai,
      client,
      signal,
      overCap,
    } = await openChatSession({
      config,
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      usage,
    });
    let structured = true;
    let messages: ChatCompletionMessageParam[] = buildMessages(facts, raw, false);
    const ask = async (): Promise<ChatCompletion> => {
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: config.model,
        messages,
        temperature: config.temperature,
        max_tokens: config.maxOutputTokens,
        response_format: structured
          ? {
              type: 'json_schema',
              json_schema: { name: 'postmortem', strict: true, schema: draftJsonSchema() },
            }
          : { type: 'json_object' },
      };
      try {
        return await client.chat.completions.create(body, { signal });
      } catch (cause) {
        if (overCap()) throw new DraftFailure(`the reply was larger than ${MAX_REPLY_BYTES} bytes`);
        if (!structured || !isSchemaUnsupported(cause, openai)) throw cause;
        // Endpoints without structured output (older vLLM, some proxies): JSON mode, schema in the prompt.
        structured = false;
        messages = buildMessages(facts, raw, true);
        return ask();
      }
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const completion = await ask();
      usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
      usage.completionTokens += completion.usage?.completion_tokens ?? 0;
      const choice = completion.choices?.[0];
      if (!choice?.message) throw new DraftFailure('the endpoint returned no choices');
      if (choice.message.refusal)
        throw new DraftFailure(`the model refused (${choice.message.refusal.slice(0, 100)})`);
      if (choice.finish_reason === 'content_filter')
        throw new DraftFailure('the reply was stopped by a content filter');
      const content = choice.message.content ?? '';
      const parsed = parseDraft(content);
      if (parsed.ok) return parsed.draft;
      if (attempt === 1) throw new DraftFailure(`${parsed.error}, after one repair attempt`);
      messages = [
        ...messages,
        { role: 'assistant', content },
        {
          role: 'user',
          content: `That reply was not usable: ${parsed.error}. Reply again with only the corrected JSON object.`,
        },
      ];
    }
    throw new DraftFailure('no usable reply');
  }

  return {
    id: 'openai',
    keyFor: async (file) => {
      const key = keyOf(file);
      if (options.apiKey && options.refresh) return `openai:${key}:refresh`;
      if (options.apiKey) return `openai:${key}`;
      return `openai:${key}:${(await readDraft(options.cacheDir, key)).status === 'hit' ? 'cached' : 'none'}`;
    },
    write: async (facts, file): Promise<WriteOutcome> => {
      const usage: WriterUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };
      const warnings: string[] = [];
      const key = draftKeyFor(file, facts);
      if (!options.refresh) {
        const cached = await readDraft(options.cacheDir, key);
        const leaked =
          cached.status === 'hit' ? await secretsIn(cached.entry.draft, options.secretAllow) : [];
        if (leaked.length)
          warnings.push(
            `cached draft ${key}.json contains what looks like a secret (${leaked.join(', ')}); ignored: delete it`,
          );
        if (cached.status === 'hit' && leaked.length === 0) {
          const accepted = (await loadAccept()).acceptDraft(cached.entry.draft, facts, file.text);
          return {
            document: accepted.document,
            status: `cached draft (${cached.entry.model})`,
            warnings: accepted.warnings,
            fellBack: false,
            usage,
          };
        }
        if (cached.status === 'corrupt')
          warnings.push(`draft cache entry ${key}.json is corrupt (${cached.reason}); ignored`);
      }
      if (!options.apiKey) {
        return {
          document: (await loadBuiltin()).writeBuiltin(facts),
          status: 'built-in writer (no OPENAI_API_KEY, no cached draft)',
          warnings,
          fellBack: false,
          usage,
        };
      }
      try {
        const draft = await requestDraft(facts, file.text, usage);
        const leaked = await secretsIn(draft, options.secretAllow);
        // Never cached: a committed draft with a secret would leak through the repository.
        if (leaked.length)
          throw new DraftFailure(
            `the draft contains what looks like a secret (${leaked.join(', ')}); not cached`,
          );
        await writeDraft(options.cacheDir, {
          key,
          slug: facts.slug,
          model: config.model,
          draft,
          usage: { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens },
        });
        const accepted = (await loadAccept()).acceptDraft(draft, facts, file.text);
        return {
          document: accepted.document,
          status: `drafted by ${config.model}`,
          warnings: [...warnings, ...accepted.warnings],
          fellBack: false,
          usage,
        };
      } catch (cause) {
        const reason = describeFailure(cause, config, await loadSdk());
        return {
          document: (await loadBuiltin()).writeBuiltin(facts),
          status: `fell back to the built-in writer: ${reason}`,
          warnings: [...warnings, `no draft: ${reason}`],
          fellBack: true,
          usage,
        };
      }
    },
  };
}
