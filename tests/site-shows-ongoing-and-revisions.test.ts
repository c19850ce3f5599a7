/**
 * Two things a status-page reader sees that need a site of their own to test: an incident still
 * open (the home banner and the Statuspage status say so), and an incident file's revisions,
 * which come from git and are shown as dates linking to commits, never as commit subjects.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { announceMissingBrowser, hasChromium, launchChromium } from './helpers/browser.js';
import { runCliAsync, siteBuildArgs, tempDir } from './helpers/cli.js';
import { serveStatic } from './helpers/static-server.js';

const EXAMPLE = '2026-01-10-database-connection-pool-exhaustion';
const ONGOING = '2026-03-05-queue-backlog-ongoing';
const REPO = 'https://github.com/acme/incidents';
/** Written for the team, not for status-page readers: must appear nowhere in the site. */
const SUBJECTS = ['Blame @ana for the pool size, see ticket', 'Tidy the timeline wording'];

let root: string;
let dist: string;
const commits: string[] = [];

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();

beforeAll(async () => {
  root = tempDir('incidentpost-revisions-');
  mkdirSync(join(root, 'incidents'));
  git('init', '-q', '-b', 'main');
  const example = join(root, 'incidents', `${EXAMPLE}.md`);
  cpSync(join(import.meta.dirname, `../incidents/${EXAMPLE}.md`), example);
  git('add', '.');
  git('commit', '-q', '-m', SUBJECTS[0] as string, '--date', '2026-01-11T09:00:00Z');
  commits.push(git('rev-parse', 'HEAD'));
  writeFileSync(example, `${readFileSync(example, 'utf8')}\n`);
  cpSync(
    join(import.meta.dirname, `fixtures/site/${ONGOING}.md`),
    join(root, 'incidents', `${ONGOING}.md`),
  );
  git('add', '.');
  git('commit', '-q', '-m', SUBJECTS[1] as string, '--date', '2026-03-05T11:00:00Z');
  commits.push(git('rev-parse', 'HEAD'));
  writeFileSync(
    join(root, 'incidentpost.config.json'),
    JSON.stringify({
      site: { name: 'Acme status', url: 'https://acme.example', repository: REPO },
    }),
  );
  dist = join(root, 'dist');
  const result = await runCliAsync(siteBuildArgs('--config', 'incidentpost.config.json'), {
    cwd: root,
    env: { OPENAI_API_KEY: '', SOURCE_DATE_EPOCH: '1772700000' },
  });
  if (result.status !== 0)
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
}, 240_000);

afterAll(() => {
  rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
});

/** Every text file of the built site, joined: what any reader or crawler can get. */
function everythingPublished(): string {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|json|xml|txt|md|svg)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('an incident file with a git history', () => {
  test('its page lists each revision as a date linking to the commit, newest first', () => {
    const html = readFileSync(join(dist, 'incidents', EXAMPLE, 'index.html'), 'utf8');
    const revisions = html.match(/<ol[^>]*class="revisions"[^>]*>([\s\S]*?)<\/ol>/)?.[1] ?? '';
    const links = [...revisions.matchAll(/<a href="([^"]+)"[^>]*><time datetime="([^"]+)"/g)];
    expect(links.map((link) => link[1])).toEqual([
      `${REPO}/commit/${commits[1]}`,
      `${REPO}/commit/${commits[0]}`,
    ]);
    expect(links.map((link) => link[2]?.slice(0, 10))).toEqual(['2026-03-05', '2026-01-11']);
  });

  test('commit subjects appear on no page, feed or API', () => {
    const published = everythingPublished();
    for (const subject of SUBJECTS) expect(published).not.toContain(subject);
  });
});

describe('an incident still open', () => {
  test('status.json and summary.json report it, in Statuspage terms', () => {
    const status = JSON.parse(readFileSync(join(dist, 'api/v2/status.json'), 'utf8')) as {
      status: { indicator: string };
    };
    expect(status.status.indicator).not.toBe('none');
    const summary = JSON.parse(readFileSync(join(dist, 'api/v2/summary.json'), 'utf8')) as {
      incidents: { id: string; status: string }[];
    };
    expect(summary.incidents.map((i) => [i.id, i.status])).toEqual([[ONGOING, 'identified']]);
  });

  test('the home page banner names it and links to it, in a real browser', async () => {
    if (!hasChromium) {
      announceMissingBrowser();
      expect(process.env['CI']).not.toBe('true');
      return;
    }
    const server = await serveStatic(dist, '/');
    let browser: Browser | null = null;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${server.origin}/`);
      const banner = page.getByText(/Ongoing incident/);
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const link = page.getByRole('link', { name: /Delayed order e-mails/ }).first();
      expect(await link.getAttribute('href')).toBe(`/incidents/${ONGOING}/`);
      expect(await page.getByText('All systems operational').count()).toBe(0);
    } finally {
      await browser?.close();
      await server.close();
    }
  }, 120_000);
});
