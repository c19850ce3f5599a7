import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../src/pipeline/publish/build-site.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { ApiIncidentsSchema } from '../src/schemas/api.js';
import { JsonFeedSchema } from '../src/schemas/feeds.js';
import { FactsSchema } from '../src/schemas/facts.js';
import { STATUSPAGE_FILES } from '../src/schemas/statuspage.js';
import type { PackSummary } from '../src/site/packs.js';
import { statuspageData } from '../src/site/statuspage.js';
import { announceMissingBrowser, hasChromium, launchChromium } from './helpers/browser.js';
import { RssSchema } from './helpers/rss-schema.js';
import { runCliAsync, siteBuildArgs, tempDir } from './helpers/cli.js';
import { serveStatic } from './helpers/static-server.js';

const EXAMPLE = '2026-01-10-database-connection-pool-exhaustion';
const HOSTILE = '2026-02-14-hostile-input';
/** `status: draft`: built into its pack for the author, never published. */
const DRAFT = '2026-02-20-draft-cache-stampede';
/** Shares the API service with EXAMPLE: a related incident, and a P3 (minor) day on the bars. */
const RELATED = '2026-01-28-api-slow-responses';
const BASE = '/status/';

let root: string;
let dist: string;
let build: (extra?: string[]) => ReturnType<typeof runCliAsync>;

