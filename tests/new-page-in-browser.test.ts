/**
 * The /new/ page: the pipeline in the reader's browser. One site build, then Debian's Chromium
 * pastes timelines into the built page, served the way GitHub Pages serves it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { announceMissingBrowser, hasChromium, launchChromium } from './helpers/browser.js';
import { runCli, runCliAsync, tempDir } from './helpers/cli.js';
import { serveStatic } from './helpers/static-server.js';

const EXAMPLE = '2026-01-10-database-connection-pool-exhaustion';
const BASE = '/status/';
const fixture = (path: string) => readFileSync(join(import.meta.dirname, path), 'utf8');

let root: string;
let browser: Browser | null = null;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** Every URL any page of the run asked for. */
const requested: string[] = [];

beforeAll(async () => {
  root = tempDir('incidentpost-new-page-');
  mkdirSync(join(root, 'incidents'));
  cpSync(
    join(import.meta.dirname, `../incidents/${EXAMPLE}.md`),
    join(root, 'incidents', `${EXAMPLE}.md`),
  );
  writeFileSync(
    join(root, 'incidentpost.config.json'),
    JSON.stringify({
      site: {
        name: 'Acme status',
        url: 'https://acme.example',
        base: BASE,
        repository: 'https://github.com/acme/incidents',
      },
    }),
  );
  const args = ['--incidents', 'incidents', '--packs', 'generated', '--cache', 'drafts'];
  const result = await runCliAsync(
    ['build', ...args, '--out', 'dist', '--config', 'incidentpost.config.json'],
    { cwd: root, env: { OPENAI_API_KEY: '', SOURCE_DATE_EPOCH: '1771200000' } },
  );
  if (result.status !== 0)
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
  server = await serveStatic(join(root, 'dist'), BASE);
  if (!hasChromium) return;
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.origin,
  });
  context.on('request', (request) => requested.push(request.url()));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
});

const inBrowser = (name: string, body: () => Promise<void>) =>
  test(
    name,
    async () => {
      if (!browser) {
        announceMissingBrowser();
        return;
      }
      await body();
    },
    120_000,
  );

/** The page with the pipeline loaded, a paste in the box and Generate pressed. */
async function generate(paste: string, on?: Page): Promise<Page> {
  const page = on ?? (await context.newPage());
  if (!on) await page.goto(server.url('new/'));
  await page.locator('body[data-pipeline="ready"]').waitFor();
  await page.fill('#paste', paste);
  await page.click('#generate');
  await expect
    .poll(() => page.locator('#form-status').textContent(), { timeout: 30_000 })
    .toMatch(/^Generated|errors/);
  return page;
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#results a[download="${name}"]`),
  ]);
  expect(file.suggestedFilename()).toBe(name);
  return readFileSync(await file.path());
}

