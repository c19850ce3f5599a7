/**
 * npm run bench:limits: the resource bar for one incident file, "any 1 MiB input under 10 s and
 * 1 GB" (issue 13). It writes inputs just under the 1 MiB load limit in the shapes that stress
 * different stages (many short lines, a few huge lines, one giant notes section, many services
 * and figures, deep lists), runs `incidentpost generate` on each in a fresh process under
 * `/usr/bin/time`, and prints wall time, user+sys CPU (the machine is shared: CPU time moves
 * less with the load than wall time does), peak RSS and the size of the biggest pack files.
 * Asserts nothing.
 *
 * BENCH_NODE=/path/to/node runs the CLI on another Node (Node 20, say); BENCH_SHAPES=a,b runs
 * some shapes only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_BYTES } from '../src/pipeline/load/source-file.js';

/** Each input stops this many bytes under the load limit. */
const TARGET_BYTES = MAX_BYTES - 512;

const FRONT_MATTER = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-03-04\ntimezone: UTC\nseverity: P2\nstatus: resolved\n${extra}---\n\n`;

/** Lines from `next(i)` appended to `head` until the next would pass TARGET_BYTES, then `tail`. */
function fill(head: string, next: (i: number) => string, tail = ''): string {
  const parts = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const line = `${next(i)}\n`;
    const size = Buffer.byteLength(line);
    if (bytes + size > TARGET_BYTES) break;
    parts.push(line);
    bytes += size;
  }
  parts.push(tail);
  return parts.join('');
}

/** hh:mm:ss of second `s` after 08:00, wrapping within one day. */
const clock = (s: number): string => {
  const t = 8 * 3600 + (s % (16 * 3600));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}`;
};

const SAYINGS = [
  '[Datadog] checkout p99 latency 4200ms → paging',
  '[Slack] @sarah: looking at the café-sync deploy',
  'error rate 17% of requests returning 503',
  'restarted queue consumers on web-3',
  '[PagerDuty] CRITICAL: checkout error rate above 5%',
  'rolled back checkout to v2.3.1 — watching',
];

const RESOLVED_TAIL =
  '\n## Root cause\n\nA connection leak in the checkout worker.\n\n## Action items\n- HIGH: Close connections in every error handler\n';

/** Each shape is an incident file's text, just under 1 MiB. */
const SHAPES: Record<string, () => string> = {
  'many-short-lines': () =>
    fill(
      `${FRONT_MATTER('Checkout errors (many short lines)')}## Timeline\n\n`,
      (i) =>
        i === 3
          ? `${clock(i * 2)} Identified: connection leak in the checkout worker`
          : `${clock(i * 2)} ${SAYINGS[i % SAYINGS.length] ?? ''} (#${i})`,
      `${clock(20 * 3600)} Incident resolved, all systems nominal\n${RESOLVED_TAIL}`,
    ),
  'few-huge-lines': () => {
    const words = 'connection pool café 接続 exhausted → retrying upstream 503 '.repeat(4000);
    return fill(
      `${FRONT_MATTER('Checkout errors (few huge lines)')}## Timeline\n\n`,
      (i) => `${clock(i * 600)} [Datadog] alert payload: ${words}`,
      `${clock(5 * 3600)} Incident resolved\n${RESOLVED_TAIL}`,
    );
  },
  'giant-notes': () =>
    fill(
      `${FRONT_MATTER('Checkout errors (giant notes)')}## Timeline\n\n${clock(0)} [PagerDuty] CRITICAL: checkout errors\n${clock(600)} Identified: connection leak\n${clock(1200)} rolled back\n${clock(1800)} Incident resolved\n\n## Notes\n\n`,
      (i) =>
        `The café-sync worker held a pooled connection after failed sync ${i} → the pool filled; impact began at 08:00 and time to detection was 10 min. Next we should add alerting for pool use (owner: sam, OPS-${i}).\n`,
    ),
  'many-services-and-figures': () => {
    const services = Array.from({ length: 400 }, (_, i) => `  - service-${i}\n`).join('');
    return fill(
      `${FRONT_MATTER('Checkout errors (many services and figures)', `services:\n${services}users_affected: 12400\n`)}## Timeline\n\n`,
      (i) =>
        `${clock(i * 3)} service-${i % 400}: error rate ${i % 100}% of ${1000 + i} requests, p99 ${i * 7}ms, ${i % 37} users affected, 5xx ${i % 13}%`,
      `${clock(20 * 3600)} Incident resolved\n${RESOLVED_TAIL}`,
    );
  },
  'deep-lists': () => {
    // Lists nested 25 levels (under the 30-level limit), over and over.
    const block = Array.from(
      { length: 25 },
      (_, depth) => `${'  '.repeat(depth)}- step ${depth} of the café runbook → ok`,
    ).join('\n');
    return fill(
      `${FRONT_MATTER('Checkout errors (deep lists)')}## Timeline\n\n${clock(0)} [PagerDuty] CRITICAL: checkout errors\n${clock(600)} Identified: connection leak\n${clock(1800)} Incident resolved\n\n## Mitigations\n\n`,
      () => `${block}\n`,
    );
  },
};

