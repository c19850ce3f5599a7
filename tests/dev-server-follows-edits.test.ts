/**
 * `npm run dev` as an author uses it: the packs are generated, `astro dev` starts, and saving an
 * incident file shows the edit in the open page and in search. Run over a throwaway incidents and
 * packs folder (INCIDENTPOST_INCIDENTS, INCIDENTPOST_PACKS), never the repository's own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { announceMissingBrowser, hasChromium, launchChromium } from './helpers/browser.js';
import { NODE, runCliAsync, tempDir } from './helpers/cli.js';

const REPO = join(import.meta.dirname, '..');
const SLUG = '2026-01-28-api-slow-responses';
const TITLE = 'Slow API responses after a cache node restart';
/** A word no page has until the edit adds it to the title. */
const ADDED = 'ptarmigan';
const EDITED_TITLE = `Slow API responses after the ${ADDED} cache node restart`;

if (!hasChromium) announceMissingBrowser();
const inBrowser = hasChromium ? test : test.skip;

let root: string;
let incidentFile: string;
let packs: string;
let server: ChildProcess | undefined;
let serverLog = '';
let origin: string;
let browser: Browser | undefined;
let gitStatusBefore: string;

function gitStatus(): string {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git status failed: ${result.stderr}`);
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The environment of `npm run dev` in an author's shell. Vite reads BASE_URL, MODE and friends,
 * and the runner sets NODE_ENV=test and TEST=true: with those the dev server sends no reload
 * the page acts on (seen: the pack regenerated, the open page never reloaded).
 */
function devServerEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) ||
      name.startsWith('VITEST')
    )
      delete env[name];
  }
  return { ...env, ...extra };
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined)
      throw new Error(`astro dev exited (${server.exitCode}):\n${serverLog}`);
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not answer at ${url} within ${timeoutMs} ms:\n${serverLog}`);
}

/** A failure says what the dev server printed: whether it saw the edit, and what generate said. */
async function withServerLog(check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (cause) {
    if (cause instanceof Error) cause.message += `\n--- astro dev printed:\n${serverLog}`;
    throw cause;
  }
}

/** Types a query into the home page's search box (a fresh load, so the newest index). */
async function searchFromHome(page: Page, query: string): Promise<string> {
  // The first search in dev waits for the index Astro's dev server builds; on a loaded CI
  // machine it once never answered within 10 s, so the page is loaded again and the search
  // typed again, up to three times, before the empty answer is returned.
  let shown = '';
  for (let attempt = 0; attempt < 3 && shown === ''; attempt++) {
    await page.goto(`${origin}/`);
    await page.fill('input[type="search"]', query);
    const answer = page.locator('[data-search-results]');
    await page
      .waitForFunction(
        () => (document.querySelector('[data-search-results]')?.textContent ?? '').trim() !== '',
        undefined,
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    shown = (await answer.innerHTML()).trim();
  }
  return shown;
}

beforeAll(async () => {
  gitStatusBefore = gitStatus();
  // Without a browser there is nothing to watch the dev server with (CI=true failed above).
  if (!hasChromium) return;
  root = tempDir('incidentpost-dev-');
  const incidents = join(root, 'incidents');
  mkdirSync(incidents);
  incidentFile = join(incidents, `${SLUG}.md`);
  cpSync(join(import.meta.dirname, `fixtures/site/${SLUG}.md`), incidentFile);
  packs = join(root, 'generated');
  // As `npm run dev` does (build:cli is done by the test command): generate, then astro dev,
  // both from the repository, as the dev server's own regeneration runs there too.
  const generated = await runCliAsync(['generate', '--incidents', incidents, '--out', packs], {
    cwd: REPO,
    env: { OPENAI_API_KEY: '' },
  });
  if (generated.status !== 0)
    throw new Error(`generate failed:\n${generated.stdout}\n${generated.stderr}`);

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    NODE,
    [
      join(REPO, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      `${port}`,
    ],
    {
      cwd: REPO,
      // Its own process group, so afterAll ends the dev server and the generate runs it starts.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: devServerEnvironment({
        INCIDENTPOST_INCIDENTS: incidents,
        INCIDENTPOST_PACKS: packs,
        INCIDENTPOST_ASTRO_CACHE: astroCacheDir(packs),
        ASTRO_TELEMETRY_DISABLED: '1',
        OPENAI_API_KEY: '',
        NO_COLOR: '1',
      }),
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitForServer(`${origin}/incidents/${SLUG}/`, 90_000);
  browser = await launchChromium();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const timeout = setTimeout(() => {
      try {
        if (server?.pid) process.kill(-server.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    await exited;
    clearTimeout(timeout);
  }
  if (packs) rmSync(astroCacheDir(packs), { recursive: true, force: true });
  if (root) rmSync(root, { recursive: true, force: true });
}, 30_000);

describe('npm run dev follows incident edits', () => {
  inBrowser(
    'an open incident page shows an edited title, and search finds the word it added',
    async () => {
      const page = await browser!.newPage();
      // Search works in dev at all, and the word is not on any page yet.
      expect(await searchFromHome(page, 'latency')).toContain(`/incidents/${SLUG}/`);
      expect(await searchFromHome(page, ADDED)).toContain('No incidents match');

      await page.goto(`${origin}/incidents/${SLUG}/`);
      expect((await page.locator('h1').textContent())?.trim()).toBe(TITLE);

      const saved = Date.now();
      writeFileSync(
        incidentFile,
        readFileSync(incidentFile, 'utf8').replace(`title: ${TITLE}`, `title: ${EDITED_TITLE}`),
      );
      // No reload by the test: the dev server regenerates the pack (a `generate` run, about
      // 2 s of CPU, and much longer in wall time on a loaded machine) and reloads the page.
      await withServerLog(() =>
        expect
          .poll(
            () =>
              page
                .locator('h1')
                .textContent({ timeout: 1_000 })
                .catch(() => ''),
            {
              timeout: 45_000,
              interval: 250,
            },
          )
          .toContain(EDITED_TITLE),
      );
      process.stderr.write(`edit shown in the open page ${Date.now() - saved} ms after the save\n`);

      // The search index is rebuilt from the dev server's pages after the reload.
      await withServerLog(() =>
        expect
          .poll(() => searchFromHome(page, ADDED), { timeout: 30_000, interval: 500 })
          .toContain(`/incidents/${SLUG}/`),
      );
      process.stderr.write(`edit found by search ${Date.now() - saved} ms after the save\n`);
      await page.close();
    },
    120_000,
  );

  test('dev mode writes nothing into the repository', () => {
    expect(gitStatus()).toBe(gitStatusBefore);
  });
});
