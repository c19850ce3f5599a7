import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { removeStaleOutput } from '../src/pipeline/publish/site-swap.js';
import { CLI, runCliAsync, siteBuildArgs, tempDir } from './helpers/cli.js';

const SWAP = join(import.meta.dirname, '../build/src/pipeline/publish/site-swap.js');
const FILES = 20;

/** A child that publishes complete versions of a site, one after another, until killed. */
const PUBLISHER = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newVersionPath, publishVersion } from ${JSON.stringify(SWAP)};
const out = process.argv[2];
for (let n = 0; ; n++) {
  const suffix = process.pid + '-' + n;
  const version = join(process.argv[3], suffix);
  mkdirSync(version, { recursive: true });
  for (let i = 0; i < ${FILES}; i++) writeFileSync(join(version, 'page-' + i + '.html'), String(n));
  writeFileSync(join(version, 'complete'), String(n));
  const { rename } = await import('node:fs/promises');
  const place = await newVersionPath(out, suffix);
  await rename(version, place);
  await publishVersion(place, out, suffix);
  process.stdout.write('.');
}
`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function expectComplete(dist: string): void {
  expect(existsSync(join(dist, 'complete'))).toBe(true);
  const n = readFileSync(join(dist, 'complete'), 'utf8');
  const pages = readdirSync(dist).filter((name) => name.startsWith('page-'));
  expect(pages).toHaveLength(FILES);
  for (const page of pages) expect(readFileSync(join(dist, page), 'utf8')).toBe(n);
}

/**
 * Runs a command in its own process group and SIGKILLs the whole group `ms` after it starts
 * (or after its first output, so a slow start does not eat the window); what it printed.
 */
function killAfter(
  ms: number,
  args: string[],
  cwd: string,
  from: 'start' | 'first-output' = 'start',
): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    // The whole group: a CI cancel or an OOM kill takes Astro and Pagefind with it.
    const arm = (): void => {
      timer ??= setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), ms);
    };
    if (from === 'start') arm();
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('the swap is atomic at every instant', () => {
  test('a publisher killed at random moments always leaves a complete dist', async () => {
    const root = tempDir('incidentpost-swap-');
    writeFileSync(join(root, 'publish.mjs'), PUBLISHER);
    mkdirSync(join(root, 'work'));
    let published = 0;
    for (let kill = 0; kill < 12; kill++) {
      const output = await killAfter(
        Math.floor(Math.random() * 300),
        ['publish.mjs', join(root, 'dist'), join(root, 'work')],
        root,
        'first-output',
      );
      published += output.length;
      if (!existsSync(join(root, 'dist'))) continue;
      expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
      expectComplete(join(root, 'dist'));
    }
    // Enough swaps happened for the kills to land inside some of them.
    expect(published).toBeGreaterThan(12);
    await removeStaleOutput(join(root, 'dist'));
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist.versions', 'publish.mjs', 'work']);
    expect(readdirSync(join(root, 'dist.versions'))).toHaveLength(1);
    expectComplete(join(root, 'dist'));
  }, 60_000);
});

const INCIDENT = `---
title: Checkout errors
date: 2026-01-10
timezone: UTC
severity: P2
---
14:00 UTC [PagerDuty] checkout error rate above 5%
14:05 UTC [Slack] acknowledged
14:20 UTC [Slack] rolled back the deploy
14:30 UTC [PagerDuty] incident resolved
`;

describe('a build killed at random moments leaves the site whole, and a second build waits its turn', () => {
  let root: string;
  const args = siteBuildArgs();
  let firstBuildMs = 0;

  beforeAll(async () => {
    root = tempDir('incidentpost-kill-');
    mkdirSync(join(root, 'incidents'));
    writeFileSync(join(root, 'incidents/2026-01-10-checkout-errors.md'), INCIDENT);
    const started = Date.now();
    const first = await runCliAsync(args, { cwd: root, env: { OPENAI_API_KEY: '' } });
    firstBuildMs = Date.now() - started;
    if (first.status !== 0) throw new Error(first.stderr);
  }, 180_000);

  afterAll(() => {
    rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
  });

  function expectWholeSite(): void {
    const dist = join(root, 'dist');
    for (const path of [
      'index.html',
      'incidents/2026-01-10-checkout-errors/index.html',
      'rss.xml',
      'pagefind/pagefind.js',
    ])
      expect({ path, exists: existsSync(join(dist, path)) }).toEqual({ path, exists: true });
  }

  test('after each kill dist is the old site or the new one, never missing or partial', async () => {
    for (let kill = 0; kill < 3; kill++) {
      // A changed incident, so every step (generate, Astro, Pagefind, the swap) has work to do.
      writeFileSync(
        join(root, 'incidents/2026-01-10-checkout-errors.md'),
        `${INCIDENT}14:31 UTC note ${kill}\n`,
      );
      await killAfter(Math.floor(firstBuildMs * (0.2 + Math.random())), [CLI, ...args], root);
      expectWholeSite();
    }
    const last = await runCliAsync(args, { cwd: root, env: { OPENAI_API_KEY: '' } });
    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expectWholeSite();
    // The next build cleared what the killed ones left.
    expect(
      readdirSync(root)
        .filter((name) => name.startsWith('dist'))
        .sort(),
    ).toEqual(['dist', 'dist.versions']);
    expect(readdirSync(join(root, 'dist.versions'))).toHaveLength(1);
    // ...and the staging folders whose Astro was killed with them.
    const staging = join(import.meta.dirname, '../node_modules/.incidentpost');
    for (const name of readdirSync(staging).filter((n) => n.startsWith('site-'))) {
      const pid = Number(/^site-(\d+)-/.exec(name)?.[1]);
      expect({ name, running: isRunning(pid) }).toEqual({ name, running: true });
    }
  }, 300_000);

  test('GitHub upload-pages-artifact (tar --dereference) archives the linked site', () => {
    const tar = spawnSync(
      'tar',
      ['--dereference', '--hard-dereference', '--directory', 'dist', '-cf', '-', '.'],
      // The site is several MB (the /new/ page's wasm and fonts): over spawnSync's 1 MB default.
      { cwd: root, maxBuffer: 256 * 1024 * 1024 },
    );
    expect(tar.status).toBe(0);
    const listing = spawnSync('tar', ['-tf', '-'], {
      input: tar.stdout,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(listing.stdout).toContain('./index.html');
    expect(listing.stdout).toContain('./incidents/2026-01-10-checkout-errors/index.html');
  });

  test('a second build while one runs stops at once, naming the first', async () => {
    // This test's own process stands in for a running build.
    writeFileSync(
      join(root, 'dist.lock'),
      JSON.stringify({ pid: process.pid, started: '2026-11-30T18:00:00Z' }),
    );
    try {
      const second = await runCliAsync(args, { cwd: root, env: { OPENAI_API_KEY: '' } });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `dist\\.lock:1:1: error: another build \\(process ${process.pid}, started 2026-11-30T18:00:00Z\\) is writing dist \\[build/locked\\]\\n  hint: wait for it to finish; if no build is running, delete dist\\.lock`,
        ),
      );
      expectWholeSite();
    } finally {
      rmSync(join(root, 'dist.lock'));
    }
  });

  test('a lock left by a killed build is taken over', async () => {
    writeFileSync(
      join(root, 'dist.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, started: 'then' }),
    );
    const next = await runCliAsync(args, { cwd: root, env: { OPENAI_API_KEY: '' } });
    expect(next.status).toBe(0);
    expect(existsSync(join(root, 'dist.lock'))).toBe(false);
  }, 180_000);
});