/** Every file under a folder with its size and mtime: enough to see that nothing was touched. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const stats = statSync(path);
      return `${path}:${stats.size}:${stats.mtimeMs}`;
    })
    .sort();
}

afterAll(() => {
  // The content cache for this throwaway packs folder lives in the project's node_modules.
  rmSync(astroCacheDir(join(root, 'generated')), { recursive: true, force: true });
});

beforeAll(async () => {
  root = tempDir('incidentpost-site-');
  mkdirSync(join(root, 'incidents'));
  cpSync(
    join(import.meta.dirname, `../incidents/${EXAMPLE}.md`),
    join(root, 'incidents', `${EXAMPLE}.md`),
  );
  cpSync(
    join(import.meta.dirname, `fixtures/site/${HOSTILE}.md`),
    join(root, 'incidents', `${HOSTILE}.md`),
  );
  cpSync(
    join(import.meta.dirname, `fixtures/site/${DRAFT}.md`),
    join(root, 'incidents', `${DRAFT}.md`),
  );
  cpSync(
    join(import.meta.dirname, `fixtures/site/${RELATED}.md`),
    join(root, 'incidents', `${RELATED}.md`),
  );
  for (const name of ['15-gcp-2020-03-26-iam-stale-data.md', '19-aws-2011-04-21-ebs-us-east.md']) {
    cpSync(join(import.meta.dirname, 'fixtures/corpus', name), join(root, 'incidents', name));
  }
  writeFileSync(
    join(root, 'incidentpost.config.json'),
    JSON.stringify({
      site: {
        name: 'Acme status',
        url: 'https://acme.example',
        base: BASE,
        repository: 'https://github.com/acme/incidents',
        // Five published incidents make three history pages.
        pageSize: 2,
      },
    }),
  );
  dist = join(root, 'dist');
  build = (extra = []) =>
    runCliAsync(siteBuildArgs('--config', 'incidentpost.config.json', ...extra), {
      cwd: root,
      env: { OPENAI_API_KEY: '', SOURCE_DATE_EPOCH: '1771200000' },
    });
  const result = await build();
  if (result.status !== 0)
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
}, 180_000);

describe('one build turns incidents into a complete static site', () => {
  test('every page type, feed and API is written', () => {
    for (const path of [
      'index.html',
      '404.html',
      'incidents/index.html',
      `incidents/${EXAMPLE}/index.html`,
      'services/api/index.html',
      'search/index.html',
      'rss.xml',
      'feed.json',
      'services/api/rss.xml',
      'services/api/feed.json',
      'incidents/where/service/api/severity/p1/index.html',
      'api/incidents.json',
      'api/incidents.schema.json',
      'sitemap-index.xml',
      'incidents/year/2026/index.html',
      'incidents/severity/p1/index.html',
      'pagefind/pagefind.js',
    ]) {
      expect({ path, exists: existsSync(join(dist, path)) }).toEqual({ path, exists: true });
    }
  });

  test('each incident page has its pack beside it, and one zip of it', () => {
    const dir = join(dist, 'incidents', EXAMPLE);
    for (const file of [
      'postmortem.md',
      'timeline.svg',
      'timeline.png',
      'hn-post.txt',
      'twitter-thread.txt',
      'og.png',
    ])
      expect(existsSync(join(dir, file))).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(join(dir, `${EXAMPLE}-pack.zip`))));
    expect(Object.keys(zip).sort()).toEqual(
      ['hn-post.txt', 'postmortem.md', 'timeline.png', 'timeline.svg', 'twitter-thread.txt'].map(
        (f) => `${EXAMPLE}/${f}`,
      ),
    );
    expect(readFileSync(join(dir, 'og.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  test('the JSON API matches its documented schema and the feeds list every incident', () => {
    const api = ApiIncidentsSchema.parse(
      JSON.parse(readFileSync(join(dist, 'api/incidents.json'), 'utf8')),
    );
    expect(api.incidents.map((i) => i.slug)).toContain(EXAMPLE);
    const example = api.incidents.find((i) => i.slug === EXAMPLE);
    expect(example).toMatchObject({
      durationMinutes: 29,
      usersAffected: 12400,
      url: `https://acme.example${BASE}incidents/${EXAMPLE}/`,
    });
    expect(
      JSON.parse(readFileSync(join(dist, 'api/incidents.schema.json'), 'utf8')),
    ).toHaveProperty('properties.incidents');
    const feed = JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8')) as {
      version: string;
      items: unknown[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(5);
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain(
      `<link>https://acme.example${BASE}incidents/${EXAMPLE}/</link>`,
    );
  });

  test('the incident page links to its file in the repository and its git history', () => {
    const html = readFileSync(join(dist, 'incidents', EXAMPLE, 'index.html'), 'utf8');
    expect(html).toContain(`https://github.com/acme/incidents/edit/main/incidents/${EXAMPLE}.md`);
  });
});

describe("a Statuspage-compatible API, so Statuspage's widgets and monitors can read the site", () => {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(dist, path), 'utf8'));

  test.each(Object.keys(STATUSPAGE_FILES))(
    '/api/v2/%s.json is valid against the JSON Schema published beside it',
    (name) => {
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(read(`api/v2/${name}.schema.json`) as object);
      const file = read(`api/v2/${name}.json`);
      expect(validate(file) ? [] : validate.errors).toEqual([]);
      // The published schema is not vacuous: a file without its page is rejected.
      expect(validate({ ...(file as object), page: undefined })).toBe(false);
    },
  );

  test('incidents.json lists published incidents newest first, in Statuspage terms', () => {
    const { page, incidents } = STATUSPAGE_FILES.incidents.parse(read('api/v2/incidents.json'));
    expect(page.url).toBe(`https://acme.example${BASE}`);
    expect(incidents.map((i) => i.id)).not.toContain(DRAFT);
    expect(incidents.map((i) => i.id)).toContain(EXAMPLE);
    const example = incidents.find((i) => i.id === EXAMPLE)!;
    expect(example).toMatchObject({
      name: 'Database Connection Pool Exhaustion',
      status: 'resolved',
      impact: 'critical',
      shortlink: `https://acme.example${BASE}incidents/${EXAMPLE}/`,
      started_at: '2026-01-10T14:23:00+00:00',
      resolved_at: '2026-01-10T14:52:00+00:00',
    });
    expect(example.incident_updates.map((u) => u.status)).toEqual([
      'resolved',
      'monitoring',
      'identified',
      'investigating',
    ]);
    expect(example.incident_updates[0]!.body).toContain('Incident resolved');
    expect(example.components.map((c) => c.name)).toEqual(['API', 'user-sync']);
  });

  test('with nothing ongoing, status.json and summary.json say all systems operational', () => {
    expect(STATUSPAGE_FILES.status.parse(read('api/v2/status.json')).status).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
    const summary = STATUSPAGE_FILES.summary.parse(read('api/v2/summary.json'));
    expect(summary.incidents).toEqual([]);
    expect(summary.components.every((c) => c.status === 'operational')).toBe(true);
    expect(summary.components.map((c) => c.name)).not.toContain('quokkafjord-cache');
  });

  test('an ongoing P1 turns its components and the page red', () => {
    const facts = FactsSchema.parse(
      JSON.parse(readFileSync(join(root, 'generated', EXAMPLE, 'facts.json'), 'utf8')),
    );
    const pack: PackSummary = {
      slug: EXAMPLE,
      key: '',
      facts: { ...facts, status: 'identified' },
      postmortem: { summary: { paragraphs: [] } },
      history: [],
      updates: {},
    };
    const data = statuspageData([pack], {
      name: 'Acme status',
      home: 'https://acme.example/',
      incidentUrl: (slug) => `https://acme.example/incidents/${slug}/`,
    });
    expect(data.status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
    expect(data.components.map((c) => [c.name, c.status])).toEqual([
      ['API', 'major_outage'],
      ['user-sync', 'major_outage'],
    ]);
    expect(data.unresolved.map((i) => [i.id, i.status, i.resolved_at])).toEqual([
      [EXAMPLE, 'identified', null],
    ]);
  });
});

describe('feeds per service, valid in their formats', () => {
  const xml = new XMLParser({ ignoreAttributes: false });
  const rssAt = (path: string) =>
    RssSchema.parse(xml.parse(readFileSync(join(dist, path), 'utf8')));
  const rssLinks = (path: string) =>
    [rssAt(path).rss.channel.item ?? []].flat().map((item) => item.link);
  const jsonAt = (path: string) =>
    JsonFeedSchema.parse(JSON.parse(readFileSync(join(dist, path), 'utf8')));
  const page = (slug: string) => `https://acme.example${BASE}incidents/${slug}/`;

  test.each(['rss.xml', 'services/api/rss.xml'])(
    '%s is RSS 2.0 whose channel link keeps the base path',
    (path) => {
      const { channel } = rssAt(path).rss;
      expect(channel.link).toBe(`https://acme.example${BASE}${path.replace(/rss\.xml$/, '')}`);
    },
  );

  test('a service feed lists only the incidents that affected it, newest first', () => {
    expect(rssLinks('services/api/rss.xml')).toEqual([page(RELATED), page(EXAMPLE)]);
    const feed = jsonAt('services/api/feed.json');
    expect(feed.items.map((item) => item.url)).toEqual([page(RELATED), page(EXAMPLE)]);
    expect(feed.feed_url).toBe(`https://acme.example${BASE}services/api/feed.json`);
    expect(feed.title).toBe('Acme status: API');
    expect(jsonAt('feed.json').items).toHaveLength(5);
  });

  test('the service page offers its feeds, in the page and to feed readers', () => {
    const html = readFileSync(join(dist, 'services/api/index.html'), 'utf8');
    for (const file of ['rss.xml', 'feed.json']) {
      expect(html).toMatch(
        new RegExp(
          `<link rel="alternate"[^>]+href="${BASE}services/api/${file.replace('.', '\\.')}"`,
        ),
      );
      expect(html).toMatch(new RegExp(`<a href="${BASE}services/api/${file.replace('.', '\\.')}"`));
    }
  });

  test('the feed schemas reject what the formats reject', () => {
    const feed = jsonAt('feed.json');
    expect(
      JsonFeedSchema.safeParse({ ...feed, items: [{ id: 'x', title: 'no content' }] }).success,
    ).toBe(false);
    expect(JsonFeedSchema.safeParse({ ...feed, version: '1.1' }).success).toBe(false);
    const rss = rssAt('rss.xml');
    expect(
      RssSchema.safeParse({
        rss: { ...rss.rss, '@_version': '2.0', channel: { ...rss.rss.channel, link: undefined } },
      }).success,
    ).toBe(false);
    expect(
      RssSchema.safeParse({
        rss: {
          '@_version': '2.0',
          channel: { ...rss.rss.channel, item: { title: 'x', pubDate: '2026-01-10' } },
        },
      }).success,
    ).toBe(false);
  });
});

describe('filters that combine and say which are active', () => {
  const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
  const listed = (page: string) =>
    [...page.matchAll(/<li data-services[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]);

  test('service and severity together list only the incidents with both', () => {
    const page = html('incidents/where/service/api/severity/p1');
    expect(listed(page)).toEqual([`${BASE}incidents/${EXAMPLE}/`]);
    expect(listed(html('incidents/where/service/api/severity/p3'))).toEqual([
      `${BASE}incidents/${RELATED}/`,
    ]);
  });

  test('a filtered page names its active filters, each removable on its own', () => {
    const page = html('incidents/where/service/api/severity/p1');
    expect(page).toContain('aria-label="Remove filter Service: API"');
    expect(page).toMatch(
      new RegExp(
        `href="${BASE}incidents/severity/p1/"[^>]*aria-label="Remove filter Service: API"`,
      ),
    );
    expect(page).toMatch(
      new RegExp(`href="${BASE}services/api/"[^>]*aria-label="Remove filter Severity: P1"`),
    );
    expect(page).toMatch(/<a class="button" href="[^"]+" aria-current="page">P1<\/a>/);
  });

  test('a filter link adds to the filters of the page it is on, and leads only to pages that exist', () => {
    const page = html('services/api');
    const start = page.indexOf('aria-label="Filter incidents"');
    const nav = page.slice(start, page.indexOf('</nav>', start));
    expect(nav).toContain(`href="${BASE}incidents/where/service/api/severity/p1/"`);
    const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs)
      expect({
        href,
        exists: existsSync(join(dist, href.slice(BASE.length), 'index.html')),
      }).toEqual({
        href,
        exists: true,
      });
  });
});

describe('the history comes in pages (site.pageSize is 2 here), so no page grows with it', () => {
  const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
  // Quoted attribute values may hold `>`: the hostile incident's services do.
  const listed = (page: string) =>
    [...page.matchAll(/<li data-services(?:"[^"]*"|[^">])*>\s*<a href="([^"]+)"/g)].map(
      (m) => m[1],
    );
  /** Every published incident's page, newest first, as the JSON API lists them. */
  const newestFirst = () =>
    (
      JSON.parse(readFileSync(join(dist, 'api/incidents.json'), 'utf8')) as {
        incidents: { slug: string }[];
      }
    ).incidents.map(({ slug }) => `${BASE}incidents/${slug}/`);

  test('page 1 keeps its address; page 2 lists the next incidents and links to both neighbours', () => {
    const all = newestFirst();
    expect(all).toHaveLength(5);
    const first = html('incidents');
    const second = html('incidents/2');
    expect(listed(first)).toEqual(all.slice(0, 2));
    expect(listed(second)).toEqual(all.slice(2, 4));
    expect(listed(html('incidents/3'))).toEqual(all.slice(4));
    expect(existsSync(join(dist, 'incidents/4/index.html'))).toBe(false);
    // Links a reader follows, and the same series in the head for crawlers and tools.
    expect(first).toContain(`<a href="${BASE}incidents/2/" rel="next">`);
    expect(first).not.toContain('rel="prev"');
    expect(second).toContain(`<a href="${BASE}incidents/" rel="prev">`);
    expect(second).toContain(`<a href="${BASE}incidents/3/" rel="next">`);
    expect(second).toContain(`<link rel="prev" href="${BASE}incidents/">`);
    expect(second).toContain(`<link rel="next" href="${BASE}incidents/3/">`);
    expect(second).toContain('Page 2 of 3');
    expect(second).toMatch(/<title>Incident history, page 2 · Acme status<\/title>/);
  });

  test('a year, a service and combined filters page the same way, page 1 at the old address', () => {
    const all = newestFirst();
    const in2026 = html('incidents/year/2026');
    expect(listed(in2026)).toHaveLength(2);
    const rest = listed(html('incidents/year/2026/2'));
    expect(rest.length).toBeGreaterThan(0);
    expect([...listed(in2026), ...rest]).toEqual(
      all.filter((href) => /\/incidents\/2026-/.test(href)),
    );
    expect(in2026).toContain(`<a href="${BASE}incidents/year/2026/2/" rel="next">`);
    // Two incidents of the API service fill one page: no page 2, no links to one.
    expect(html('services/api')).not.toContain('rel="next"');
    expect(existsSync(join(dist, 'services/api/2/index.html'))).toBe(false);
    expect(html('incidents/where/service/api/year/2026')).not.toContain('class="pagination"');
  });
});

