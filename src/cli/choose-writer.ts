import type { Config } from '../schemas/config.js';
import { builtinWriter } from '../pipeline/write/builtin/builtin-writer.js';
import { createOpenAIWriter } from '../pipeline/write/openai/openai-writer.js';
import type { Writer, WriterUsage } from '../pipeline/write/writer.js';
import { UsageError } from './usage-error.js';

export const writerArgs = {
  writer: {
    type: 'string',
    description:
      'openai (default when OPENAI_API_KEY is set; otherwise cached drafts only) or builtin',
    valueHint: 'openai|builtin',
  },
  cache: {
    type: 'string',
    description: 'Folder of cached LLM drafts (commit it)',
    default: 'incidents/.drafts',
  },
  refresh: {
    type: 'boolean',
    description: 'Ask the model again even where a cached draft exists',
    default: false,
  },
  strict: {
    type: 'boolean',
    description: 'Exit 1 when a draft could not be had and the built-in writer stood in',
    default: false,
  },
  config: { type: 'string', description: 'Config file', default: 'incidentpost.config.json' },
} as const;

/**
 * The writer for this run. With no key the OpenAI writer still reads the cache, so CI builds
 * publish reviewed model text without a secret; `--writer builtin` ignores the cache.
 */
export function chooseWriter(
  args: { writer?: string | undefined; cache: string; refresh: boolean },
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): Writer {
  const id = args.writer ?? 'openai';
  if (id === 'builtin') return builtinWriter;
  if (id !== 'openai') throw new UsageError(`unknown writer "${id}" (expected openai or builtin)`);
  const apiKey = env['OPENAI_API_KEY'] || null;
  if (args.writer === 'openai' && !apiKey)
    throw new UsageError(
      '--writer openai needs OPENAI_API_KEY (set it, or leave out --writer to use cached drafts)',
    );
  return createOpenAIWriter({
    config: config.writer,
    cacheDir: args.cache,
    apiKey,
    baseURL: env['OPENAI_BASE_URL'],
    refresh: args.refresh,
  });
}

export function describeUsage(usage: WriterUsage, config: Config): string | null {
  if (usage.requests === 0) return null;
  const tokens = `${usage.promptTokens.toLocaleString('en-US')} prompt + ${usage.completionTokens.toLocaleString('en-US')} completion tokens`;
  const price = config.writer.pricing;
  const cost = price
    ? `, estimated cost $${((usage.promptTokens * price.inputPerMillion + usage.completionTokens * price.outputPerMillion) / 1e6).toFixed(4)}`
    : '';
  return `LLM: ${usage.requests} request${usage.requests === 1 ? '' : 's'}, ${tokens}${cost}`;
}
