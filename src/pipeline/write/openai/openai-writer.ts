/**
 * The LLM writer: drafts through any OpenAI-compatible Chat Completions endpoint with the
 * official `openai` package, caches drafts by content hash, and falls back to the built-in
 * writer whenever a draft cannot be had. Without an API key it only reads the cache.
 */
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { WriterConfig } from '../../../schemas/config.js';
import type { Facts } from '../../../schemas/facts.js';
import {
  DRAFT_SCHEMA_VERSION,
  PostmortemDraftSchema,
  type PostmortemDraft,
} from '../../../schemas/postmortem.js';
import type { SourceFile } from '../../load/source-file.js';
import type { Writer, WriteOutcome, WriterUsage } from '../writer.js';
import { openJsonAsker, parseJsonReply } from '../../llm/ask-for-json.js';
import {
  type ModelClientOptions,
  describeFailure,
  loadSdk,
  MAX_REPLY_BYTES,
  ModelFailure as DraftFailure,
  secretRulesIn as secretsIn,
} from '../../llm/chat-client.js';
import { draftKey, readDraft, writeDraft, type DraftEntry } from './draft-cache.js';
import { buildMessages, draftJsonSchema, PROMPT_VERSION } from './prompt.js';

export type OpenAIWriterOptions = ModelClientOptions;

/** The built-in writer and the guard load on first use: a run with nothing to draft never needs them. */
const loadBuiltin = () => import('../builtin/builtin-writer.js');
const loadAccept = () => import('./accept-draft.js');

/** The most a reply may be; kept here too for callers that read it from the writer. */
export { MAX_REPLY_BYTES };

/** Everything besides the input text that decides a draft: the parts of its cache key. */
type DraftKeyParts = Record<string, string | number>;

function draftKeyParts(config: WriterConfig): DraftKeyParts {
  return {
    model: config.model,
    prompt: PROMPT_VERSION,
    schema: DRAFT_SCHEMA_VERSION,
    temperature: config.temperature,
    maxOutputTokens: config.maxOutputTokens,
  };
}

/**
 * A draft's cache key (sha256, hex). A draft is written from the milestones it was given. Where
 * a model settled some (issue 19), they are part of its key, so a draft cached while the rules'
 * choices stood is not reused once a model's answers change them; the prose then matches the
 * figures.
 */
function draftKeyFor(file: SourceFile, facts: Facts, keyParts: DraftKeyParts): string {
  const settled = (facts.settled ?? [])
    .filter((s) => s.outcome === 'applied')
    .map((s) => `${s.milestone}@${s.answer?.line ?? 'none'}`)
    .join(',');
  return draftKey(file.text, settled ? { ...keyParts, settled } : keyParts);
}

/** A reply's draft, or why it cannot be used (the words the repair request sends back). */
function parseDraft(
  content: string,
): { ok: true; draft: PostmortemDraft } | { ok: false; error: string } {
  const json = parseJsonReply(content);
  if (!json.ok) return json;
  const parsed = PostmortemDraftSchema.safeParse(json.value);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, error: `the reply does not match the schema (${issues.join('; ')})` };
}

/**
 * Asks the model for a draft of the postmortem from `facts` and the raw timeline. A reply that
 * is not a valid draft is sent back once with what is wrong (the repair attempt). Adds requests
 * and tokens to `usage`. Throws DraftFailure (a reason in words) or the SDK's error.
 */
async function requestDraft(
  facts: Facts,
  raw: string,
  usage: WriterUsage,
  options: OpenAIWriterOptions,
): Promise<PostmortemDraft> {
  const ask = await openJsonAsker(
    options,
    {
      temperature: options.config.temperature,
      maxTokens: options.config.maxOutputTokens,
      schemaName: 'postmortem',
      schema: draftJsonSchema(),
    },
    usage,
  );
  const repair: ChatCompletionMessageParam[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const content = await ask((schemaInPrompt) => [
      ...buildMessages(facts, raw, schemaInPrompt),
      ...repair,
    ]);
    const parsed = parseDraft(content);
    if (parsed.ok) return parsed.draft;
    if (attempt === 1) throw new DraftFailure(`${parsed.error}, after one repair attempt`);
    repair.push(
      { role: 'assistant', content },
      {
        role: 'user',
        content: `That reply was not usable: ${parsed.error}. Reply again with only the corrected JSON object.`,
      },
    );
  }
  throw new DraftFailure('no usable reply');
}

/**
 * The cached draft for `key` when it can be used, else null. A corrupt entry, or one holding
 * what looks like a secret, is ignored with a warning pushed to `warnings`.
 */
async function readUsableDraft(
  key: string,
  options: OpenAIWriterOptions,
  warnings: string[],
): Promise<DraftEntry | null> {
  const cached = await readDraft(options.cacheDir, key);
  const leaked =
    cached.status === 'hit' ? await secretsIn(cached.entry.draft, options.secretAllow) : [];
  if (leaked.length)
    warnings.push(
      `cached draft ${key}.json contains what looks like a secret (${leaked.join(', ')}); ignored: delete it`,
    );
  if (cached.status === 'hit' && leaked.length === 0) return cached.entry;
  if (cached.status === 'corrupt')
    warnings.push(`draft cache entry ${key}.json is corrupt (${cached.reason}); ignored`);
  return null;
}

/**
 * Drafts with the model, caches the draft under `key` and turns it into the postmortem through
 * the faithfulness guard. Any failure (HTTP, timeout, budget, refusal, an unusable reply, a
 * secret in the draft) gives the built-in writer's document instead, `fellBack` and a warning.
 */
async function draftWithModel(
  facts: Facts,
  file: SourceFile,
  key: string,
  options: OpenAIWriterOptions,
  warnings: string[],
  usage: WriterUsage,
): Promise<WriteOutcome> {
  const { config } = options;
  try {
    const draft = await requestDraft(facts, file.text, usage, options);
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
}

/**
 * The OpenAI writer: a cached draft where one is usable (unless `refresh`), else a new draft
 * from the model when there is an API key, else the built-in writer's document. Its key for a
 * file (part of the pack key) is the draft's cache key and, without an API key, whether that
 * draft is cached.
 */
export function createOpenAIWriter(options: OpenAIWriterOptions): Writer {
  const keyParts = draftKeyParts(options.config);
  return {
    id: 'openai',
    keyFor: async (file) => {
      const key = draftKey(file.text, keyParts);
      if (options.apiKey && options.refresh) return `openai:${key}:refresh`;
      if (options.apiKey) return `openai:${key}`;
      return `openai:${key}:${(await readDraft(options.cacheDir, key)).status === 'hit' ? 'cached' : 'none'}`;
    },
    write: async (facts, file): Promise<WriteOutcome> => {
      const usage: WriterUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };
      const warnings: string[] = [];
      const key = draftKeyFor(file, facts, keyParts);
      const cached = options.refresh ? null : await readUsableDraft(key, options, warnings);
      if (cached) {
        const accepted = (await loadAccept()).acceptDraft(cached.draft, facts, file.text);
        return {
          document: accepted.document,
          status: `cached draft (${cached.model})`,
          warnings: accepted.warnings,
          fellBack: false,
          usage,
        };
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
      return draftWithModel(facts, file, key, options, warnings, usage);
    },
  };
}