describe('incident pages and bars connect incidents', () => {
  test('an incident page lists the other incidents of its services', () => {
    const html = readFileSync(join(dist, 'incidents', EXAMPLE, 'index.html'), 'utf8');
    const related = html.slice(html.indexOf('id="related-heading"'));
    expect(related).toContain(`href="${BASE}incidents/${RELATED}/"`);
    expect(related).not.toContain(`href="${BASE}incidents/${HOSTILE}/"`);
  });

  test("each day on the 90-day bars is coloured by its worst incident's severity", () => {
    const html = readFileSync(join(dist, 'services/api/index.html'), 'utf8');
    const days = [...html.matchAll(/<span data-level="(\w+)" title="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(days).toHaveLength(90);
    expect(days.find(([, title]) => title!.startsWith('2026-01-28'))).toEqual([
      'minor',
      expect.stringContaining('(P3)'),
    ]);
    // The P1 lasted 29 minutes, yet its day is critical: severity, not minutes, sets the colour.
    expect(days.find(([, title]) => title!.startsWith('2026-01-10'))).toEqual([
      'critical',
      expect.stringContaining('(P1), 29 minutes'),
    ]);
  });
});

describe('a draft stays private', () => {
  test('its pack is written, but no page, feed, API, sitemap or download names it', () => {
    expect(existsSync(join(root, 'generated', DRAFT, 'postmortem.md'))).toBe(true);
    const leaks = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(html|xml|json|txt|md|svg)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => /quokkafjord|draft-cache-stampede/i.test(readFileSync(path, 'utf8')));
    expect(leaks).toEqual([]);
    expect(existsSync(join(dist, 'incidents', DRAFT))).toBe(false);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('Ongoing incident');
  });
});

/**
 * The start tags of `html`, each quoted attribute value whole: the elements a browser makes,
 * without the text between them. Text may read `<a href="javascript:…">` once escaped (the
 * inlined SVG escapes only `<` and `&` in text), and is inert.
 */
const startTags = (html: string): string =>
  html
    .match(/<[a-z][^\s/>]*(?:\s+[^\s=/>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/gi)
    ?.join('\n') ?? '';

describe('incident text is data, never code', () => {
  test('script tags, expressions, ESM lines, event handlers and javascript: links come out as text', () => {
    const html = readFileSync(join(dist, 'incidents', HOSTILE, 'index.html'), 'utf8');
    // Inside a quoted attribute `<script>` is inert text; look at the markup outside attributes.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<script>window\.__pwned/);
    expect(markup).not.toMatch(/<img[^>]*onerror/i);
    expect(startTags(html)).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 3&lt;/script&gt;');
    expect(html).toContain('export const pwned = 7');
    expect(html).toContain('{process.exit(1)}');
  });

  test('human sections: unsafe links become text, HTML blocks stay text in place, images become links', () => {
    const html = readFileSync(join(dist, 'incidents', HOSTILE, 'index.html'), 'utf8');
    expect(startTags(html)).not.toMatch(/href="\s*(?:javascript|data|vbscript):/i);
    expect(html).toContain('the runbook');
    // The sections after an HTML block and a comment are still their own sections.
    expect(html).toMatch(/<h2[^>]*>Response and recovery<\/h2>/);
    expect(html).toMatch(/<h2[^>]*>Impact<\/h2>/);
    expect(html).toContain('&lt;div onmouseover=');
    expect(html).not.toContain('TODO: write this up');
    expect(html).not.toMatch(/<img[^>]*tracker\.example\.net/);
    expect(html).toMatch(
      /<a href="https:\/\/tracker\.example\.net\/pixel\.png\?from=incident"[^>]*>the error graph \(image\)<\/a>/,
    );
  });

  test('a secret stops the build with file:line:col and the rule, and nothing is published', async () => {
    const before = fingerprint(dist);
    cpSync(
      join(import.meta.dirname, 'fixtures/site/2026-03-02-leaked-secret.md'),
      join(root, 'incidents/2026-03-02-leaked-secret.md'),
    );
    try {
      const result = await build();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /incidents\/2026-03-02-leaked-secret\.md:6:\d+: error: .*(?:postgres|password).* \[secret\/[\w-]+\]\n {2}hint: remove the secret/,
      );
      expect(result.stderr).toContain('nothing was generated or written to dist');
      expect(fingerprint(dist)).toEqual(before);
    } finally {
      rmSync(join(root, 'incidents/2026-03-02-leaked-secret.md'));
      rmSync(join(root, 'generated/2026-03-02-leaked-secret'), { recursive: true, force: true });
    }
  }, 120_000);

  test('a bad incident stops the build and leaves the previous site as it was', async () => {
    const before = fingerprint(dist);
    writeFileSync(
      join(root, 'incidents/2026-04-01-broken.md'),
      '---\ndate: 2026-04-01\n---\n25:61 UTC down\n',
    );
    try {
      const result = await build();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'incidents/2026-04-01-broken.md:4:1: error: impossible time "25:61"',
      );
      expect(fingerprint(dist)).toEqual(before);
    } finally {
      rmSync(join(root, 'incidents/2026-04-01-broken.md'));
    }
  }, 120_000);
});

describe('a damaged packs folder', () => {
  test('a missing pack file stops the build, names the file and leaves the site as it was', async () => {
    const before = fingerprint(dist);
    const png = join(root, 'generated', EXAMPLE, 'og.png');
    const saved = readFileSync(png);
    rmSync(png);
    try {
      const result = await build();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`generated/${EXAMPLE}/og.png:1:1: error:`);
      expect(result.stderr).toContain('hint: delete generated and build again');
      expect(fingerprint(dist)).toEqual(before);
    } finally {
      writeFileSync(png, saved);
    }
  }, 120_000);
});

describe('the site in a real browser', () => {
  let browser: Browser | null = null;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(dist, BASE);
    if (!hasChromium) return;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Chromium is available (or the run says loudly that browser tests did not run)', () => {
    if (!hasChromium) announceMissingBrowser();
    expect(hasChromium || process.env['CI'] !== 'true').toBe(true);
  });

  const inBrowser = (name: string, body: () => Promise<void>, timeout = 180_000) =>
    test(
      name,
      async () => {
        if (!browser) {
          announceMissingBrowser();
          return;
        }
        await body();
      },
      timeout,
    );

  inBrowser(
    'clicking every link of a hostile incident page runs no script and sends no request off the origin',
    async () => {
      const hostileContext = await (browser as Browser).newContext();
      const offOrigin: string[] = [];
      const dialogs: string[] = [];
      // Off-origin requests are recorded and stopped: only a top-level navigation to the very
      // link the reader clicked (an http(s) link shown as such) may leave.
      let clicked = '';
      await hostileContext.route('**/*', async (route) => {
        const request = route.request();
        if (new URL(request.url()).origin === server.origin) return route.continue();
        // The clicked link itself is answered 204, so the navigation ends where it began.
        if (request.isNavigationRequest() && request.url() === clicked)
          return route.fulfill({ status: 204 });
        offOrigin.push(`${request.resourceType()} ${request.url()}`);
        return route.abort();
      });
      hostileContext.on('page', (page) =>
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        }),
      );
      const pageUrl = server.url(`incidents/${HOSTILE}/`);
      const first = await hostileContext.newPage();
      await first.goto(pageUrl);
      const hrefs = await first
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(5);
      expect(hrefs.filter((href) => !/^(?:https?|mailto):/i.test(href))).toEqual([]);
      // A fresh page per link: a click navigates asynchronously, so reusing one page races the
      // next load against the last click's navigation.
      for (const [i, href] of hrefs.entries()) {
        const page = await hostileContext.newPage();
        await page.goto(pageUrl);
        clicked = href;
        await page
          .locator('a[href]')
          .nth(i)
          .evaluate((a) => (a as HTMLAnchorElement).click());
        await page.waitForTimeout(300);
        await page.waitForLoadState('load');
        const pwned = await page
          .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
          .catch(() => undefined);
        expect({ href, pwned }).toEqual({ href, pwned: undefined });
        await page.close();
      }
      await first.close();
      expect(dialogs).toEqual([]);
      expect(offOrigin).toEqual([]);
      await hostileContext.close();
    },
    480_000,
  );

  inBrowser('a feed reader that renders RSS as HTML shows hostile text as text', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    // The site's feed, and the feed of the service the hostile incident names.
    const feeds = ['rss.xml', 'services/img-src-x-onerror-window-pwned-2/rss.xml'].map((path) =>
      readFileSync(join(dist, path), 'utf8'),
    );
    const shown = await page.evaluate(async (xmls) => {
      const reader = document.createElement('section');
      document.body.append(reader);
      const channels = xmls.map((xml) => new DOMParser().parseFromString(xml, 'application/xml'));
      for (const item of channels.flatMap((doc) => [
        ...Array.from(doc.querySelectorAll('channel')),
        ...Array.from(doc.querySelectorAll('item')),
      ])) {
        const article = document.createElement('article');
        // What readers do: the title and the description, as HTML.
        article.innerHTML = `<h2>${item.querySelector('title')?.textContent ?? ''}</h2>${item.querySelector('description')?.textContent ?? ''}`;
        reader.append(article);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        images: reader.querySelectorAll('img, script').length,
        text: reader.textContent,
      };
    }, feeds);
    expect(shown.pwned).toBeUndefined();
    expect(shown.images).toBe(0);
    expect(shown.text).toContain('<script>window.__pwned = 1</script>');
    expect(shown.text).toContain('Acme status: <img src=x onerror=window.__pwned=2>');
    await page.close();
  });

  inBrowser('searching "syncUserData" on the home page finds the example incident', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    await page.fill('input[type="search"]', 'syncUserData');
    const link = page.locator('[data-search-results] a').first();
    await link.waitFor({ timeout: 10_000 });
    expect(await link.getAttribute('href')).toBe(`${BASE}incidents/${EXAMPLE}/`);
    await page.close();
  });

  inBrowser('search finds nothing of a draft', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    await page.fill('input[type="search"]', 'quokkafjord');
    await expect
      .poll(() => page.locator('[data-search-results]').textContent(), { timeout: 10_000 })
      .toContain('No incidents match');
    await page.close();
  });

  inBrowser('the search page filters by service and severity', async () => {
    const page = await context.newPage();
    await page.goto(server.url('search/?q=connection'));
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    // Excerpts read as text: no label run into its value, no badges run together.
    const excerpts = await page.locator('.pagefind-ui__result-excerpt').allTextContents();
    expect(excerpts.join(' ')).not.toMatch(/(?:Date|Status|Severity|Duration)[A-Z0-9]|APIuser/);
    // Pagefind renders its filter groups as their indexes load, after the first results: on a
    // loaded CI machine the last group took more than 10 s once.
    await expect
      .poll(
        async () =>
          (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((f) =>
            f.trim().toLowerCase(),
          ),
        { timeout: 30_000 },
      )
      .toEqual(expect.arrayContaining(['service', 'severity']));
    await page.close();
  });

  inBrowser(
    'the share drafts are read-only text in a collapsed section, with copy buttons and little script',
    async () => {
      const page = await context.newPage();
      let script = 0;
      page.on('response', async (response) => {
        if (/\.m?js(?:\?|$)/.test(response.url())) script += (await response.body()).length;
      });
      await page.goto(server.url(`incidents/${EXAMPLE}/`));
      await page.waitForLoadState('networkidle');
      // Inline scripts and script files together: the page once shipped 81 KB for live counters.
      const inline = await page.evaluate(() =>
        [...document.scripts].reduce((sum, el) => sum + (el.textContent?.length ?? 0), 0),
      );
      expect(script + inline).toBeLessThan(4_000);
      expect(await page.locator('textarea').count()).toBe(0);
      await expect
        .poll(() => page.locator('button:has-text("Copy thread")').isVisible())
        .toBe(false);
      await page.click('details.share summary');
      await page.click('button:has-text("Copy thread")');
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toContain('copied');
      const thread = readFileSync(
        join(dist, 'incidents', EXAMPLE, 'twitter-thread.txt'),
        'utf8',
      ).trim();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(thread);
      await page.click('button:has-text("Copy HN post")');
      const hn = await page.evaluate(() => navigator.clipboard.readText());
      expect(hn).toMatch(/^Postmortem: Database Connection Pool Exhaustion\n\n/);
      // Hacker News shows Markdown as typed: code spans lose their backticks.
      expect(hn).toContain('connection.release()');
      expect(hn).not.toContain('`');
      await page.close();
    },
  );

  inBrowser('a link to a timeline entry scrolls to that entry and marks it', async () => {
    const page = await context.newPage();
    await page.goto(server.url(`incidents/${EXAMPLE}/`));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id) => id.startsWith('t-'))).toHaveLength(12);
    expect(ids.length).toBe(new Set(ids).size);
    /** The element the address targets, its timeline entry, and whether the entry is in view. */
    const target = (on: typeof page) =>
      on.evaluate(() => {
        const element = document.querySelector(':target');
        const entry = element?.closest('li');
        const box = entry?.getBoundingClientRect();
        return {
          hash: location.hash,
          id: element?.id,
          entry: entry?.textContent ?? '',
          inView: box ? box.top >= 0 && box.bottom <= window.innerHeight : false,
          scrolled: window.scrollY > 0,
          marked: entry ? getComputedStyle(entry).outlineStyle : 'none',
        };
      });
    // A link shared in a review opens the page at the entry.
    const shared = await context.newPage();
    await shared.goto(server.url(`incidents/${EXAMPLE}/#t-14-35`));
    await expect
      .poll(() => target(shared), { timeout: 10_000 })
      .toMatchObject({ id: 't-14-35', inView: true, scrolled: true, marked: 'solid' });
    expect((await target(shared)).entry).toContain('PR #2847 missing connection.close()');
    await shared.close();
    // The entry's time is the link a reviewer copies: following it from the top does the same.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('a[href="#t-14-47"]').evaluate((a) => (a as HTMLAnchorElement).click());
    await expect
      .poll(() => target(page), { timeout: 10_000 })
      .toMatchObject({ hash: '#t-14-47', id: 't-14-47', inView: true, scrolled: true });
    expect((await target(page)).entry).toContain('Error rate: 0.1%, API latency normal');
    await page.close();
  });

  inBrowser('every download link answers 200', async () => {
    const page = await context.newPage();
    await page.goto(server.url(`incidents/${EXAMPLE}/`));
    const hrefs = await page
      .locator('#download-heading + ul a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(6);
    for (const href of hrefs)
      expect({ href, status: (await page.request.get(href)).status() }).toEqual({
        href,
        status: 200,
      });
    await page.close();
  });

  inBrowser('dark mode follows the toggle and is remembered', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    expect(await background()).not.toBe(light);
    await page.click('[data-theme-toggle]');
    expect(await background()).toBe(light);
    await page.close();
  });

  inBrowser('hostile incident text runs nothing in the browser', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url(`incidents/${HOSTILE}/`));
    await page.waitForLoadState('load');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Polled as long as the other browser checks: one second timed out under load average 22.
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 10_000 })
      .toContain('<script>window.__pwned = 1</script>');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    inBrowser(
      `every page type has no serious or critical accessibility violations (${scheme})`,
      async () => {
        const paths = [
          '/',
          'incidents/',
          `incidents/${EXAMPLE}/`,
          `incidents/${HOSTILE}/`,
          'services/',
          'services/api/',
          'incidents/year/2026/',
          'incidents/severity/p1/',
          // With a query, so axe sees Pagefind's results and filters, not an empty box.
          'search/?q=connection',
          'no-such-page/',
        ];
        const problems: string[] = [];
        const schemed = await browser!.newContext({ colorScheme: scheme });
        // One tab for every page type, as a reader moves through the site: in a new tab per
        // page, axe-core started cold every time (its first run in a tab took 1.5-2 times its
        // next; both schemes' twenty runs: 81-85 s against 50-65 s in one tab per scheme).
        const page = await schemed.newPage();
        for (const path of paths) {
          await page.goto(server.url(path));
          if (path.startsWith('search/'))
            await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
          // The home search box with a query typed, so axe sees its results too.
          if (path === '/') {
            await page.fill('input[type="search"]', 'connection');
            await page.locator('[data-search-results] a').first().waitFor({ timeout: 10_000 });
          }
          const results = await new AxeBuilder({ page }).analyze();
          for (const violation of results.violations.filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          )) {
            problems.push(
              `${scheme} ${path}: ${violation.id} (${violation.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')})`,
            );
          }
        }
        await schemed.close();
        expect(problems).toEqual([]);
      },
      // Ten axe runs per scheme took over 180 s on the shared 2-core machine under load.
      480_000,
    );
  }

  inBrowser(
    'the incident page: a legible chart at 390 px, no white block in dark mode, lines of readable length, a print layout',
    async () => {
      const path = server.url(`incidents/${EXAMPLE}/`);
      // At 390 px the wide chart (6-7 px text once shrunk) gives way to the milestone list.
      for (const colorScheme of ['light', 'dark'] as const) {
        const narrow = await browser!.newContext({
          viewport: { width: 390, height: 900 },
          colorScheme,
        });
        const page = await narrow.newPage();
        await page.goto(path);
        const chart = await page.evaluate(() => {
          const list = document.querySelector('.milestone-chart')!;
          const box = list.getBoundingClientRect();
          return {
            figure: getComputedStyle(document.querySelector('.timeline-figure')!).display,
            left: box.left >= 0,
            right: box.right <= window.innerWidth,
            smallestText: Math.min(
              ...[...list.querySelectorAll('strong, time, .muted')].map((el) =>
                parseFloat(getComputedStyle(el).fontSize),
              ),
            ),
            milestones: list.querySelectorAll('li').length,
          };
        });
        expect({ colorScheme, ...chart }).toEqual({
          colorScheme,
          figure: 'none',
          left: true,
          right: true,
          smallestText: expect.any(Number),
          milestones: 6,
        });
        expect(chart.smallestText).toBeGreaterThanOrEqual(12);
        await narrow.close();
      }
      // In dark mode the wide chart takes the page's colours instead of staying a white block.
      const dark = await browser!.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: 'dark',
      });
      const darkPage = await dark.newPage();
      await darkPage.goto(path);
      const luminance = await darkPage.evaluate(() => {
        const channels = (color: string) => (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        const light = (color: string) => {
          const [r = 0, g = 0, b = 0] = channels(color);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        const svg = document.querySelector('.timeline-figure svg')!;
        return {
          background: light(getComputedStyle(svg.querySelector('rect')!).fill),
          page: light(getComputedStyle(document.body).backgroundColor),
        };
      });
      expect(luminance.page).toBeLessThan(0.2);
      expect(luminance.background).toBeLessThan(0.2);
      await dark.close();
      // Prose stops at about 75 characters at 1280 px, not 130.
      const wide = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await wide.newPage();
      await page.goto(path);
      const measure = await page.evaluate(() => {
        const paragraph = document.querySelector('.prose p')!;
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(80);
        probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
        paragraph.append(probe);
        const eighty = probe.getBoundingClientRect().width;
        probe.remove();
        return { paragraph: paragraph.getBoundingClientRect().width, eighty };
      });
      expect(measure.paragraph).toBeLessThanOrEqual(measure.eighty);
      // Printed, the postmortem carries no navigation, share or download boxes, and the wide
      // chart whatever the paper width.
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() =>
        Object.fromEntries(
          [
            '.site-header',
            '.site-footer',
            'details.share',
            '.theme-toggle',
            "section[aria-labelledby='download-heading']",
            "section[aria-labelledby='related-heading']",
            '.milestone-chart',
            '.timeline-figure',
            '.prose',
          ].map((selector) => [
            selector,
            getComputedStyle(document.querySelector(selector)!).display !== 'none',
          ]),
        ),
      );
      expect(printed).toEqual({
        '.site-header': false,
        '.site-footer': false,
        'details.share': false,
        '.theme-toggle': false,
        "section[aria-labelledby='download-heading']": false,
        "section[aria-labelledby='related-heading']": false,
        '.milestone-chart': false,
        '.timeline-figure': true,
        '.prose': true,
      });
      await wide.close();
    },
  );

  inBrowser('pages fit 390 px wide and read without JavaScript; screenshots are kept', async () => {
    const shots = join(import.meta.dirname, '../test-results/screenshots');
    mkdirSync(shots, { recursive: true });
    for (const width of [1280, 390]) {
      const sized = await browser!.newContext({ viewport: { width, height: 900 } });
      for (const [name, path] of [
        ['home', '/'],
        ['incident', `incidents/${EXAMPLE}/`],
        ['history', 'incidents/'],
      ] as const) {
        const page = await sized.newPage();
        await page.goto(server.url(path));
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        expect({
          name,
          width,
          overflow: await page.evaluate(
            () => document.documentElement.scrollWidth > window.innerWidth + 1,
          ),
        }).toEqual({ name, width, overflow: false });
        await page.close();
      }
      await sized.close();
    }
    const noScript = await browser!.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(server.url(`incidents/${EXAMPLE}/`));
    expect(await page.locator('main').textContent()).toContain('connection.release()');
    await noScript.close();
  });
});

