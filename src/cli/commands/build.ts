import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import { packsAreCurrent } from '../../pipeline/generate.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { buildSite, scanInputs } from '../../pipeline/publish/build-site.js';
import { chooseWriter } from '../choose-writer.js';
import type { GenerateArgs } from './generate.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';
import { generateArgs } from '../args.js';

const buildArgs = {
  ...generateArgs,
  out: { type: 'string', description: 'Where the static site is written', default: 'dist' },
  packs: {
    type: 'string',
    description: 'Where packs are written before the site reads them',
    default: 'generated',
  },
} as const;

/** `incidentpost generate` with the build's own options, in a child process; its exit code. */
function runGenerateProcess(rawArgs: readonly string[], packs: string): Promise<number> {
  const args: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const raw = rawArgs[i] ?? '';
    // --out and --packs mean different things to build; generate writes to the packs folder.
    if (/^--(out|packs)$/.test(raw)) i++;
    else if (!/^--(out|packs)=/.test(raw)) args.push(raw);
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('../main.js', import.meta.url)), 'generate', ...args, '--out', packs],
      { stdio: 'inherit' },
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * When every pack is current (a warm CI build), say so as generate would and skip starting a
 * process for it: the check reads the same files generate would.
 */
async function packsUnchanged(
  args: Pick<GenerateArgs, 'incidents' | 'writer' | 'cache' | 'refresh' | 'config'> & {
    packs: string;
  },
): Promise<boolean> {
  const { config } = await loadConfig(args.config);
  if (!config) return false;
  const { current, count } = await packsAreCurrent({
    inputs: [args.incidents],
    out: args.packs,
    writer: await chooseWriter(args, config),
  });
  if (current) process.stdout.write(`generated 0, unchanged ${count}, failed 0 → ${args.packs}\n`);
  return current;
}

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
    const leaks = await scanInputs({
      incidents: args.incidents,
      drafts: args.cache,
      cacheFile: join(args.packs, '.secret-scan.json'),
    });
    if (leaks.length) {
      printDiagnostics(leaks);
      process.stderr.write(`build stopped: nothing was generated or written to ${args.out}\n`);
      process.exitCode = 1;
      return;
    }
    const generated = (await packsUnchanged(args))
      ? 0
      : // Generation runs in its own process, so its memory is returned before Astro starts:
        // at 1,000 incidents this keeps the build's peak a few hundred MB lower.
        await runGenerateProcess(rawArgs, args.packs);
    if (generated !== 0) {
      process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
      process.exitCode = generated;
      return;
    }
    const generateSeconds = (Date.now() - started) / 1000;
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
