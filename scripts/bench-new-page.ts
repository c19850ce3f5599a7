/**
 * npm run bench:new-page: how heavy the /new/ page is and how soon it can be used, in Debian's
 * Chromium on this machine. Serves the built site (dist/, from `npm run build`) and loads
 * /new/ BENCH_ROUNDS times (5 by default), each in a fresh browser context (nothing cached).
 * Prints, per round and as medians:
 *  - script bytes before the page is usable (raw, and gzipped as GitHub Pages serves them),
 *    and those loaded after it, when the page is idle (secret scanner, resvg wasm, fonts);
 *  - DOMContentLoaded, and "interactive": the pipeline-ready mark, when analyze and Generate
 *    run (the form's handlers are attached before that); total blocking time until then
 *    (long tasks' time over 50 ms); when everything is loaded (offline-ready) and handed to
 *    the service worker for a reload offline (offline-kept);
 *  - Generate on the example timeline (the page's own performance marks): until the
 *    postmortem shows, the secret scan is done, and the zip (with the PNG drawn by
 *    resvg-wasm) is ready.
 * Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../src/pipeline/load/load-config.js';
import { launchChromium } from '../tests/helpers/browser.js';
import { serveStatic } from '../tests/helpers/static-server.js';

interface Round {
  eagerScriptBytes: number;
  eagerScriptGzipBytes: number;
  laterBytes: number;
  laterGzipBytes: number;
  domContentLoadedMs: number;
  interactiveMs: number;
  totalBlockingMs: number;
  offlineReadyMs: number;
  offlineKeptMs: number;
  postmortemMs: number;
  scanMs: number;
  zipMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * One cold load of /new/ (`pageUrl`) in a fresh browser context, nothing cached: the script bytes
 * loaded before the page is usable and after it, the page's own timing marks until it is
 * interactive and offline-ready, and Generate on `example` until the postmortem, the secret scan
 * and the zip are done.
 */
async function measureColdLoad(browser: Browser, pageUrl: string, example: string): Promise<Round> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const bodies: { url: string; bytes: Buffer; at: number }[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (!/\.(js|mjs|wasm|ttf)$/.test(new URL(url).pathname)) return;
    bodies.push({ url, bytes: await response.body(), at: Date.now() });
  });
  await page.goto(pageUrl);
  await page.locator('body[data-pipeline="ready"]').waitFor();
  // Nothing typed: the rest loads when the page is idle, then goes to the service worker.
  await page.locator('body[data-offline-kept]').waitFor();
  const timing = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    const ready = performance.getEntriesByName('pipeline-ready')[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      eager: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < ready)
        .map((entry) => entry.name),
      offlineReadyMs: at('offline-ready'),
      offlineKeptMs: at('offline-kept'),
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      interactiveMs: ready,
      totalBlockingMs: w.__longTasks
        .filter((task) => task.start < ready)
        .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    };
  });
  const { eager, ...timings } = timing;
  const before = new Set(eager);
  await page.fill('#paste', example);
  await page.click('#generate');
  await page.locator('#results a[download$="-pack.zip"]').waitFor();
  const marks = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const start = at('generate-start');
    return {
      postmortemMs: at('postmortem-shown') - start,
      scanMs: at('secrets-scanned') - start,
      zipMs: at('zip-ready') - start,
    };
  });
  await page.waitForTimeout(200);
  const sum = (when: 'load' | 'later', gzip: boolean) =>
    bodies
      .filter((body) => before.has(body.url) === (when === 'load'))
      .filter((body) => when === 'later' || body.url.endsWith('.js'))
      .reduce((total, body) => total + (gzip ? gzipSync(body.bytes).length : body.bytes.length), 0);
  const round = {
    eagerScriptBytes: sum('load', false),
    eagerScriptGzipBytes: sum('load', true),
    laterBytes: sum('later', false),
    laterGzipBytes: sum('later', true),
    ...timings,
    ...marks,
  };
  await context.close();
  return round;
}

/** Prints each round on a line, then the medians. */
function printRounds(results: readonly Round[]): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  for (const [i, r] of results.entries())
    process.stdout.write(
      `round ${i + 1}: DOMContentLoaded ${ms(r.domContentLoadedMs)}, interactive ${ms(r.interactiveMs)}, TBT ${ms(r.totalBlockingMs)}, offline-ready ${ms(r.offlineReadyMs)}, kept ${ms(r.offlineKeptMs)}, postmortem ${ms(r.postmortemMs)}, scanned ${ms(r.scanMs)}, zip ${ms(r.zipMs)}\n`,
    );
  const m = (key: keyof Round) => median(results.map((r) => r[key]));
  process.stdout.write(
    [
      `/new/ in ${process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'}, median of ${results.length} cold loads:`,
      `  script before interactive: ${kb(m('eagerScriptBytes'))} (${kb(m('eagerScriptGzipBytes'))} gzipped)`,
      `  loaded after that, when idle (scanner, resvg wasm, fonts): ${kb(m('laterBytes'))} (${kb(m('laterGzipBytes'))} gzipped)`,
      `  DOMContentLoaded: ${ms(m('domContentLoadedMs'))}`,
      `  interactive (pipeline ready): ${ms(m('interactiveMs'))}, total blocking time ${ms(m('totalBlockingMs'))}`,
      `  everything loaded (works offline): ${ms(m('offlineReadyMs'))}; kept by the service worker (reload offline): ${ms(m('offlineKeptMs'))}`,
      `  Generate → postmortem shown: ${ms(m('postmortemMs'))}; → secrets scanned: ${ms(m('scanMs'))}; → zip with PNG ready: ${ms(m('zipMs'))}`,
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
  const { config } = await loadConfig('incidentpost.config.json');
  const base = config?.site.base ?? '/';
  const server = await serveStatic(join(process.cwd(), 'dist'), base);
  const example = readFileSync(
    'incidents/2026-01-10-database-connection-pool-exhaustion.md',
    'utf8',
  );
  const browser = await launchChromium();
  const results: Round[] = [];
  try {
    for (let round = 0; round < rounds; round++)
      results.push(await measureColdLoad(browser, server.url('new/'), example));
  } finally {
    await browser.close();
    await server.close();
  }
  printRounds(results);
}

await main();
