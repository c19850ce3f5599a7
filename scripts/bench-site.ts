/**
 * npm run bench:site: the whole IncidentPost build (secret scan → generate → Astro → Pagefind)
 * for N synthetic incidents, against a plain Astro + MDX + Pagefind site with the same incident
 * pages and no pipeline, in the same run. Our build runs cold (no packs), warm (a CI run after
 * a push: packs and Astro's page cache restored, no dist/) and edited (warm, with one incident
 * changed). Prints times, ratios and peak RSS; asserts nothing. BENCH_SIZES and BENCH_ROUNDS
 * pick the sizes and how many rounds alternate.
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { siteBuildArgs } from '../tests/helpers/cli.js';
import { samplePeakRss } from './process-tree-rss.js';
import { syntheticIncident } from './synthetic-incidents.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(PROJECT, 'build/src/cli/main.js');
const ASTRO = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(PROJECT, 'node_modules/pagefind/lib/runner/bin.cjs');

interface Run {
  seconds: number;
  peakMb: number | null;
}

function timed(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OPENAI_API_KEY: '', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const stop = samplePeakRss(child.pid ?? 0);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const peakMb = stop();
      if (code !== 0) reject(new Error(`${args.join(' ')} failed:\n${stderr.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb });
    });
  });
}

/** A plain Astro + MDX site: the same postmortem MDX, a page per incident, a list, no pipeline. */
function writePlainSite(dir: string, mdxFrom: string): void {
  mkdirSync(join(dir, 'src/pages/incidents'), { recursive: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const slug of readdirSync(mdxFrom)) {
    try {
      cpSync(join(mdxFrom, slug, 'postmortem.mdx'), join(dir, 'content', `${slug}.mdx`));
    } catch {
      // Not a pack folder.
    }
  }
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], trailingSlash: 'always' };\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { posts: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content' }) }) };\n",
  );
  writeFileSync(
    join(dir, 'src/pages/incidents/[slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('posts')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang=\"en\"><head><title>{entry.id}</title></head><body><main data-pagefind-body><h1>{entry.id}</h1><Content /></main></body></html>\n",
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    "---\nimport { getCollection } from 'astro:content';\nconst posts = await getCollection('posts');\n---\n<html lang=\"en\"><head><title>Incidents</title></head><body><ul>{posts.map((p) => <li><a href={`/incidents/${p.id}/`}>{p.id}</a></li>)}</ul></body></html>\n",
  );
}

/**
 * No dist/, as in a CI checkout: `dist` is a link into `dist.versions/` (site-swap.ts), and
 * removing only the link left the previous site for the timed build to delete, while the plain
 * site's dist/ is removed before its build is timed.
 */
function removeSite(root: string): void {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, 'dist.versions'), { recursive: true, force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function measure(n: number, rounds: number) {
  const root = mkdtempSync(join(tmpdir(), 'incidentpost-bench-site-'));
  mkdirSync(join(root, 'incidents'));
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const { name, text } = syntheticIncident(i);
    writeFileSync(join(root, 'incidents', name), text);
    names.push(name);
  }
  const buildArgs = [CLI, ...siteBuildArgs('--writer', 'builtin')];
  const cold = await timed(buildArgs, root);
  // The plain site lives inside the project so it resolves the same astro and @astrojs/mdx.
  const plainDir = join(PROJECT, 'node_modules/.incidentpost', `bench-plain-${n}-${process.pid}`);
  writePlainSite(plainDir, join(root, 'generated'));
  // This machine's speed drifts by 20% over minutes, so the builds alternate and each ratio is
  // the median of the rounds' own ratios.
  const runs: Record<'warm' | 'edited' | 'plain', Run[]> = { warm: [], edited: [], plain: [] };
  for (let round = 0; round < rounds; round++) {
    // Warm builds are CI runs after a push: packs and Astro's page cache restored, no dist/.
    // The push changes no incident, then one (its pack and page are made again).
    removeSite(root);
    runs.warm.push(await timed(buildArgs, root));
    appendFileSync(
      join(root, 'incidents', names[round % names.length] ?? ''),
      `Edited in round ${round}.\n`,
    );
    removeSite(root);
    runs.edited.push(await timed(buildArgs, root));
    rmSync(join(plainDir, 'dist'), { recursive: true, force: true });
    const astro = await timed([ASTRO, 'build', '--silent'], plainDir);
    const pagefind = await timed([PAGEFIND, '--site', 'dist'], plainDir);
    runs.plain.push({
      seconds: astro.seconds + pagefind.seconds,
      peakMb: Math.max(astro.peakMb ?? 0, pagefind.peakMb ?? 0) || null,
    });
  }
  rmSync(plainDir, { recursive: true, force: true });
  rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  const summary = (list: Run[]) => ({
    seconds: median(list.map((run) => run.seconds)),
    peakMb: Math.max(...list.map((run) => run.peakMb ?? 0)) || null,
    ratio: median(list.map((run, i) => run.seconds / (runs.plain[i]?.seconds ?? 1))),
  });
  const plain = summary(runs.plain);
  return {
    n,
    cold: { ...cold, ratio: cold.seconds / plain.seconds },
    warm: summary(runs.warm),
    edited: summary(runs.edited),
    plain,
    rounds: runs.plain.map((run, i) =>
      [runs.warm[i], runs.edited[i], run].map((r) => (r?.seconds ?? 0).toFixed(1)).join('/'),
    ),
  };
}

const sizes = (process.env['BENCH_SIZES'] ?? '100,1000').split(',').map(Number);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const mb = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);
process.stdout.write(
  `node ${process.version}, ${process.platform} ${process.arch}; warm, edited and plain: median of ${rounds} alternating rounds\n`,
);
process.stdout.write(
  'cold: no packs. warm: packs and page cache restored, nothing changed. edited: the same, one incident edited.\n',
);
const columns = ['N', 'build', 'seconds', 'ratio to plain', 'peak RSS'];
process.stdout.write(`${columns.join(' | ')}\n`);
const results = [];
for (const n of sizes) {
  const r = await measure(n, rounds);
  results.push(r);
  for (const [name, run] of [
    ['incidentpost cold', r.cold],
    ['incidentpost warm', r.warm],
    ['incidentpost edited', r.edited],
    ['plain astro+mdx+pagefind', r.plain],
  ] as const) {
    process.stdout.write(
      `${n} | ${name} | ${run.seconds.toFixed(1)} s | ${name.startsWith('plain') ? '' : run.ratio.toFixed(2)} | ${mb(run.peakMb)}\n`,
    );
  }
}
for (const r of results)
  process.stdout.write(`N=${r.n} rounds (warm/edited/plain s): ${r.rounds.join(', ')}\n`);
process.stdout.write('goals: ratio <= 1.2; 1,000 incidents under 1.5 GB peak RSS\n');
