/**
 * Reads `incidentpost.config.json` once, validates it, and applies environment overrides. The
 * rest of the code gets typed, validated settings.
 */
import { readFile } from 'node:fs/promises';
import { ConfigSchema, type Config } from '../../schemas/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { issuePath, parseWithDiagnostics, yamlLocator } from '../schema-diagnostics.js';

export const CONFIG_FILE = 'incidentpost.config.json';

/** Environment variables win over the file, so CI can set them without editing it. */
export function applyEnvironment(config: Config, env: NodeJS.ProcessEnv): Config {
  const number = (value: string | undefined, fallback: number) =>
    value && Number.isFinite(Number(value)) ? Number(value) : fallback;
  return {
    ...config,
    site: {
      ...config.site,
      url: env['SITE_URL'] || config.site.url,
      base: env['BASE_PATH'] || config.site.base,
      repository: env['REPOSITORY_URL'] || config.site.repository,
    },
    writer: {
      ...config.writer,
      model: env['INCIDENTPOST_MODEL'] || env['OPENAI_MODEL'] || config.writer.model,
      concurrency: number(env['INCIDENTPOST_CONCURRENCY'], config.writer.concurrency),
      requestTimeoutMs: number(env['INCIDENTPOST_TIMEOUT_MS'], config.writer.requestTimeoutMs),
      totalBudgetMs: number(env['INCIDENTPOST_BUDGET_MS'], config.writer.totalBudgetMs),
      maxRetries: number(env['INCIDENTPOST_MAX_RETRIES'], config.writer.maxRetries),
    },
  };
}

export async function loadConfig(
  path = CONFIG_FILE,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ config: Config | null; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
      return { config: applyEnvironment(ConfigSchema.parse({}), env), diagnostics: [] };
    throw cause;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return {
      config: null,
      diagnostics: [
        error(
          'config/json',
          path,
          { line: 1 },
          `config is not valid JSON (${(cause as Error).message})`,
          'check for trailing commas and unquoted keys',
        ),
      ],
    };
  }
  const parsed = parseWithDiagnostics(ConfigSchema, json, {
    code: 'config/invalid',
    file: path,
    subject: 'config',
    locate: yamlLocator(text),
    hint: 'see the Configuration section of README.md for the fields and their types',
  });
  if (!parsed.success) return { config: null, diagnostics: parsed.diagnostics };
  const checked = parseWithDiagnostics(ConfigSchema, applyEnvironment(parsed.data, env), {
    code: 'config/env',
    file: '<environment>',
    message: (issue) => `${issuePath(issue)} from the environment: ${issue.message}`,
    hint: 'check SITE_URL, BASE_PATH and INCIDENTPOST_* variables',
  });
  if (!checked.success) return { config: null, diagnostics: checked.diagnostics };
  return { config: checked.data, diagnostics: [] };
}
