import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import { packStatus } from '../../pipeline/generate.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { error, hasErrors, type Diagnostic } from '../../pipeline/diagnostics.js';
import { acquireBuildLock } from '../../pipeline/publish/build-lock.js';
import { buildSite } from '../../pipeline/publish/build-site.js';
import { scanInputs } from '../../pipeline/publish/scan-inputs.js';
import { ConfigSchema, type Config } from '../../schemas/config.js';
import { chooseSettler } from '../choose-settler.js';
import { chooseWriter } from '../choose-writer.js';
import { isMessage, runGenerate, TEXT_WRITTEN_MESSAGE, type GenerateArgs } from './generate.js';
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

/**
 * A generate run in two parts: `text`, its exit code as far as the site is concerned (0 once
 * every pack's text and the index are written with no error; the exit code when it ended
 * before that), and `done`, its exit code once every image is written too.
 */
interface Generation {
  text: Promise<number>;
  done: Promise<number>;
}

/** A generate run with nothing to do. */
const NOTHING_TO_GENERATE: Generation = {
  text: Promise.resolve(0),
  done: Promise.resolve(0),
};

/**
 * `incidentpost generate` with the build's own options, in a child process that says over IPC
 * when the packs' text is written (generate.ts, TEXT_WRITTEN_MESSAGE).
 */
function runGenerateProcess(rawArgs: readonly string[], packs: string): Generation {
  const child = spawn(
    process.execPath,
    [
      // The images are drawn while Astro runs, so this process's memory adds to Astro's.
      // V8 sized the young generation for the machine (a 190 MB heap for 50 MB of live
      // objects at 200 incidents); 8 MB semi-spaces keep it at 75 MB, with no main-thread
      // time we could measure (4.5 s of CPU either way at 200 incidents).
      '--max-semi-space-size=8',
      fileURLToPath(new URL('../main.js', import.meta.url)),
      ...generateProcessArgs(rawArgs, packs),
    ],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const text = new Promise<number>((resolve) => {
    child.on('message', (message: unknown) => {
      if (isMessage(message, TEXT_WRITTEN_MESSAGE)) resolve(0);
    });
    void done.then(resolve);
  });
  return { text, done };
}

/** generate in this process, in the same two parts as runGenerateProcess. */
function runGenerateHere(args: BuildGenerateArgs): Generation {
  let textWritten = () => undefined as void;
  const text = new Promise<number>((resolve) => (textWritten = () => resolve(0)));
  const done = runGenerate({ ...args, out: args.packs }, textWritten).then(({ code }) => code);
  return {
    text: Promise.race([text, done.catch(() => 1)]),
    done,
  };
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
 * would), in this process for a few stale packs, in a child process for many.
 */
function generateWhereCheapest(
  rawArgs: readonly string[],
  args: BuildGenerateArgs,
  status: Awaited<ReturnType<typeof statusOfPacks>>,
): Generation {
  if (status?.current) {
    process.stdout.write(`generated 0, unchanged ${status.count}, failed 0 → ${args.packs}\n`);
    return NOTHING_TO_GENERATE;
  }
  if (!status || status.stale <= IN_PROCESS_LIMIT) return runGenerateHere(args);
  return runGenerateProcess(rawArgs, args.packs);
}

/**
 * Whether Astro starts once the packs' text is written, while the images are still drawn
 * (`generation.text`), or after every image (`generation.done`). Off: measured on 2 cores at
 * 1,000 incidents (`BENCH_SIZES=1000 BENCH_ROUNDS=1 npm run bench:site`), drawing beside Astro
 * made the cold build 39.6 s instead of 41.5 s but peak RSS 1,795 MB instead of 1,198 MB, over
 * the 1.5 GB the issue sets; the two processes' memory adds up. A machine with memory to spare
 * can turn it on here.
 */
const DRAW_IMAGES_DURING_ASTRO = false;

/** The error that stops a build whose generate failed after the site build had started. */
function imagesFailed(code: number, packs: string): Diagnostic {
  return error(
    'build/generate',
    packs,
    { line: 1 },
    `generate failed while drawing the images (exit ${code})`,
    'read the error above; the previous site was left as it was',
  );
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
  const generation = generateWhereCheapest(rawArgs, args, status);
  try {
    await buildFromPacks(args, config, generation, started);
  } finally {
    // The images may still be drawing when the site build stops early: the build (and its
    // lock) lasts until they are written, as it did when they came before the site.
    await generation.done;
  }
}

/**
 * The site, started once generate has written the packs' text (`generation.text`): Astro reads
 * no image, so the images are drawn while it runs, and are awaited before the pack files are
 * placed beside the pages.
 */
async function buildFromPacks(
  args: BuildGenerateArgs & { out: string },
  config: Config,
  generation: Generation,
  started: number,
): Promise<void> {
  const generated = await (DRAW_IMAGES_DURING_ASTRO ? generation.text : generation.done);
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
    packsComplete: generation.done.then(
      (code) => (code === 0 ? null : imagesFailed(code, args.packs)),
      () => imagesFailed(1, args.packs),
    ),
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
