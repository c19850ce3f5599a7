import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  newVersionPath,
  publishVersion,
  removeStaleOutput,
} from '../src/pipeline/publish/site-swap.js';
import { NODE, tempDir } from './helpers/cli.js';

// Every rename the swap makes is followed by a look at `dist` (see the first test).
const afterRename = vi.hoisted(() => ({ check: null as null | ((to: string) => void) }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      await actual.rename(from, to);
      afterRename.check?.(to);
    },
  };
});

const SWAP = join(import.meta.dirname, '../build/src/pipeline/publish/site-swap.js');
const FILES = 20;

/** A finished site: FILES pages and a `complete` marker, all saying `label`. */
function writeSite(dir: string, label: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `page-${i}.html`), label);
  writeFileSync(join(dir, 'complete'), label);
}

/** `dist` is a whole site: the marker and every page, all of one build. */
function isComplete(dist: string): boolean {
  if (!existsSync(join(dist, 'complete'))) return false;
  const label = readFileSync(join(dist, 'complete'), 'utf8');
  const pages = readdirSync(dist).filter((name) => name.startsWith('page-'));
  return (
    pages.length === FILES &&
    pages.every((page) => readFileSync(join(dist, page), 'utf8') === label)
  );
}

/**
 * A child that, over and over, puts a plain site at `dist-N` (as a build before links left
 * it), says `cN;`, then publishes a new version over it (the first build after the upgrade).
 */
const MIGRATOR = `
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newVersionPath, publishVersion } from ${JSON.stringify(SWAP)};
const [root, work] = process.argv.slice(2);
const site = (dir, label) => {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < ${FILES}; i++) writeFileSync(join(dir, 'page-' + i + '.html'), label);
  writeFileSync(join(dir, 'complete'), label);
};
for (let n = 0; ; n++) {
  const out = join(root, 'dist-' + n);
  site(join(work, 'plain-' + n), 'old-' + n);
  renameSync(join(work, 'plain-' + n), out);
  process.stdout.write('c' + n + ';');
  const suffix = process.pid + '-' + n;
  site(join(work, suffix), 'new-' + n);
  const place = await newVersionPath(out, suffix);
  renameSync(join(work, suffix), place);
  await publishVersion(place, out, suffix);
}
`;

/** Runs `args` in its own process group, SIGKILLed `ms` after its first output; its output. */
function killAfter(ms: number, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(NODE, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      timer ??= setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('the first build after an upgrade turns a plain dist into the link with dist whole throughout', () => {
  test('at every step of the switch, dist is the whole old site or the whole new one', async () => {
    const root = tempDir('incidentpost-migrate-');
    const dist = join(root, 'dist');
    writeSite(dist, 'old');
    const version = await newVersionPath(dist, 'v1');
    writeSite(version, 'new');
    const seen: string[] = [];
    afterRename.check = () => {
      seen.push(existsSync(dist) ? readFileSync(join(dist, 'complete'), 'utf8') : 'missing');
      expect(isComplete(dist)).toBe(true);
    };
    try {
      await publishVersion(version, dist, 'v1');
    } finally {
      afterRename.check = null;
    }
    expect(seen).not.toContain('missing');
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dist, 'complete'), 'utf8')).toBe('new');
    // The old site is gone once nothing links to it.
    expect(readdirSync(`${dist}.versions`)).toEqual(['v1']);
  });

  test('a migration killed at random moments never leaves a dist missing or partial', async () => {
    const root = tempDir('incidentpost-migrate-kill-');
    writeFileSync(join(root, 'migrate.mjs'), MIGRATOR);
    // One migration's time on this machine, so the kills land inside migrations.
    const probe = join(root, 'probe');
    writeSite(probe, 'old');
    const started = Date.now();
    const version = await newVersionPath(probe, 'v1');
    writeSite(version, 'new');
    await publishVersion(version, probe, 'v1');
    const migrationMs = Date.now() - started;
    const kills = 8;
    let migrations = 0;
    for (let kill = 0; kill < kills; kill++) {
      const work = join(root, `work-${kill}`);
      const sites = join(root, `sites-${kill}`);
      mkdirSync(work);
      mkdirSync(sites);
      const output = await killAfter(
        Math.floor(migrationMs * (0.1 + Math.random() * 1.5)),
        ['migrate.mjs', sites, work],
        root,
      );
      const created = [...output.matchAll(/c(\d+);/g)].map((m) => Number(m[1]));
      migrations += created.length;
      for (const n of created) {
        const dist = join(sites, `dist-${n}`);
        expect({ dist, complete: isComplete(dist) }).toEqual({ dist, complete: true });
        // The next build repairs what the kill left and keeps the site whole.
        await removeStaleOutput(dist);
        expect({ dist, complete: isComplete(dist) }).toEqual({ dist, complete: true });
      }
    }
    expect(migrations).toBeGreaterThanOrEqual(kills);
  }, 180_000);

  test('where nothing can swap, a migration killed halfway is put back by the next build', async () => {
    const root = tempDir('incidentpost-migrate-fallback-');
    const dist = join(root, 'dist');
    mkdirSync(`${dist}.versions`);
    // What the fallback's first rename leaves when the build dies before its second.
    writeSite(join(`${dist}.versions`, 'plain-123-1'), 'old');
    writeSite(join(`${dist}.versions`, '123-1'), 'new');
    expect(existsSync(dist)).toBe(false);
    await removeStaleOutput(dist);
    expect(isComplete(dist)).toBe(true);
    expect(readFileSync(join(dist, 'complete'), 'utf8')).toBe('old');
    renameSync(dist, join(root, 'moved'));
  });
});
