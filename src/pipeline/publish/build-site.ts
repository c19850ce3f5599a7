/**
 * publish: packs → the static site. Runs the Astro build into a staging folder, indexes it
 * with Pagefind while placing the pack files beside the pages, then links it in with one
 * rename (site-swap.ts): a failed or killed build leaves the previous site exactly as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, hasErrors, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomically } from '../format/atomic-write.js';
import type { Config, SecretAllow } from '../../schemas/config.js';
import { PACK_HISTORY } from '../../schemas/pack.js';
import { historyPersonalData, historySecrets, incidentHistory } from './git-history.js';
import { placePackFiles } from './place-pack-files.js';
import { newVersionPath, publishVersion, removeStaleOutput } from './site-swap.js';

export interface BuildSiteOptions {
  incidents: string;
  packs: string;
  drafts: string;
  out: string;
  configFile: string;
  /** Secret-scan hits accepted in the config, for the git subjects shown on the site. */
  secretAllow?: readonly SecretAllow[];
  /** The config's privacy setting, for the git subjects shown on the site; off when absent. */
  privacy?: Config['privacy'];
  /** Where Astro's output goes while building; streams are inherited by default. */
  stdio?: 'inherit' | 'pipe';
  /** Told as each stage ends: `site 41.2 s`, `search index and pack files 6.3 s`. */
  onStage?: (timing: string) => void;
}

/** The IncidentPost checkout (where astro.config.mjs lives), wherever the command runs from. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'astro.config.mjs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('astro.config.mjs not found above the IncidentPost code');
    dir = parent;
  }
  return dir;
}

/**
 * Astro's content cache for one packs folder, so builds of different sites never mix. It lives
 * inside the project because Astro resolves its packages from there; whoever builds a
 * throwaway packs folder (tests, benchmarks) removes it afterwards.
 */
export function astroCacheDir(packs: string): string {
  const key = createHash('sha256').update(resolve(packs)).digest('hex').slice(0, 12);
  return join(projectRoot(), 'node_modules', '.incidentpost', `cache-${key}`);
}

