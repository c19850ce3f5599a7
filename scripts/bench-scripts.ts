/**
 * `npm run bench:scripts`: one incident's pack, cold, in a fresh process, for an incident in
 * each script the images draw (Latin, Japanese, Chinese, Korean, Hebrew, Arabic, emoji). Text
 * in CJK or emoji loads the 8 MB CJK fonts and the emoji font; Latin text must not. Prints
 * figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from '../src/pipeline/generate.js';
import { builtinWriter } from '../src/pipeline/write/builtin/builtin-writer.js';
import { syntheticIncident } from './synthetic-incidents.js';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/languages/', import.meta.url));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

/** In the child: generate one pack from `text` and print the milliseconds it took. */
async function child(text: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'incidentpost-bench-scripts-'));
  mkdirSync(join(root, 'in'));
  writeFileSync(join(root, 'in', 'incident.md'), text);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await generate({ inputs: [join(root, 'in')], out: join(root, 'out'), writer: builtinWriter });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rmSync(root, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ ms, cpuMs, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

const at = process.argv.indexOf('--file');
if (at !== -1) {
  await child(readFileSync(process.argv[at + 1] ?? '', 'utf8'));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'incidentpost-bench-scripts-'));
  const latin = join(dir, 'latin.md');
  writeFileSync(latin, syntheticIncident(0).text);
  const cases = [
    ['latin (synthetic)', latin],
    ...readdirSync(FIXTURES).map((name) => [name.replace(/\.md$/, ''), join(FIXTURES, name)]),
  ] as const;
  process.stdout.write(`one pack, cold, fresh process; median of ${ROUNDS}\n`);
  for (const [name, file] of cases) {
    const runs: number[] = [];
    let rss = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--file', file], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(run.stderr);
      const figures = JSON.parse(run.stdout) as { ms: number; rssMb: number };
      runs.push(figures.ms);
      rss = Math.max(rss, figures.rssMb);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? 0;
    process.stdout.write(
      `${name.padEnd(46)} ${`${median.toFixed(0)} ms`.padStart(8)}  (${runs.map((r) => r.toFixed(0)).join(', ')})  peak RSS ${rss.toFixed(0)} MB\n`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write('goal: one pack cold < 1000 ms\n');
}