interface Row {
  shape: string;
  bytes: number;
  status: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  files: Record<string, number>;
  error: string;
}

const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const node = process.env['BENCH_NODE'] ?? process.execPath;

function run(shape: string, text: string): Row {
  const root = mkdtempSync(join(tmpdir(), 'incidentpost-limits-'));
  const incidents = join(root, 'incidents');
  mkdirSync(incidents);
  const slug = `2026-03-04-${shape}`;
  writeFileSync(join(incidents, `${slug}.md`), text);
  const timing = join(root, 'time.txt');
  const args = ['generate', '--incidents', incidents, '--out', join(root, 'out')];
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', timing, node, cli, ...args, '--cache', join(root, 'cache')],
    { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '', CI: 'true' } },
  );
  const [wall = 0, user = 0, sys = 0, maxKb = 0] = readFileSync(timing, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  const files: Record<string, number> = {};
  for (const name of ['facts.json', 'postmortem.md', 'postmortem.mdx', 'timeline.png']) {
    try {
      files[name] = statSync(join(root, 'out', slug, name)).size;
    } catch {
      files[name] = NaN;
    }
  }
  rmSync(root, { recursive: true, force: true });
  return {
    shape,
    bytes: Buffer.byteLength(text),
    status: child.status,
    wallSeconds: wall,
    cpuSeconds: user + sys,
    peakRssMb: maxKb / 1024,
    files,
    error: child.status === 0 ? '' : (child.stderr.trim().split('\n').at(-1) ?? ''),
  };
}

const wanted = process.env['BENCH_SHAPES']?.split(',');
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
process.stdout.write(
  `incidentpost generate on one file per shape, node ${version}, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores\n`,
);
process.stdout.write(
  'shape                       input KiB  exit  wall s  user+sys s  peak RSS MB  facts.json KB  postmortem.md KB  timeline.png KB\n',
);
const kb = (bytes: number | undefined) =>
  bytes === undefined || Number.isNaN(bytes) ? '-' : (bytes / 1024).toFixed(0);
for (const [shape, make] of Object.entries(SHAPES)) {
  if (wanted && !wanted.includes(shape)) continue;
  const row = run(shape, make());
  const over = row.wallSeconds >= 10 || row.peakRssMb >= 1024 ? '  OVER THE BAR' : '';
  process.stdout.write(
    `${row.shape.padEnd(26)}  ${kb(row.bytes).padStart(9)}  ${String(row.status).padStart(4)}  ${row.wallSeconds.toFixed(1).padStart(6)}  ${row.cpuSeconds.toFixed(1).padStart(10)}  ${row.peakRssMb.toFixed(0).padStart(11)}  ${kb(row.files['facts.json']).padStart(13)}  ${kb(row.files['postmortem.md']).padStart(16)}  ${kb(row.files['timeline.png']).padStart(15)}${over}\n`,
  );
  if (row.error) process.stdout.write(`  ${row.error}\n`);
}
process.stdout.write('bar: any 1 MiB input under 10 s and 1 GB (wall time and peak RSS)\n');
