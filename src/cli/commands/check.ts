import { defineCommand } from 'citty';
import { analyzeSource } from '../../pipeline/analyze-source.js';
import { hasErrors } from '../../pipeline/diagnostics.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { loadIncidents } from '../../pipeline/load/load-incidents.js';
import { scanTexts } from '../../pipeline/publish/scan-inputs.js';
import { authorHints } from '../../pipeline/write/builtin/author-hints.js';
import type { Facts } from '../../schemas/facts.js';
import { writerArgs } from '../args.js';
import { chooseSettler } from '../choose-settler.js';
import { printDiagnostics, progress } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';

const args = {
  paths: {
    type: 'positional',
    description: 'Incident files or folders (default: incidents)',
    required: false,
  },
  config: { type: 'string', description: 'Config file', default: 'incidentpost.config.json' },
  cache: writerArgs.cache,
  llm: {
    type: 'boolean',
    description:
      'Ask the model (OPENAI_API_KEY) to settle the milestones the rules are unsure of; without it, cached answers are shown',
    default: false,
  },
} as const;

/** One line per milestone a model settled: what it chose, and what the rules had chosen. */
function settledLines(path: string, facts: Facts): string[] {
  return (facts.settled ?? []).map((entry) => {
    const line = entry.answer?.line ?? entry.rules?.line ?? 1;
    const chose = entry.answer ? `line ${entry.answer.line}` : 'not stated';
    const rules = entry.rules ? `the rules chose line ${entry.rules.line}` : 'the rules found none';
    const what =
      entry.outcome === 'applied'
        ? `${entry.milestone} settled by ${entry.model}: ${chose} (${rules}): ${entry.reason}`
        : `${entry.milestone}: ${entry.model} chose ${chose}, refused (${entry.refusal ?? ''}); ${rules}`;
    return `${path}:${line}: note: ${what}\n`;
  });
}

export const checkCommand = defineCommand({
  meta: {
    name: 'incidentpost check',
    description: 'Check incident files for problems without writing anything',
  },
  args,
  run: async ({ rawArgs, args: parsed }) => {
    rejectUnknownFlags(rawArgs, args);
    const paths = parsed._.length ? parsed._ : ['incidents'];
    const { files, diagnostics } = await loadIncidents(paths);
    const loaded = await loadConfig(parsed.config);
    diagnostics.push(...loaded.diagnostics);
    // Cached answers only, unless --llm or "analysis.llm": true: check is free and offline.
    const settler = loaded.config
      ? await chooseSettler({ ...parsed, refresh: false }, loaded.config, false)
      : null;
    const notes: string[] = [];
    for (const file of files) {
      // The same secret and personal-data scan as build, so check says what build would stop on.
      const result = analyzeSource(file, { cues: loaded.config?.analysis.cues });
      const found = [
        ...result.diagnostics,
        ...(loaded.config
          ? scanTexts([{ path: file.path, content: file.text }], loaded.config)
          : []),
      ];
      diagnostics.push(...found);
      if (result.facts) {
        diagnostics.push(...authorHints(result.facts, file.path));
        const settled = settler ? await settler.settle(result.facts, file) : null;
        if (settled) notes.push(...settledLines(file.path, settled.facts));
      }
      progress(`${file.path}: ${hasErrors(found) ? 'errors' : 'ok'}`);
    }
    printDiagnostics(diagnostics);
    for (const note of notes) process.stdout.write(note);
    const failedFiles = new Set(
      diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
    );
    // "1 ok" beside ten warnings read as all clear to a fresh user: warned files are counted apart.
    const warnedFiles = new Set(
      diagnostics.filter((d) => d.severity === 'warning').map((d) => d.file),
    );
    const clean = files.filter(
      (file) => !failedFiles.has(file.path) && !warnedFiles.has(file.path),
    ).length;
    const failed = files.filter((file) => failedFiles.has(file.path)).length;
    process.stdout.write(
      `checked ${files.length} incident files: ${clean} clean, ${files.length - clean - failed} with warnings only, ${failed} with errors\n`,
    );
    if (hasErrors(diagnostics)) process.exitCode = 1;
  },
});
