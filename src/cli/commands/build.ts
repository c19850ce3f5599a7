import { defineCommand } from 'citty';
import { buildSite, scanInputs } from '../../pipeline/publish/build-site.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';
import { generateArgs, runGenerate } from './generate.js';

const buildArgs = {
  ...generateArgs,
  out: { type: 'string', description: 'Where the static site is written', default: 'dist' },
  packs: {
    type: 'string',
    description: 'Where packs are written before the site reads them',
    default: 'generated',
  },
} as const;

export const buildCommand = defineCommand({
  meta: {
    name: 'incidentpost build',
    description:
      'generate → secret scan → Astro build → Pagefind index, swapped into the output folder only when every step succeeds',
  },
  args: buildArgs,
  run: async ({ rawArgs, args }) => {
    rejectUnknownFlags(rawArgs, buildArgs);
    const started = Date.now();
    const leaks = await scanInputs({ incidents: args.incidents, drafts: args.cache });
    if (leaks.length) {
      printDiagnostics(leaks);
      process.stderr.write(`build stopped: nothing was generated or written to ${args.out}\n`);
      process.exitCode = 1;
      return;
    }
    const generated = await runGenerate({ ...args, out: args.packs });
    const generateSeconds = (Date.now() - started) / 1000;
    if (generated.code !== 0) {
      process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
      process.exitCode = generated.code;
      return;
    }
    const { diagnostics, timings } = await buildSite({
      incidents: args.incidents,
      packs: args.packs,
      drafts: args.cache,
      out: args.out,
      configFile: args.config,
    });
    printDiagnostics(diagnostics);
    if (diagnostics.length) {
      process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
      process.exitCode = 1;
      return;
    }
    const total = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `site written to ${args.out} in ${total} s (scan and generate ${generateSeconds.toFixed(1)} s, ${timings.join(', ')})\n`,
    );
  },
});
