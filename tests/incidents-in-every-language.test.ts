/**
 * Incidents written in Japanese, Chinese, Korean, Hebrew, Arabic, German and emoji go through
 * one real build: their threads, pages, search and images.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { renderOgSvg } from '../src/pipeline/render/og-image.js';
import { renderPng } from '../src/pipeline/render/timeline-png.js';
import { renderTimelineSvg, timelineText } from '../src/pipeline/render/timeline-svg.js';
import { loadTypesetter } from '../src/pipeline/render/fonts.js';
import { FactsSchema, type Facts } from '../src/schemas/facts.js';
import { splitThread, tweetLength } from '../src/pipeline/write/split-tweets.js';
import { analyzePaste, writePack } from '../src/browser/paste-to-pack.js';
import { nodeFontSource } from '../src/pipeline/render/fonts.js';
import { announceMissingBrowser, hasChromium, launchChromium } from './helpers/browser.js';
import { runCliAsync, siteBuildArgs, tempDir } from './helpers/cli.js';
import { differingPixels } from './helpers/png-pixels.js';
import { serveStatic } from './helpers/static-server.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/languages');
const JAPANESE = '2026-04-01-shinkansen-booking-outage';
const CHINESE = '2026-04-02-payment-database-outage';
const KOREAN = '2026-04-03-login-outage-korea';
const HEBREW = '2026-04-04-payments-api-errors-hebrew';
const ARABIC = '2026-04-05-checkout-outage-arabic';
const GERMAN = '2026-04-06-rechenzentrum-stromausfall';
const EMOJI = '2026-04-07-emoji-status-updates';
const ALL = [JAPANESE, CHINESE, KOREAN, HEBREW, ARABIC, GERMAN, EMOJI];

let root: string;
let dist: string;

beforeAll(async () => {
  root = tempDir('incidentpost-languages-');
  cpSync(FIXTURES, join(root, 'incidents'), { recursive: true });
  writeFileSync(
    join(root, 'incidentpost.config.json'),
    JSON.stringify({ site: { name: 'Status', url: 'https://status.example' } }),
  );
  dist = join(root, 'dist');
  const result = await runCliAsync(siteBuildArgs('--config', 'incidentpost.config.json'), {
    cwd: root,
    env: { OPENAI_API_KEY: '', SOURCE_DATE_EPOCH: '1771200000' },
  });
  if (result.status !== 0)
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
}, 240_000);

afterAll(() => {
  rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
});

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment,
  );

describe('threads in every script', () => {
  test('every tweet is within 280 and made of whole grapheme clusters', () => {
    for (const slug of ALL) {
      const thread = readFileSync(join(root, 'generated', slug, 'twitter-thread.txt'), 'utf8');
      const tweets = thread.split('\n---\n').filter(Boolean);
      expect(tweets.length).toBeGreaterThan(0);
      for (const tweet of tweets) {
        expect({ slug, length: tweetLength(tweet) <= 280 }).toEqual({ slug, length: true });
        // A cut inside a ZWJ sequence or a flag leaves a joiner or a lone regional indicator.
        for (const cluster of graphemes(tweet)) {
          expect(cluster).not.toMatch(/^\u200d|\u200d$/u);
          expect(cluster).not.toMatch(/^\p{Regional_Indicator}$/u);
        }
      }
      // A company posts the title's words, not the pasted alert's emoji decoration.
      if (slug === EMOJI) {
        expect(thread).toContain('Chat uploads down');
        expect(thread).not.toMatch(/\p{Extended_Pictographic}/u);
      }
    }
  });

  test('a whole timeline in each language splits between words, within 280', () => {
    for (const slug of ALL) {
      const source = readFileSync(join(FIXTURES, `${slug}.md`), 'utf8');
      const language = /^language: (.+)$/m.exec(source)?.[1];
      const text = source
        .split('\n')
        .filter((line) => /^\d\d:\d\d /.test(line))
        .map((line) => line.slice(6))
        .join(' ')
        .repeat(3);
      const tweets = splitThread([text], language);
      expect(tweets.length).toBeGreaterThan(1);
      const words = new Set(
        [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)].map(
          (s) => s.index,
        ),
      );
      let at = 0;
      for (const tweet of tweets) {
        expect(tweetLength(tweet)).toBeLessThanOrEqual(280);
        const body = tweet.replace(/^\d+\/\d+ /, '');
        at = text.indexOf(body, at);
        expect({ slug, body, atWordBoundary: words.has(at) }).toEqual({
          slug,
          body,
          atWordBoundary: true,
        });
        at += body.length;
      }
    }
  });
});

const factsOf = (slug: string): Facts =>
  FactsSchema.parse(JSON.parse(readFileSync(join(root, 'generated', slug, 'facts.json'), 'utf8')));

async function ogPng(facts: Facts): Promise<Uint8Array> {
  const typesetter = await loadTypesetter(`${facts.title}…`, facts.language);
  return renderPng(renderOgSvg(facts, typesetter), 1200, typesetter.faces());
}

describe('images draw every script', () => {
  test('each link preview draws its title, compared with a card whose title is blank', async () => {
    for (const slug of ALL) {
      const facts = factsOf(slug);
      const og = new Uint8Array(readFileSync(join(root, 'generated', slug, 'og.png')));
      const blank = await ogPng({ ...facts, title: '' });
      // The title band: three lines of 60 px text from y = 160.
      expect({ slug, drawn: (await differingPixels(og, blank, 150, 400)) > 1500 }).toEqual({
        slug,
        drawn: true,
      });
    }
  });

  test('Japanese, Chinese, Korean and emoji alone are drawn, not left blank', async () => {
    const base = factsOf(EMOJI);
    const blank = await ogPng({ ...base, title: '' });
    // The flag's picture is white and light grey but for its red disc (about 450 pixels).
    const least = { 新幹線: 800, 数据库: 800, 데이터: 800, '🔥🚨': 800, '👩‍💻👨‍👩‍👧‍👦': 800, '🇯🇵': 400 };
    for (const [title, pixels] of Object.entries(least)) {
      const drawn = await differingPixels(await ogPng({ ...base, title }), blank, 150, 400);
      expect({ title, drawn: drawn > pixels }).toEqual({ title, drawn: true });
    }
  });

  test('each timeline draws its title and its events', async () => {
    for (const slug of [JAPANESE, CHINESE, KOREAN, HEBREW, ARABIC, EMOJI]) {
      const facts = factsOf(slug);
      const png = new Uint8Array(readFileSync(join(root, 'generated', slug, 'timeline.png')));
      const blankFacts = {
        ...facts,
        title: '',
        events: facts.events.map((event) => ({ ...event, text: '', actor: null, source: null })),
      };
      const typesetter = await loadTypesetter(timelineText(facts), facts.language);
      const blank = await renderPng(
        renderTimelineSvg(blankFacts, typesetter),
        960,
        typesetter.faces(),
      );
      expect({ slug, title: (await differingPixels(png, blank, 10, 45)) > 300 }).toEqual({
        slug,
        title: true,
      });
      expect({ slug, events: (await differingPixels(png, blank, 190, 320)) > 2000 }).toEqual({
        slug,
        events: true,
      });
    }
  });

  test('right-to-left titles are laid out right to left in both images', () => {
    /** x of the run holding `word`, in the text elements at baseline y. */
    const xOf = (svg: string, y: number, word: string) => {
      for (const m of svg.matchAll(/<text x="([\d.]+)" y="(\d+)"[^>]*>([^<]*)<\/text>/g))
        if (Number(m[2]) === y && (m[3] ?? '').includes(word)) return Number(m[1]);
      throw new Error(`${word} not at y=${y}`);
    };
    const hebrew = readFileSync(join(root, 'generated', HEBREW, 'timeline.svg'), 'utf8');
    // "שגיאות ב-API של התשלומים": first word rightmost, the last leftmost.
    expect(xOf(hebrew, 34, 'שגיאות')).toBeGreaterThan(xOf(hebrew, 34, 'API'));
    expect(xOf(hebrew, 34, 'API')).toBeGreaterThan(xOf(hebrew, 34, 'התשלומים'));
    const arabic = readFileSync(join(root, 'generated', ARABIC, 'timeline.svg'), 'utf8');
    expect(xOf(arabic, 34, 'انقطاع')).toBeGreaterThan(xOf(arabic, 34, 'API'));
  });

  test('a right-to-left link preview title is set flush right, in order', async () => {
    const facts = factsOf(HEBREW);
    const typesetter = await loadTypesetter(facts.title, facts.language);
    const svg = renderOgSvg(facts, typesetter);
    const runs = [...svg.matchAll(/<text x="([\d.]+)" y="220"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      text: (m[2] ?? '').replace(/\u200f/g, ''),
    }));
    expect(runs.map((run) => run.text.trim())).toEqual(['של התשלומים', 'API', 'שגיאות ב-']);
    const last = runs.at(-1) as { x: number; text: string };
    const end = last.x + typesetter.width(last.text, { size: 60, weight: 700 });
    expect(end).toBeCloseTo(1200 - 72, 0);
  });
});