// Last in the file: it edits the site the browser tests above read.
describe('a rebuild reuses unchanged incident pages but shows every change', () => {
  test('an edited incident and a changed repository link both reach the pages', async () => {
    const edited = join(root, 'incidents', '15-gcp-2020-03-26-iam-stale-data.md');
    const untouched = join(dist, 'incidents', '19-aws-2011-04-21-ebs-us-east', 'index.html');
    const before = readFileSync(untouched, 'utf8');
    const replaceIn = (path: string, from: string, to: string) =>
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    replaceIn(
      edited,
      'title: "Cloud IAM errors',
      'title: "Retitled after review: Cloud IAM errors',
    );
    replaceIn(
      join(root, 'incidentpost.config.json'),
      'github.com/acme/incidents',
      'github.com/acme/postmortems',
    );
    const result = await build();
    expect(result.status, result.stderr).toBe(0);
    expect(
      readFileSync(
        join(dist, 'incidents', '15-gcp-2020-03-26-iam-stale-data', 'index.html'),
        'utf8',
      ),
    ).toContain('Retitled after review: Cloud IAM errors');
    // This pack did not change, so only the site settings can have re-rendered its page.
    const after = readFileSync(untouched, 'utf8');
    // Its timeline entries keep their ids, so links shared before the rebuild still hold.
    const entryIds = (html: string) => [...html.matchAll(/<a id="(t-[\w-]+)"/g)].map((m) => m[1]);
    expect(entryIds(before).length).toBeGreaterThan(3);
    expect(entryIds(after)).toEqual(entryIds(before));
    expect(before).toContain('https://github.com/acme/incidents/edit/main/');
    expect(after).not.toContain('https://github.com/acme/incidents/');
    expect(after).toContain('https://github.com/acme/postmortems/edit/main/');
  }, 180_000);
});
