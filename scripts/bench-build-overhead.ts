/**
 * `npm run bench:build-overhead`: what `npm run build` costs on an unchanged repository next to
 * the CLI's own build (`node build/src/cli/main.js build`), run on this repository. The issue's
 * bar is at most 1.15×: `npm run build` once re-ran the whole TypeScript compile every time
 * (8 of 11 s). Both commands are run BENCH_ROUNDS times (5 by default), alternately, after one
 * warm-up of each, so a drift in the shared machine's speed hits both; every round and the
 * medians of wall-clock and CPU seconds (user + system, children included) are printed, with the
 * load average, since wall-clock time on a busy 2-core machine is mostly waiting. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

/** Runs `command` in bash's `time`: wall-clock and CPU seconds of it and all its children. */
function timed(command: string): { wall: number; cpu: number } {
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time (${command}) >/dev/null`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr}`);
  const [wall = 0, user = 0, system = 0] = (run.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { wall, cpu: user + system };
}

/** The middle value; with an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const commands = {
  'npm run build': 'npm run build --silent',
  'CLI build': `'${process.execPath}' build/src/cli/main.js build`,
};
for (const command of Object.values(commands)) timed(command);
const figures = Object.fromEntries(
  Object.keys(commands).map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]),
);
process.stdout.write(`load average before: ${loadavg()[0]!.toFixed(1)}\n`);
for (let round = 0; round < ROUNDS; round++) {
  const line: string[] = [];
  for (const [name, command] of Object.entries(commands)) {
    const { wall, cpu } = timed(command);
    figures[name]!.wall.push(wall);
    figures[name]!.cpu.push(cpu);
    line.push(`${name} wall ${wall.toFixed(2)} s cpu ${cpu.toFixed(2)} s`);
  }
  process.stdout.write(`round ${round + 1}: ${line.join('; ')}\n`);
}
process.stdout.write(
  `load average after: ${loadavg()[0]!.toFixed(1)}\nunchanged repository, median of ${ROUNDS} alternating runs after a warm-up\n`,
);
for (const [name, { wall, cpu }] of Object.entries(figures))
  process.stdout.write(
    `${name.padEnd(14)} wall ${median(wall).toFixed(2)} s   cpu ${median(cpu).toFixed(2)} s\n`,
  );
const npm = figures['npm run build']!;
const cli = figures['CLI build']!;
process.stdout.write(
  `ratio npm run build / CLI build: wall ${(median(npm.wall) / median(cli.wall)).toFixed(3)}×, cpu ${(median(npm.cpu) / median(cli.cpu)).toFixed(3)}× (bar: 1.15×)\n`,
);
