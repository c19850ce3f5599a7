import { defineCommand } from 'citty';
import { analyzeSource } from '../../pipeline/analyze-source.js';
import { hasErrors } from '../../pipeline/diagnostics.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { loadIncidents } from '../../pipeline/load/load-incidents.js';
import { scanTexts } from '../../pipeline/publish/scan-inputs.js';
import { authorHints } from '../../pipeline/write/builtin/author-hints.js';
import { printDiagnostics, progress } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';

const args = {
  paths: {
    type: 'positional',
    description: 'Incident files or folders (default: incidents)',
    required: false,
  },
  config: { type: 'string', description: 'Config file', default: 'incidentpost.config.json' },
} as const;

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
    for (const file of files) {
      // The same secret and personal-data scan as build, so check says what build would stop on.
      const result = analyzeSource(file);
      const found = [
        ...result.diagnostics,
        ...(loaded.config
          ? scanTexts([{ path: file.path, content: file.text }], loaded.config)
          : []),
      ];
      diagnostics.push(...found);
      if (result.facts) diagnostics.push(...authorHints(result.facts, file.path));
      progress(`${file.path}: ${hasErrors(found) ? 'errors' : 'ok'}`);
    }
    printDiagnostics(diagnostics);
    const failedFiles = new Set(
      diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
    );
    const ok = files.filter((file) => !failedFiles.has(file.path)).length;
    process.stdout.write(
      `checked ${ok + failedFiles.size} incident files: ${ok} ok, ${failedFiles.size} with errors\n`,
    );
    if (hasErrors(diagnostics)) process.exitCode = 1;
  },
});
