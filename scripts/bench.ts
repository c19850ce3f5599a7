/**
 * npm run bench: pipeline throughput on synthetic incidents. For each N it runs a fresh child
 * process (so peak RSS is per run) that writes N incidents, analyzes them, generates their
 * packs cold, then reruns warm. Prints figures; asserts nothing. `BENCH_STAGES=analyze` stops
 * after analyze (the generate figures print as "-": NaN, then null in the JSON): a quick look at the analyze rate alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { generate } from '../src/pipeline/generate.js';
import { loadIncidents } from '../src/pipeline/load/load-incidents.js';
import { builtinWriter } from '../src/pipeline/write/builtin/builtin-writer.js';
import { syntheticIncident } from './synthetic-incidents.js';

interface Figures {
  n: number;
  analyzePerSecond: number;
  /** The same per second of this process's CPU time: steadier than the wall rate on a busy machine. */
  analyzeCpuPerSecond: number;
  generatePerSecond: number;
  coldSeconds: number;
  warmSeconds: number;
  singleColdMs: number;
  peakRssMb: number;
}

async function measure(n: number): Promise<Figures> {
  const root = mkdtempSync(join(tmpdir(), 'incidentpost-bench-'));
  const incidents = join(root, 'incidents');
  mkdirSync(incidents);
  for (let i = 0; i < n; i++) {
    const { name, text } = syntheticIncident(i);
    writeFileSync(join(incidents, name), text);
  }
  let start = performance.now();
  const cpu = process.cpuUsage();
  const { files } = await loadIncidents([incidents]);
  for (const file of files) analyzeSource(file);
  const analyzeSeconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const analyzeCpuPerSecond = n / ((user + system) / 1e6);
  if (process.env['BENCH_STAGES'] === 'analyze') {
    rmSync(root, { recursive: true, force: true });
    const skipped = {
      generatePerSecond: NaN,
      coldSeconds: NaN,
      warmSeconds: NaN,
      singleColdMs: NaN,
    };
    return {
      n,
      analyzePerSecond: n / analyzeSeconds,
      analyzeCpuPerSecond,
      ...skipped,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  }

  const single = join(root, 'single');
  mkdirSync(single);
  writeFileSync(join(single, 'one.md'), readFileSync(join(incidents, syntheticIncident(0).name)));
  start = performance.now();
  await generate({ inputs: [single], out: join(root, 'single-out'), writer: builtinWriter });
  const singleColdMs = performance.now() - start;

  start = performance.now();
  // Four incidents in flight, as the CLI runs by default (writer.concurrency).
  await generate({
    inputs: [incidents],
    out: join(root, 'out'),
    writer: builtinWriter,
    concurrency: 4,
  });
  const coldSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const warm = await generate({
    inputs: [incidents],
    out: join(root, 'out'),
    writer: builtinWriter,
  });
  const warmSeconds = (performance.now() - start) / 1000;
  if (warm.cached.length !== n)
    throw new Error(`warm run regenerated ${n - warm.cached.length} packs`);
  rmSync(root, { recursive: true, force: true });
  return {
    n,
    analyzePerSecond: n / analyzeSeconds,
    analyzeCpuPerSecond,
    generatePerSecond: n / coldSeconds,
    coldSeconds,
    warmSeconds,
    singleColdMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * One real incident's pack, cold, the way a user makes it: a fresh `incidentpost generate`
 * process (Node start-up, module loading, analyze, the built-in writer, render with the PNG),
 * timed from spawn to exit (milliseconds). The issue's bar is 1 s.
 */
function coldCliPackMs(incident: string): number {
  const root = mkdtempSync(join(tmpdir(), 'incidentpost-cold-'));
  const dir = join(root, 'incidents');
  mkdirSync(dir);
  writeFileSync(join(dir, basename(incident)), readFileSync(incident));
  const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
  const args = ['generate', '--incidents', dir, '--out', join(root, 'out')];
  const start = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args, '--cache', join(root, 'cache')], {
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '' },
  });
  const ms = performance.now() - start;
  rmSync(root, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`generate failed on ${incident}:\n${run.stderr}`);
  return ms;
}

/** The shipped example incident, found from build/scripts or scripts. */
function exampleIncident(): string {
  const dir = fileURLToPath(new URL('../../incidents/', import.meta.url));
  const name = readdirSync(dir).find((file) => /^\d{4}-\d\d-\d\d-.*\.md$/.test(file));
  if (!name) throw new Error(`no example incident in ${dir}`);
  return join(dir, name);
}

const child = process.argv.indexOf('--n');
if (child !== -1) {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[child + 1]))));
} else {
  // BENCH_SIZES=none prints the cold pack alone.
  const sizes = (process.env['BENCH_SIZES'] ?? '100,1000')
    .split(',')
    .filter((size) => size !== 'none')
    .map(Number);
  const rows: Figures[] = [];
  for (const n of sizes) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--n', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    rows.push(JSON.parse(run.stdout) as Figures);
  }
  const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  // A shared machine's load moves every figure; it is printed so a reader can judge them.
  process.stdout.write(
    `node ${process.version}, ${process.platform} ${process.arch}, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores\n`,
  );
  if (rows.length)
    process.stdout.write(
      '     N  analyze/s  (per CPU s)  generate/s  cold total  warm rerun  one pack cold  peak RSS\n',
    );
  for (const r of rows) {
    process.stdout.write(
      `${String(r.n).padStart(6)}  ${f(r.analyzePerSecond, 0).padStart(9)}  ${f(r.analyzeCpuPerSecond, 0).padStart(11)}  ${f(r.generatePerSecond).padStart(10)}  ${`${f(r.coldSeconds)} s`.padStart(10)}  ${`${f(r.warmSeconds, 2)} s`.padStart(10)}  ${`${f(r.singleColdMs, 0)} ms`.padStart(13)}  ${`${f(r.peakRssMb, 0)} MB`.padStart(8)}\n`,
    );
  }
  if (process.env['BENCH_STAGES'] === 'analyze') process.exit(0);
  const example = exampleIncident();
  // Three runs: the first also pays for a cold file-system cache; the median is the figure.
  const runs = [0, 1, 2].map(() => coldCliPackMs(example)).sort((a, b) => a - b);
  process.stdout.write(
    `one pack cold, fresh \`incidentpost generate\` process (${basename(example)}): median ${f(runs[1] ?? 0, 0)} ms (runs ${runs.map((ms) => f(ms, 0)).join(', ')} ms)\n`,
  );
  process.stdout.write('goals: one pack cold < 1000 ms (PNG included); warm rerun of 1000 < 3 s\n');
}
