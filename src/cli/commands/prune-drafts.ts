import { defineCommand } from 'citty';
import { answerKey } from '../../pipeline/analyze/ask-model/settle-milestones.js';
import { loadIncidents } from '../../pipeline/load/load-incidents.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { draftKey, pruneDrafts } from '../../pipeline/write/openai/draft-cache.js';
import { DRAFT_SCHEMA_VERSION } from '../../schemas/postmortem.js';
import { PROMPT_VERSION } from '../../pipeline/write/openai/prompt.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';

const args = {
  incidents: { type: 'string', description: 'Folder of incident timelines', default: 'incidents' },
  cache: {
    type: 'string',
    description: 'Folder of cached LLM drafts',
    default: 'incidents/.drafts',
  },
  config: { type: 'string', description: 'Config file', default: 'incidentpost.config.json' },
} as const;

export const pruneDraftsCommand = defineCommand({
  meta: {
    name: 'incidentpost prune-drafts',
    description:
      'Delete cached LLM drafts that no current incident uses (with the configured model)',
  },
  args,
  run: async ({ rawArgs, args: parsed }) => {
    rejectUnknownFlags(rawArgs, args);
    const { config, diagnostics } = await loadConfig(parsed.config);
    const loaded = await loadIncidents([parsed.incidents]);
    // Refuse to prune on a partial view: a file that failed to load would lose its draft.
    if (!config || loaded.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics([...diagnostics, ...loaded.diagnostics]);
      process.exitCode = 1;
      return;
    }
    const parts = {
      model: config.writer.model,
      prompt: PROMPT_VERSION,
      schema: DRAFT_SCHEMA_VERSION,
      temperature: config.writer.temperature,
      maxOutputTokens: config.writer.maxOutputTokens,
    };
    // Drafts and milestone answers share the folder: keep both for every current incident.
    const keep = new Set(
      loaded.files.flatMap((file) => [
        draftKey(file.text, parts),
        answerKey(file.text, config.writer.model),
      ]),
    );
    const removed = await pruneDrafts(parsed.cache, keep);
    for (const name of removed) process.stdout.write(`removed ${parsed.cache}/${name}\n`);
    process.stdout.write(
      `pruned ${removed.length} draft${removed.length === 1 ? '' : 's'}, kept those of ${loaded.files.length} incidents\n`,
    );
  },
});
