/**
 * Asking a model for one JSON object, the way the postmortem writer and the milestone settler
 * both do: structured output where the endpoint has it, JSON mode with the schema in the prompt
 * where it does not, and the same checks on the reply before anyone reads it.
 */
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import {
  isSchemaUnsupported,
  MAX_REPLY_BYTES,
  ModelFailure,
  openChatSession,
  type ModelClientOptions,
  type ModelUsage,
} from './chat-client.js';

/** What every request of one asker sends besides the model (`config.model`) and the messages. */
export interface JsonRequest {
  temperature: number;
  /** `max_tokens`: the most the reply may be, in tokens. */
  maxTokens: number;
  /** `response_format.json_schema`: the reply's name and its strict JSON Schema. */
  schemaName: string;
  schema: Record<string, unknown>;
}

/**
 * The messages of a request. `schemaInPrompt` is true once the endpoint rejected structured
 * output: the messages then carry the JSON Schema themselves (`response_format: json_object`).
 */
export type JsonMessages = (schemaInPrompt: boolean) => ChatCompletionMessageParam[];

/**
 * An asker over one chat session (openChatSession: one incident's time budget, retries and
 * byte cap, every HTTP request counted in `usage`). Each call sends `messages` to
 * `client.config.model` and returns the reply's text (the JSON, still to be parsed). The first
 * request asks for `json_schema` output; an endpoint that rejects it (HTTP 400 or 422 naming the
 * schema: older vLLM, some proxies) is asked again, and from then on, in JSON mode. Adds each
 * reply's tokens to `usage`. Throws ModelFailure for a reply over MAX_REPLY_BYTES, no choices, a
 * refusal or a content-filter stop; any other failure (HTTP, timeout, the budget's abort) is the
 * SDK's error, for `describeFailure`.
 */
export async function openJsonAsker(
  client: Pick<ModelClientOptions, 'config' | 'apiKey' | 'baseURL'>,
  request: JsonRequest,
  usage: ModelUsage,
): Promise<(messages: JsonMessages) => Promise<string>> {
  const session = await openChatSession({
    config: client.config,
    apiKey: client.apiKey,
    baseURL: client.baseURL,
    usage,
  });
  let structured = true;
  const complete = async (messages: JsonMessages): Promise<ChatCompletion> => {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: client.config.model,
      messages: messages(!structured),
      temperature: request.temperature,
      max_tokens: request.maxTokens,
      response_format: structured
        ? {
            type: 'json_schema',
            json_schema: { name: request.schemaName, strict: true, schema: request.schema },
          }
        : { type: 'json_object' },
    };
    try {
      return await session.client.chat.completions.create(body, { signal: session.signal });
    } catch (cause) {
      if (session.overCap())
        throw new ModelFailure(`the reply was larger than ${MAX_REPLY_BYTES} bytes`);
      if (!structured || !isSchemaUnsupported(cause, session.sdk)) throw cause;
      structured = false;
      return complete(messages);
    }
  };
  return async (messages) => {
    const completion = await complete(messages);
    usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
    usage.completionTokens += completion.usage?.completion_tokens ?? 0;
    const choice = completion.choices?.[0];
    if (!choice?.message) throw new ModelFailure('the endpoint returned no choices');
    if (choice.message.refusal)
      throw new ModelFailure(`the model refused (${choice.message.refusal.slice(0, 100)})`);
    if (choice.finish_reason === 'content_filter')
      throw new ModelFailure('the reply was stopped by a content filter');
    return choice.message.content ?? '';
  };
}

/**
 * A reply's JSON value, read past a Markdown code fence (```json … ```) some models wrap it in;
 * `ok: false` with "the reply is not valid JSON" when it does not parse.
 */
export function parseJsonReply(
  content: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const json = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, error: 'the reply is not valid JSON' };
  }
}
