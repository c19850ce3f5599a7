import type { MilestoneSettler } from '../pipeline/analyze/ask-model/settle-milestones.js';
import type { Config } from '../schemas/config.js';
import { UsageError } from './usage-error.js';

/**
 * The milestone settler for this run, or null when none is wanted. `ask` says whether this
 * command may ask a model (generate and build: yes when a key is set; analyze and check: with
 * `--llm` or `analysis.llm: true`); without asking it still reads cached answers, so a build
 * without a key publishes the answers a reviewer saw. `analysis.llm: false` turns it off.
 */
export async function chooseSettler(
  args: { cache: string; refresh: boolean; llm?: boolean },
  config: Config,
  mayAsk: boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MilestoneSettler | null> {
  if (config.analysis.llm === false) {
    if (args.llm) throw new UsageError('--llm conflicts with "analysis.llm": false in the config');
    return null;
  }
  const apiKey = env['OPENAI_API_KEY'] || null;
  if (args.llm && !apiKey)
    throw new UsageError('--llm needs OPENAI_API_KEY (without it, cached answers are used)');
  const ask = mayAsk || args.llm === true || config.analysis.llm === true;
  const { createMilestoneSettler } =
    await import('../pipeline/analyze/ask-model/settle-milestones.js');
  return createMilestoneSettler({
    config: config.writer,
    cacheDir: args.cache,
    apiKey: ask ? apiKey : null,
    baseURL: env['OPENAI_BASE_URL'],
    refresh: args.refresh,
    secretAllow: config.secrets.allow,
  });
}