/**
 * Where an installed package lives, found the way Node looks for it. Not require.resolve:
 * Pagefind's exports map lists neither its package.json nor a require entry.
 */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  const dir = (require.resolve.paths(name) ?? [])
    .map((base) => join(base, name))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed: run npm install`);
  return dir;
}

/** A package's command-line entry, run on this Node; its exit code and everything it printed. */
function runPackageBin(
  pkg: string,
  bin: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdio: 'inherit' | 'pipe'; nodeFlags?: string[] },
): Promise<{ code: number; output: string }> {
  const entry = join(packageDir(pkg), bin);
  return new Promise((done) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), entry, ...args], {
      cwd: projectRoot(),
      env: options.env ?? process.env,
      stdio: ['ignore', options.stdio, options.stdio],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/**
 * Vite reads BASE_URL, MODE and friends from the environment; a parent that set them (a test
 * runner, another Vite tool) would silently override the site's base path.
 */
function astroEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of Object.keys(clean)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name) || name.startsWith('VITEST'))
      delete clean[name];
  }
  return clean;
}

/**
 * Pagefind indexes the finished site after Astro has exited, not in Astro's build:done hook:
 * Astro's heap is then gone, which keeps the build's peak memory down by a few hundred MB.
 * Its command line is used rather than its Node API, which indexes the same pages about
 * 30% slower (2.7 s against 1.9 s at 1,000 incidents).
 */
function indexWithPagefind(site: string) {
  return runPackageBin(
    'pagefind',
    'lib/runner/bin.cjs',
    // Only incident pages carry data-pagefind-body; the history and filter pages (the largest
    // files) would be parsed only to be skipped.
    ['--site', site, '--glob', 'incidents/*/index.html', '--silent'],
    { stdio: 'pipe' },
  );
}

/** rename, or copy then delete when the output is on another file system. */
async function moveAcrossDevices(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EXDEV') throw cause;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

export async function buildSite(
  options: BuildSiteOptions,
): Promise<{ diagnostics: Diagnostic[]; warnings?: Diagnostic[]; timings: string[] }> {
  const timings: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  const minor = Number(process.versions.node.split('.')[1]);
  if (major < 22 || (major === 22 && minor < 12)) {
    return {
      diagnostics: [
        error(
          'build/node-version',
          'package.json',
          { line: 1 },
          `Astro needs Node 22.12 or newer; this is Node ${process.versions.node}`,
          'run `npm run build`: npm scripts use the Node 24 pinned in devDependencies',
        ),
      ],
      timings,
    };
  }

  const history = await incidentHistory(options.incidents);
  const leaks = historySecrets(history, options.secretAllow ?? []);
  if (leaks.length) return { diagnostics: leaks, timings };
  const personal = options.privacy ? historyPersonalData(history, options.privacy) : [];
  if (hasErrors(personal)) return { diagnostics: personal, timings };
  // Warnings do not stop the build; they come back with its result.
  const warnings = personal;
  await writeFileAtomically(
    join(options.packs, PACK_HISTORY),
    `${JSON.stringify(history, null, 2)}\n`,
  );

  const out = resolve(options.out);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  // Astro prerenders from its output folder and resolves packages from there, so it builds
  // inside the project; the result then moves beside the output and is linked in.
  const root = projectRoot();
  const staging = join(root, 'node_modules', '.incidentpost', `site-${suffix}`);
  removeDeadStaging(dirname(staging));
  await removeStaleOutput(out);
  let version: string | null = null;
  let published = false;
  try {
    const started = Date.now();
    const astro = await runPackageBin(
      'astro',
      'bin/astro.mjs',
      ['build', '--silent', '--root', root],
      {
        stdio: options.stdio ?? 'inherit',
        // V8 sizes the young generation for a 4 GB heap. Astro's build makes mostly
        // short-lived objects, and 16 MB semi-spaces keep its peak about 100 MB lower at 1,000
        // incidents without a time cost we could measure (npm run bench:site).
        nodeFlags: ['--max-semi-space-size=16'],
        env: {
          ...astroEnvironment(process.env),
          INCIDENTPOST_PACKS: resolve(options.packs),
          INCIDENTPOST_SITE_OUT: staging,
          INCIDENTPOST_CONFIG: resolve(options.configFile),
          INCIDENTPOST_ASTRO_CACHE: astroCacheDir(options.packs),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      },
    );
    if (astro.code !== 0) {
      return {
        diagnostics: [
          error(
            'build/astro',
            'astro.config.mjs',
            { line: 1 },
            `the Astro build failed (exit ${astro.code})${astro.output ? `:\n${astro.output.trim().split('\n').slice(-15).join('\n')}` : ''}`,
            'read the Astro error above; the previous site was left as it was',
          ),
        ],
        timings,
      };
    }
    timings.push(`site ${((Date.now() - started) / 1000).toFixed(1)} s`);
    options.onStage?.(timings.at(-1) ?? '');
    const indexed = Date.now();
    // Pagefind reads only the incident pages, so the pack files can land beside them meanwhile.
    const [indexing, placing] = await Promise.all([
      indexWithPagefind(staging),
      placePackFiles(options.packs, staging).then(
        () => null,
        (cause: NodeJS.ErrnoException) => cause,
      ),
    ]);
    if (placing) {
      return {
        diagnostics: [
          error(
            'build/pack-files',
            placing.path ?? options.packs,
            { line: 1 },
            `a pack file could not be placed in the site: ${placing.message}`,
            `delete ${options.packs} and build again to regenerate every pack; the previous site was left as it was`,
          ),
        ],
        timings,
      };
    }
    if (indexing.code !== 0) {
      return {
        diagnostics: [
          error(
            'build/pagefind',
            'astro.config.mjs',
            { line: 1 },
            `Pagefind could not index the site (exit ${indexing.code}):\n${indexing.output.trim()}`,
            'the previous site was left as it was',
          ),
        ],
        timings,
      };
    }
    timings.push(`search index and pack files ${((Date.now() - indexed) / 1000).toFixed(1)} s`);
    options.onStage?.(timings.at(-1) ?? '');
    await mkdir(dirname(out), { recursive: true });
    version = await newVersionPath(out, suffix);
    await moveAcrossDevices(staging, version);
    await publishVersion(version, out, suffix);
    published = true;
    return { diagnostics: [], warnings, timings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (version && !published) rmSync(version, { recursive: true, force: true });
  }
}

/**
 * Staging folders (`site-<pid>-<random>`) of builds whose process is gone: a build killed
 * while Astro ran leaves one behind, and nothing else would ever remove it.
 */
function removeDeadStaging(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = /^site-(\d+)-/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
