import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import { packStatus } from '../../pipeline/generate.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { hasErrors } from '../../pipeline/diagnostics.js';
import { acquireBuildLock } from '../../pipeline/publish/build-lock.js';
import { buildSite } from '../../pipeline/publish/build-site.js';
import { scanInputs } from '../../pipeline/publish/scan-inputs.js';
import { ConfigSchema } from '../../schemas/config.js';
import { chooseSettler } from '../choose-settler.js';
import { chooseWriter } from '../choose-writer.js';
import { runGenerate, type GenerateArgs } from './generate.js';
import { astroNodeDiagnostic } from '../node-version.js';
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

/**
 * The arguments for `incidentpost generate` that match a build's: the same options, except
 * that --out and --packs mean different things to build, and generate writes to the packs.
 */
export function generateProcessArgs(rawArgs: readonly string[], packs: string): string[] {
  const args: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const raw = rawArgs[i] ?? '';
    if (/^--(out|packs)$/.test(raw)) i++;
    else if (!/^--(out|packs)=/.test(raw)) args.push(raw);
  }
  return ['generate', ...args, '--out', packs];
}

/** `incidentpost generate` with the build's own options, in a child process; its exit code. */
function runGenerateProcess(rawArgs: readonly string[], packs: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('../main.js', import.meta.url)),
        ...generateProcessArgs(rawArgs, packs),
      ],
      { stdio: 'inherit' },
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * Up to this many stale packs are generated in the build's own process: a push that edits an
 * incident or two should not pay half a second to start another. More get a process of their
 * own, so their memory is returned before Astro starts (in-process, 20 packs left the build
 * process at 290 MB instead of 130 MB while Astro ran; 1,000 would add several hundred).
 */
const IN_PROCESS_LIMIT = 10;

type BuildGenerateArgs = Omit<GenerateArgs, 'out'> & { packs: string };

/** What generate would do; null when the config does not load (generate reports that). */
async function statusOfPacks(
  args: BuildGenerateArgs,
): Promise<Awaited<ReturnType<typeof packStatus>> | null> {
  const { config } = await loadConfig(args.config);
  if (!config) return null;
  return packStatus({
    inputs: [args.incidents],
    out: args.packs,
    writer: await chooseWriter(args, config),
    settler: await chooseSettler(args, config, true),
    cues: config.analysis.cues,
  });
}

/**
 * generate, where it costs least: skipped when every pack is current (saying so as generate
 * would), in this process for a few stale packs, in a child process for many. Its exit code.
 */
async function generateWhereCheapest(
  rawArgs: readonly string[],
  args: BuildGenerateArgs,
  status: Awaited<ReturnType<typeof statusOfPacks>>,
): Promise<number> {
  if (status?.current) {
    process.stdout.write(`generated 0, unchanged ${status.count}, failed 0 → ${args.packs}\n`);
    return 0;
  }
  if (!status || status.stale <= IN_PROCESS_LIMIT)
    return (await runGenerate({ ...args, out: args.packs })).code;
  return runGenerateProcess(rawArgs, args.packs);
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
    // One build at a time per output folder: a second would race the first's swap.
    const lock = await acquireBuildLock(args.out);
    if ('diagnostic' in lock) {
      printDiagnostics([lock.diagnostic]);
      process.exitCode = 1;
      return;
    }
    try {
      await runBuild(rawArgs, args);
    } finally {
      await lock.release();
    }
  },
});

async function runBuild(
  rawArgs: readonly string[],
  args: BuildGenerateArgs & { out: string },
): Promise<void> {
  const started = Date.now();
  // Both only read, so they run together; nothing is generated until the scan has passed.
  // A config that does not load is reported by generate; the scan then uses the defaults.
  const config = (await loadConfig(args.config)).config ?? ConfigSchema.parse({});
  const [found, status] = await Promise.all([
    scanInputs({
      incidents: args.incidents,
      settings: config,
      cacheFile: join(args.packs, '.secret-scan.json'),
    }),
    statusOfPacks(args),
  ]);
  printDiagnostics(found);
  if (!hasErrors(found))
    process.stdout.write(`scan: no secrets, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (hasErrors(found)) {
    process.stderr.write(`build stopped: nothing was generated or written to ${args.out}\n`);
    process.exitCode = 1;
    return;
  }
  const generated = await generateWhereCheapest(rawArgs, args, status);
  if (generated !== 0) {
    process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
    process.exitCode = generated;
    return;
  }
  const generateSeconds = (Date.now() - started) / 1000;
  const oldNode = astroNodeDiagnostic(process.versions.node);
  if (oldNode) {
    printDiagnostics([oldNode]);
    process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
    process.exitCode = 1;
    return;
  }
  const { diagnostics, warnings, timings } = await buildSite({
    incidents: args.incidents,
    packs: args.packs,
    drafts: args.cache,
    out: args.out,
    configFile: args.config,
    secretAllow: config.secrets.allow,
    privacy: config.privacy,
    onStage: (timing) => process.stdout.write(`built ${timing}\n`),
  });
  printDiagnostics([...diagnostics, ...(warnings ?? [])]);
  if (diagnostics.length) {
    process.stderr.write(`build stopped: nothing was written to ${args.out}\n`);
    process.exitCode = 1;
    return;
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `site written to ${args.out} in ${total} s (scan and generate ${generateSeconds.toFixed(1)} s, ${timings.join(', ')})\n`,
  );
}
