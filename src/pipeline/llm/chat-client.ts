/**
 * What every model request shares: the official `openai` client pointed at any
 * OpenAI-compatible endpoint, the reply byte cap, the per-incident time budget, usage counting
 * and the words a failure is reported in. The postmortem writer and the milestone settler both
 * ask through it.
 */
import type * as OpenAISdk from 'openai';
import type { SecretAllow, WriterConfig } from '../../schemas/config.js';

export type Sdk = typeof OpenAISdk;
let sdk: Promise<Sdk> | null = null;
/** The SDK loads on first use: a run with nothing to ask never needs it. */
export const loadSdk = (): Promise<Sdk> => (sdk ??= import('openai'));

/** What the writer and the settler are each given to ask a model and keep its replies. */
export interface ModelClientOptions {
  config: WriterConfig;
  cacheDir: string;
  /** Null means offline: cached replies only. */
  apiKey: string | null;
  /** Defaults to OPENAI_BASE_URL, then OpenAI's own endpoint. */
  baseURL?: string | undefined;
  /** Ask again even where a cached reply exists. */
  refresh?: boolean;
  /** Secrets the config accepts (`secrets.allow`): the same allowlist as every other scan. */
  secretAllow?: readonly SecretAllow[];
}

/** Requests and tokens, for the cost line. */
export interface ModelUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** A reason a reply could not be used, in words for the "fell back" line. */
export class ModelFailure extends Error {}

/**
 * The most a reply may be, read as it streams in: a draft within `maxOutputTokens` (4,000 by
 * default, about 16 KB of JSON) is far below it, and an endless or runaway reply is cut off
 * here instead of filling memory.
 */
export const MAX_REPLY_BYTES = 1024 * 1024;

/** `response` with a body that errors (and calls `onOver`) once more than `limit` bytes came. */
function capResponse(response: Response, limit: number, onOver: () => void): Response {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    onOver();
    void response.body?.cancel();
    throw new ModelFailure(`the reply was larger than ${limit} bytes`);
  }
  if (!response.body) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          onOver();
          controller.error(new ModelFailure(`the reply was larger than ${limit} bytes`));
        } else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export interface ChatSession {
  sdk: Sdk;
  client: OpenAISdk.default;
  /** Aborts at the end of the per-incident budget or when a reply goes over the byte cap. */
  signal: AbortSignal;
  /** True once a reply went over `MAX_REPLY_BYTES`: the request was aborted, not retried. */
  overCap: () => boolean;
}

/**
 * A client for one incident's requests: `config.requestTimeoutMs` per request,
 * `config.maxRetries` retries (the SDK's backoff, honouring Retry-After), and a signal that ends
 * everything after `config.totalBudgetMs`. Every HTTP request, retries included, is counted in
 * `usage.requests`.
 */
export async function openChatSession(options: {
  config: WriterConfig;
  apiKey: string | null;
  baseURL?: string | undefined;
  usage: ModelUsage;
}): Promise<ChatSession> {
  const openai = await loadSdk();
  const cap = new AbortController();
  const client = new openai.default({
    apiKey: options.apiKey ?? '',
    baseURL: options.baseURL ?? process.env['OPENAI_BASE_URL'] ?? null,
    timeout: options.config.requestTimeoutMs,
    maxRetries: options.config.maxRetries,
    fetch: async (url, init) => {
      options.usage.requests++;
      return capResponse(await fetch(url, init), MAX_REPLY_BYTES, () => cap.abort());
    },
  });
  const signal = AbortSignal.any([AbortSignal.timeout(options.config.totalBudgetMs), cap.signal]);
  return { sdk: openai, client, signal, overCap: () => cap.signal.aborted };
}

/** The failure in words: a budget, a timeout, an HTTP status, or our own reason. */
export function describeFailure(
  cause: unknown,
  config: WriterConfig,
  { APIConnectionTimeoutError, APIError, APIUserAbortError }: Sdk,
): string {
  if (cause instanceof ModelFailure) return cause.message;
  if (cause instanceof APIUserAbortError)
    return `no reply within the ${Math.round(config.totalBudgetMs / 1000)} s budget`;
  if (cause instanceof APIConnectionTimeoutError)
    return `the endpoint did not answer within ${config.requestTimeoutMs} ms (${config.maxRetries + 1} tries)`;
  if (cause instanceof APIError) {
    if (cause.status === undefined) return `could not reach the endpoint (${cause.message})`;
    return `HTTP ${cause.status} from the endpoint (${cause.message.slice(0, 120)})`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/** True when the endpoint rejected `response_format: json_schema` (older vLLM, some proxies). */
export function isSchemaUnsupported(cause: unknown, { APIError }: Sdk): boolean {
  return (
    cause instanceof APIError &&
    (cause.status === 400 || cause.status === 422) &&
    /response_format|json_schema|schema/i.test(cause.message)
  );
}

/** Every string in a reply, one per line: what the secret scanner reads. */
function replyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(replyText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(replyText).join('\n');
  return '';
}

/**
 * The secret-scan rules any string in `reply` trips (hits in `allow`, the config's
 * `secrets.allow`, do not count). A reply that trips one is never cached and
 * never used: a committed cache entry with a secret would leak through the repository.
 */
export async function secretRulesIn(
  reply: unknown,
  allow: readonly SecretAllow[] = [],
): Promise<string[]> {
  const { scanSecrets } = await import('../scan/secrets.js');
  return [...new Set(scanSecrets(replyText(reply), { allow }).map((finding) => finding.rule))];
}
