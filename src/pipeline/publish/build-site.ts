/**
 * publish: packs → the static site. Runs the Astro build into a staging folder, indexes it
 * with Pagefind while placing the pack files beside the pages, then links it in with one
 * rename (site-swap.ts): a failed or killed build leaves the previous site exactly as it was.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { error, hasErrors, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomically } from '../format/atomic-write.js';
import type { Config, SecretAllow } from '../../schemas/config.js';
import { PACK_HISTORY } from '../../schemas/pack.js';
import { isAlive } from './build-lock.js';
import { historyPersonalData, historySecrets, incidentHistory } from './git-history.js';
import { indexSearch } from './index-search.js';
import { placePackFiles } from './place-pack-files.js';
import { projectRoot, runPackageBin } from './run-package.js';
import {
  newVersionPath,
  publishVersion,
  removeInBackground,
  setAsideStaleOutput,
} from './site-swap.js';

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
  /**
   * Settles once every pack file is written, with the error that stopped that (null when
   * none): the site is built from the packs' text, and generate writes their images and zips
   * meanwhile (`build`); only placing the pack files waits for it. Absent: the packs are
   * complete already.
   */
  packsComplete?: Promise<Diagnostic | null>;
}

export interface BuildSiteResult {
  /** Errors: when there are any, nothing was published. */
  diagnostics: Diagnostic[];
  /** Warnings that did not stop the build (personal data in commit subjects). */
  warnings?: Diagnostic[];
  /** Each finished stage with its time in seconds, as onStage was told. */
  timings: string[];
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

/**
 * Each incident file's git revisions, which the site shows, written to the packs folder once
 * their commit subjects pass the scans: secrets stop the build, and so does personal data with
 * `privacy.mode: "block"`; other personal data comes back as warnings.
 */
async function publishHistory(
  options: BuildSiteOptions,
): Promise<{ errors: Diagnostic[] } | { warnings: Diagnostic[] }> {
  const history = await incidentHistory(options.incidents);
  const leaks = historySecrets(history, options.secretAllow ?? []);
  if (leaks.length) return { errors: leaks };
  const personal = options.privacy ? historyPersonalData(history, options.privacy) : [];
  if (hasErrors(personal)) return { errors: personal };
  await writeFileAtomically(
    join(options.packs, PACK_HISTORY),
    `${JSON.stringify(history, null, 2)}\n`,
  );
  return { warnings: personal };
}

/** Runs `astro build` into `staging`; null when it succeeded, else a `build/astro` error. */
async function runAstroBuild(
  staging: string,
  options: BuildSiteOptions,
): Promise<Diagnostic | null> {
  const astro = await runPackageBin(
    'astro',
    'bin/astro.mjs',
    ['build', '--silent', '--root', projectRoot()],
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
  if (astro.code === 0) return null;
  return error(
    'build/astro',
    'astro.config.mjs',
    { line: 1 },
    `the Astro build failed (exit ${astro.code})${astro.output ? `:\n${astro.output.trim().split('\n').slice(-15).join('\n')}` : ''}`,
    'read the Astro error above; the previous site was left as it was',
  );
}

/**
 * Indexes the built site for search and places each pack's files beside its page, at the same
 * time: Pagefind reads only the incident pages. Null when both succeeded, else the first error.
 */
async function indexAndPlaceFiles(
  staging: string,
  options: BuildSiteOptions,
): Promise<Diagnostic | null> {
  const [indexing, unfinished, placing] = await Promise.all([
    indexSearch(staging),
    ...placeWhenComplete(staging, options),
  ]);
  if (unfinished) return unfinished;
  if (placing) {
    return error(
      'build/pack-files',
      placing.path ?? options.packs,
      { line: 1 },
      `a pack file could not be placed in the site: ${placing.message}`,
      `delete ${options.packs} and build again to regenerate every pack; the previous site was left as it was`,
    );
  }
  return indexing;
}

/**
 * The packs' completion (BuildSiteOptions.packsComplete), then placing their files: the error
 * that stopped generate, or null; and what placing threw, or null (nothing is placed when
 * generate failed).
 */
function placeWhenComplete(
  staging: string,
  options: BuildSiteOptions,
): [Promise<Diagnostic | null>, Promise<NodeJS.ErrnoException | null>] {
  const complete = options.packsComplete ?? Promise.resolve(null);
  const placing = complete.then((failed) =>
    failed
      ? null
      : placePackFiles(options.packs, staging).then(
          () => null,
          (cause: NodeJS.ErrnoException) => cause,
        ),
  );
  return [complete, placing];
}

/**
 * Builds the site from the packs and publishes it at `options.out`: the revision history, the
 * Astro build, the search index and the pack files, then one swap. Any error leaves the
 * previous site as it was.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const timings: string[] = [];
  const stage = (name: string, since: number) => {
    timings.push(`${name} ${((Date.now() - since) / 1000).toFixed(1)} s`);
    options.onStage?.(timings.at(-1) ?? '');
  };
  const history = await publishHistory(options);
  if ('errors' in history) return { diagnostics: history.errors, timings };

  const out = resolve(options.out);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  // Astro prerenders from its output folder and resolves packages from there, so it builds
  // inside the project; the result then moves beside the output and is linked in.
  const staging = join(projectRoot(), 'node_modules', '.incidentpost', `site-${suffix}`);
  removeDeadStaging(dirname(staging));
  // The previous build's site is deleted while Astro runs, not before it starts.
  const trash = await setAsideStaleOutput(out, suffix);
  const removing = trash ? removeInBackground(trash) : Promise.resolve();
  let version: string | null = null;
  let published = false;
  try {
    const started = Date.now();
    const built = await runAstroBuild(staging, options);
    if (built) return { diagnostics: [built], timings };
    stage('site', started);
    const indexed = Date.now();
    const placed = await indexAndPlaceFiles(staging, options);
    if (placed) return { diagnostics: [placed], timings };
    stage('search index and pack files', indexed);
    await mkdir(dirname(out), { recursive: true });
    version = await newVersionPath(out, suffix);
    await moveAcrossDevices(staging, version);
    await publishVersion(version, out, suffix);
    published = true;
    return { diagnostics: [], warnings: history.warnings, timings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (version && !published) rmSync(version, { recursive: true, force: true });
    // A folder left undeleted is removed by the next build (setAsideStaleOutput).
    await removing.catch(() => undefined);
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
    if (pid && !isAlive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}