describe('pages declare their language and direction', () => {
  const html = (slug: string) => readFileSync(join(dist, 'incidents', slug, 'index.html'), 'utf8');

  test('each incident page carries its language in lang and dir', () => {
    expect(html(JAPANESE)).toMatch(/<html lang="ja" dir="ltr"/);
    expect(html(CHINESE)).toMatch(/<html lang="zh-Hans" dir="ltr"/);
    expect(html(KOREAN)).toMatch(/<html lang="ko" dir="ltr"/);
    expect(html(HEBREW)).toMatch(/<html lang="he" dir="rtl"/);
    expect(html(ARABIC)).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html(GERMAN)).toMatch(/<html lang="de" dir="ltr"/);
    // No language in the front matter: the site's default.
    expect(html(EMOJI)).toMatch(/<html lang="en" dir="ltr"/);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(/<html lang="en" dir="ltr"/);
  });

  test('Pagefind indexed each page in its own language', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(
      ['ar', 'de', 'en', 'he', 'ja', 'ko', 'zh-hans'].sort(),
    );
  });
});

describe('in a real browser', () => {
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(dist, '/');
    if (hasChromium) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const inBrowser = (name: string, body: (page: Page) => Promise<void>, timeout = 60_000) =>
    test(
      name,
      async () => {
        if (!browser) {
          announceMissingBrowser();
          return;
        }
        const page = await browser.newPage();
        try {
          await body(page);
        } finally {
          await page.close();
        }
      },
      timeout,
    );

  const searchHome = async (page: Page, query: string) => {
    await page.goto(server.url('/'));
    await page.fill('input[type="search"]', query);
    const link = page.locator('[data-search-results] a').first();
    await link.waitFor({ timeout: 10_000 });
    return new URL((await link.getAttribute('href')) ?? '', server.origin).pathname;
  };

  inBrowser('the home search finds a Japanese word in the middle of a sentence', async (page) => {
    // 新幹線 appears only inside 「東京駅で新幹線の予約ができなかった」, with no spaces around it.
    expect(await searchHome(page, '新幹線')).toBe(`/incidents/${JAPANESE}/`);
  });

  inBrowser('the home search finds a Chinese word inside a sentence', async (page) => {
    expect(await searchHome(page, '数据中心')).toBe(`/incidents/${CHINESE}/`);
  });

  inBrowser('the search page finds a Japanese word too', async (page) => {
    await page.goto(server.url('search/?q=接続プール'));
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 10_000 });
    const href = (await result.getAttribute('href')) ?? '';
    expect(new URL(href, server.origin).pathname).toBe(`/incidents/${JAPANESE}/`);
  });

  inBrowser(
    'the /new/ page lays out and draws a Japanese paste as the CLI does',
    async (page) => {
      // Without its emoji: the CLI draws emoji as Twemoji's pictures, the page as Noto Emoji.
      const paste = readFileSync(join(FIXTURES, `${JAPANESE}.md`), 'utf8').replace(' 👩‍💻', '');
      await page.goto(server.url('new/'));
      await page.locator('body[data-pipeline="ready"]').waitFor();
      await page.fill('#paste', paste);
      await page.click('#generate');
      await expect
        .poll(() => page.locator('#form-status').textContent(), { timeout: 120_000 })
        .toMatch(/^Generated|errors/);
      const download = async (name: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`#results a[download="${name}"]`),
        ]);
        return readFileSync(await file.path());
      };
      const { facts } = analyzePaste(paste, {});
      const cli = await writePack(facts as Facts, nodeFontSource);
      // Laid out in Noto Sans JP, at the same measured positions: the same bytes.
      const svg = (await download('timeline.svg')).toString('utf8');
      expect(svg).toContain('font-family="Noto Sans Japanese"');
      expect(svg).toBe(cli.files['timeline.svg']);
      await page.locator('#results a[download="timeline.png"]').waitFor({ timeout: 120_000 });
      const png = new Uint8Array(await download('timeline.png'));
      const drawn = await renderPng(cli.files['timeline.svg'], 960, cli.faces);
      const typesetter = await loadTypesetter(timelineText(facts as Facts), 'ja');
      const blank = await renderPng(
        renderTimelineSvg({ ...(facts as Facts), title: '' }, typesetter),
        960,
        typesetter.faces(),
      );
      // The title is drawn (not left blank), as resvg-js draws it in Node.
      expect(await differingPixels(png, blank, 10, 45)).toBeGreaterThan(300);
      expect(await differingPixels(png, drawn, 0, 400)).toBeLessThan(200);
    },
    240_000,
  );

  inBrowser('a right-to-left title reads right to left on its page', async (page) => {
    await page.goto(server.url(`incidents/${HEBREW}/`));
    const h1 = page.locator('h1');
    expect(await h1.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // "שגיאות ב-API של התשלומים": the first word is rightmost, "API" sits left of it.
    const [first, api] = await h1.evaluate((el) => {
      const text = el.firstChild as Text;
      const box = (word: string) => {
        const range = document.createRange();
        const at = (text.textContent ?? '').indexOf(word);
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        return range.getBoundingClientRect().left;
      };
      return [box('שגיאות'), box('API')];
    });
    expect(api).toBeLessThan(first as number);
  });
});

test('fixtures cover the scripts the issue names', () => {
  expect(readdirSync(FIXTURES).map((f) => f.replace(/\.md$/, ''))).toEqual(ALL);
});
