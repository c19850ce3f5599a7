import type { Config } from '../schemas/config.js';
import type { Writer, WriterUsage } from '../pipeline/write/writer.js';
import { UsageError } from './usage-error.js';

/**
 * The writer for this run. With no key the OpenAI writer still reads the cache, so CI builds
 * publish reviewed model text without a secret; `--writer builtin` ignores the cache.
 */
export async function chooseWriter(
  args: { writer?: string | undefined; cache: string; refresh: boolean },
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Writer> {
  const id = args.writer ?? 'openai';
  // Writers load on demand: a run where nothing changed never needs them.
  if (id === 'builtin')
    return (await import('../pipeline/write/builtin/builtin-writer.js')).builtinWriter;
  if (id !== 'openai') throw new UsageError(`unknown writer "${id}" (expected openai or builtin)`);
  const apiKey = env['OPENAI_API_KEY'] || null;
  if (args.writer === 'openai' && !apiKey)
    throw new UsageError(
      '--writer openai needs OPENAI_API_KEY (set it, or leave out --writer to use cached drafts)',
    );
  const { createOpenAIWriter } = await import('../pipeline/write/openai/openai-writer.js');
  return createOpenAIWriter({
    config: config.writer,
    cacheDir: args.cache,
    apiKey,
    baseURL: env['OPENAI_BASE_URL'],
    refresh: args.refresh,
    secretAllow: config.secrets.allow,
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