describe('the /new/ page', () => {
  test('the home page links to it', () => {
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain(`href="${BASE}new/"`);
  });

  test('Chromium is available (or the run says loudly that browser tests did not run)', () => {
    if (!hasChromium) announceMissingBrowser();
    expect(hasChromium || process.env['CI'] !== 'true').toBe(true);
  });

  inBrowser(
    'the example timeline gives the same postmortem.md as the CLI, and every download works',
    async () => {
      const page = await generate(fixture(`../incidents/${EXAMPLE}.md`));
      const pack = join(root, 'generated', EXAMPLE);
      expect(await download(page, 'postmortem.md')).toEqual(
        readFileSync(join(pack, 'postmortem.md')),
      );
      for (const name of ['timeline.svg', 'hn-post.txt', 'twitter-thread.txt'])
        expect({ name, bytes: await download(page, name) }).toEqual({
          name,
          bytes: readFileSync(join(pack, name)),
        });
      await page.locator(`#results a[download="${EXAMPLE}-pack.zip"]`).waitFor();
      const png = await download(page, 'timeline.png');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const zip = unzipSync(new Uint8Array(await download(page, `${EXAMPLE}-pack.zip`)));
      expect(Object.keys(zip).sort()).toEqual(
        ['hn-post.txt', 'postmortem.md', 'timeline.png', 'timeline.svg', 'twitter-thread.txt'].map(
          (f) => `${EXAMPLE}/${f}`,
        ),
      );
      expect(Buffer.from(zip[`${EXAMPLE}/postmortem.md`]!)).toEqual(
        readFileSync(join(pack, 'postmortem.md')),
      );
      // The incident file to commit is the paste itself, and GitHub's new-file page gets it.
      expect((await download(page, `${EXAMPLE}.md`)).toString()).toBe(
        fixture(`../incidents/${EXAMPLE}.md`),
      );
      const github = new URL(
        (await page.locator('a:has-text("new file on GitHub")').getAttribute('href')) ?? '',
      );
      expect(github.origin + github.pathname).toBe('https://github.com/acme/incidents/new/main');
      expect(github.searchParams.get('filename')).toBe(`incidents/${EXAMPLE}.md`);
      expect(github.searchParams.get('value')).toBe(fixture(`../incidents/${EXAMPLE}.md`));
      // What the analysis found, with the line behind each milestone.
      expect(await page.locator('#milestones tr').count()).toBe(6);
      expect(await page.locator('#milestones').textContent()).toContain(
        '14:23 UTC [PagerDuty] CRITICAL',
      );
      // Each milestone's confidence; the guesses marked as postmortem.md marks them, and the
      // low-confidence warning in the words `incidentpost check` prints.
      const row = (name: string) => page.locator(`#milestones tr:has(th:text-is("${name}"))`);
      expect(await row('acknowledged').textContent()).toContain('high confidence');
      expect(await row('identified').textContent()).toContain('inferred: medium confidence');
      expect(await row('mitigated').textContent()).toMatch(
        /25: 14:47 UTC \[Datadog\] Error rate.*inferred: low confidence.*runner-up line 26/,
      );
      const problems = await page.locator('#problems pre').allTextContents();
      expect(problems.join('\n')).toContain(`incidents/${EXAMPLE}.md:25:1: warning: "mitigated"`);
      const check = runCli(['check', `incidents/${EXAMPLE}.md`], { cwd: root });
      for (const problem of problems) expect(check.stderr).toContain(problem);
      await page.click('button:has-text("Copy thread")');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        readFileSync(join(pack, 'twitter-thread.txt'), 'utf8'),
      );
      await page.close();
    },
  );

  inBrowser('problems read in the same words as `incidentpost check`', async () => {
    const paste = `---\ntitle: Queue backlog\ndate: 2026-06-01\ntimezone: UTC\n---\n\n09:00 queue backlog alert\n09:40 drained, resolved\n\n## Action items\n\n- add a backlog dashboard\n`;
    const page = await generate(paste);
    const shown = (await page.locator('#problems pre').allTextContents()).join('\n');
    const dir = tempDir();
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents', '2026-06-01-queue-backlog.md'), paste);
    const check = runCli(['check', 'incidents/2026-06-01-queue-backlog.md'], { cwd: dir });
    expect(shown).toContain('action item has no priority');
    expect(await page.locator('#milestones tr:has-text("not stated")').count()).toBeGreaterThan(0);
    expect(check.stderr).toContain(shown);
    await page.close();
  });

  inBrowser('a pasted key is flagged, and downloads wait until it is dealt with', async () => {
    const page = await generate(fixture('fixtures/site/2026-03-02-leaked-secret.md'));
    await expect.poll(() => page.locator('#secrets').isVisible()).toBe(true);
    expect(await page.locator('#secret-list').textContent()).toMatch(
      /incidents\/2026-03-02-replica-lag\.md:6:\d+: error: .*(?:postgres|password)/i,
    );
    expect(await page.locator('#downloads').isVisible()).toBe(false);
    expect(await page.locator('#repository-links').isVisible()).toBe(false);
    await page.check('#secrets-ok');
    expect(await page.locator('#downloads').isVisible()).toBe(true);
    await page.close();
  });

  inBrowser(
    'personal data in the paste is pointed out, without holding the downloads',
    async () => {
      const paste = [
        '# Checkout errors',
        '',
        '2026-06-01 14:02 UTC [PagerDuty] checkout 5xx above 5%',
        '14:05 UTC sarah.lee@acme-corp.com acknowledged, calling +1 415 555 0134',
        '14:20 UTC rolled back the deploy; errors back to baseline',
        '14:30 UTC resolved',
      ].join('\n');
      const page = await generate(paste);
      await expect.poll(() => page.locator('#privacy').isVisible()).toBe(true);
      const listed = (await page.locator('#privacy-list').textContent()) ?? '';
      expect(listed).toMatch(/\.md:\d+:\d+: warning: .*sarah\.lee@acme-corp\.com/);
      expect(listed).toMatch(/privacy\/phone/);
      expect(await page.locator('#secrets').isVisible()).toBe(false);
      expect(await page.locator('#downloads').isVisible()).toBe(true);
      await page.close();
    },
  );

  inBrowser('a hostile timeline executes nothing and reads as text', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url('new/'));
    const hostile = `${fixture('fixtures/site/2026-02-14-hostile-input.md')}\n![tracker](https://tracker.example/pixel.png)\n`;
    await generate(hostile, page);
    await page.locator('#results a[download$="-pack.zip"]').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('#postmortem script, #postmortem img').count()).toBe(0);
    expect(await page.locator('#postmortem a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('#postmortem').textContent()).toContain(
      '<script>window.__pwned = 1</script>',
    );
    await page.close();
  });

  inBrowser(
    'once loaded it works offline without a keystroke first, and a reload offline works too',
    async () => {
      // Its own server and context: the server is shut down to be offline for certain, since
      // setOffline does not reach a service worker's own requests in every Chromium.
      const own = await serveStatic(join(root, 'dist'), BASE);
      const offline = await browser!.newContext({ acceptDownloads: true });
      const asked: string[] = [];
      offline.on('request', (request) => asked.push(request.url()));
      const page = await offline.newPage();
      const example = fixture(`../incidents/${EXAMPLE}.md`);
      const pack = join(root, 'generated', EXAMPLE);
      try {
        await page.goto(own.url('new/'));
        // Nothing typed: the scanner, the wasm and the fonts come while the page is idle.
        await page.locator('body[data-offline-kept]').waitFor();
        await offline.setOffline(true);
        await Promise.race([own.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
        await generate(example, page);
        await page.locator(`#results a[download="${EXAMPLE}-pack.zip"]`).waitFor();
        for (const name of ['postmortem.md', 'timeline.svg', 'hn-post.txt', 'twitter-thread.txt'])
          expect({ name, bytes: await download(page, name) }).toEqual({
            name,
            bytes: readFileSync(join(pack, name)),
          });
        expect((await download(page, 'timeline.png')).subarray(1, 4).toString()).toBe('PNG');
        const zip = unzipSync(new Uint8Array(await download(page, `${EXAMPLE}-pack.zip`)));
        expect(Object.keys(zip)).toHaveLength(5);
        expect((await download(page, `${EXAMPLE}.md`)).toString()).toBe(example);

        // The server is gone: the page, its scripts, the wasm and the fonts come from the
        // service worker's copies.
        await page.reload();
        await generate(example, page);
        await page.locator(`#results a[download="${EXAMPLE}-pack.zip"]`).waitFor();
        expect(await download(page, 'postmortem.md')).toEqual(
          readFileSync(join(pack, 'postmortem.md')),
        );
      } finally {
        await offline.close();
        await own.close();
      }
      expect(
        asked.filter((url) => !/^(blob:|data:)/.test(url) && !url.startsWith(own.origin)),
      ).toEqual([]);
    },
  );

  inBrowser('no request ever leaves the origin', async () => {
    // Every page of this file, hostile paste included, asked only its own origin.
    expect(requested.length).toBeGreaterThan(0);
    expect(
      requested.filter((url) => !/^(blob:|data:)/.test(url) && !url.startsWith(server.origin)),
    ).toEqual([]);
  });

  inBrowser('usable by keyboard alone', async () => {
    const page = await context.newPage();
    await page.goto(server.url('new/'));
    await page.locator('body[data-pipeline="ready"]').waitFor();
    await page.focus('#paste');
    await page.keyboard.insertText(fixture(`../incidents/${EXAMPLE}.md`));
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'generate' && tabs++ < 10)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#results a[download="postmortem.md"]').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.focus('#results a[download="postmortem.md"]');
        await page.keyboard.press('Enter');
      })(),
    ]);
    expect(file.suggestedFilename()).toBe('postmortem.md');
    await page.close();
  });

  inBrowser('axe finds nothing serious in light or dark, and it fits 390 px', async () => {
    const problems: string[] = [];
    const shots = join(import.meta.dirname, '../test-results/screenshots');
    mkdirSync(shots, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const schemed = await browser!.newContext({
        colorScheme: scheme,
        viewport: { width: 390, height: 900 },
      });
      const page = await schemed.newPage();
      await page.goto(server.url('new/'));
      await generate(fixture('fixtures/site/2026-03-02-leaked-secret.md'), page);
      await page.locator('#results a[download$="-pack.zip"]').waitFor({ state: 'attached' });
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      ))
        problems.push(
          `${scheme}: ${violation.id} (${violation.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
        );
      expect({
        scheme,
        overflow: await page.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth + 1,
        ),
      }).toEqual({ scheme, overflow: false });
      await page.screenshot({ path: join(shots, `new-390-${scheme}.png`), fullPage: true });
      await schemed.close();
    }
    expect(problems).toEqual([]);
  });
});
