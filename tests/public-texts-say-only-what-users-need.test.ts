/**
 * Public texts (HN post, thread, message to users) say only what users need: "back to normal
 * since" the full recovery, never a recovery under way; the incident's name, never the pasted
 * page's header; no tool labels, scribe instructions or internal notes; and what failed in the
 * team's plain words, not a monitor's. Fixtures: tests/fixtures/writer-kinds-s12g (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { builtinPackOf } from './helpers/writer-pack.js';
import { sourceFromText } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s12g');

interface Case {
  file: string;
  /** The resolved time as texts print it, and the partial recovery's time they must not use. */
  resolved: string;
  partial: string | null;
  title: RegExp;
  header: RegExp;
  /** What a line marked internal says: in no public text. */
  internal: RegExp | null;
  /** The monitor's raw words, and the impact line's plain words. */
  monitor: RegExp;
  plain: RegExp;
}

const CASES: Case[] = [
  {
    file: 'running-notes-checkout-rollback.md',
    resolved: '09:40 UTC',
    partial: '09:24 UTC',
    title: /^Checkout errors$/,
    header: /running notes/i,
    internal: /canary stage|pipeline flag/i,
    monitor: /checkout_5xx_rate|PaymentsMonitor/,
    plain: /could not complete checkout/i,
  },
  {
    file: 'activity-log-export-login-timeouts.md',
    resolved: '11:52 UTC',
    partial: '11:33 UTC',
    title: /^Login timeouts for EU customers$/,
    header: /activity log|exported/i,
    internal: /minor versions behind/i,
    monitor: /auth_latency_seconds|AuthLatencyAlert/,
    plain: /could not sign in/i,
  },
  {
    file: 'mattermost-channel-search-outage.md',
    resolved: '14:41 UTC+01:00',
    partial: '14:20 UTC+01:00',
    title: /search returned no results/i,
    header: /mattermost|~incident-search|infra \//i,
    internal: null,
    monitor: /SearchProbe|latency_ms|status=503/,
    plain: /search/i,
  },
  {
    file: 'folder-path-heading-upload-failures.md',
    resolved: '17:20 CDT',
    partial: '16:58 CDT',
    title: /^Upload failures$/,
    header: /postmortems\/|\.md\b|\//,
    internal: null,
    monitor: /ObjectStoreWatch|PUT error ratio/,
    plain: /photo uploads failed/i,
  },
];

describe.each(CASES)('$file', (c) => {
  const p = builtinPackOf(join(DIR, c.file));
  const { published, summary, response, document } = p;
  const prose = [summary, p.trigger, p.cause, p.detection, response].join('\n');

  test('"back to normal since" is the resolved time, never a recovery under way', () => {
    // "since 14:41 UTC+01:00 (13:41 UTC)": the time in the incident's zone, then again in UTC.
    const since = [
      ...published.matchAll(/back to normal since ([^.\n(]+?)(?: \(\d\d:\d\d UTC\))?[.\n]/g),
    ].map((m) => m[1]);
    expect(since.length).toBeGreaterThan(0);
    for (const time of since) expect(time).toBe(c.resolved);
    if (c.partial)
      expect(published).not.toMatch(new RegExp(`back to normal (?:since|at) ${c.partial}`));
  });

  test("the title is the incident's name, not the pasted page's header", () => {
    expect(document.title).toMatch(c.title);
    expect(document.title).not.toMatch(c.header);
    expect(document.hnPost.title).not.toMatch(c.header);
    expect(summary).not.toMatch(c.header);
  });

  test('tool labels appear in no prose or public text', () => {
    const labels = /\b(?:Incident update|Action|Message|Note|Internal|Comment by \w+)\s*:/;
    expect(prose).not.toMatch(labels);
    expect(published).not.toMatch(labels);
  });

  test("a scribe's instruction is no action item and is not published", () => {
    const instruction = /initials|times? in (?:UTC|Central)|name on each line|each entry/i;
    for (const item of p.items) expect(item.text).not.toMatch(instruction);
    expect(published).not.toMatch(instruction);
  });

  test('notes for the team or the write-up are not published verbatim', () => {
    expect(published).not.toMatch(/for the (?:writeup|postmortem)|do not share|internal\s*:/i);
    expect(prose).not.toMatch(/for the (?:writeup|postmortem)|do not share/i);
    if (c.internal) expect(published).not.toMatch(c.internal);
  });

  test("the message to users says what failed in the team's words, not the monitor's", () => {
    expect(p.users).not.toMatch(c.monitor);
    expect(p.users).toMatch(c.plain);
  });
});

describe.each([
  [
    'impact-section-payout-reports.md',
    /reports-api|5xx ratio|\/v2\/payouts/,
    /merchants could not download their payout reports/i,
  ],
  [
    'impact-paragraph-empty-feed.md',
    /FeedRankerNoCandidates|feed_candidates_total/,
    /the mobile app showed an empty home feed/,
  ],
  [
    'mattermost-channel-search-outage.md',
    /SearchProbe|status=503/,
    /site search returned no results/i,
  ],
])('%s: an Impact section and no user-words line', (name, monitor, plain) => {
  const p = builtinPackOf(join(DIR, name));

  test("the message to users says what failed in the Impact section's words", () => {
    expect(p.users).toMatch(plain);
    expect(p.users).not.toMatch(monitor);
    expect(p.users).not.toMatch(/you may have seen errors(?: when using \w+)?[.:]/);
  });
});

describe.each([
  [
    'monitor-line-names-the-user-failure.md',
    /synthetic check|login-flow|4 locations/i,
    /login returning errors/,
  ],
  [
    'probe-timeout-then-app-spinner.md',
    /uptime probe|api\.example\.com|StatusCake|30s/i,
    /app requests failing/,
  ],
])("%s: a monitor's line that also says what users saw", (name, monitor, plain) => {
  const p = builtinPackOf(join(DIR, name));

  test("the message to users keeps the users' part, not the check's", () => {
    expect(p.users).toMatch(plain);
    expect(p.users).not.toMatch(monitor);
  });
});

test("a scribe's instruction written as a timeline line is no action item and not published", () => {
  const p = builtinPackOf(join(DIR, 'scribe-instruction-in-the-timeline.md'));
  for (const item of p.items) expect(item.text).not.toMatch(/initials|times in UTC/i);
  expect(p.published).not.toMatch(/initials|scribe|times in UTC/i);
});

describe("a page's header is cleaned to the incident's name, or left for a better title", () => {
  const titleOf = (first: string): string | undefined =>
    analyzeSource(
      sourceFromText(
        [
          first,
          '',
          '2026-02-03 10:15 UTC [PagerDuty] Triggered: DNS SERVFAIL for internal zones',
          '2026-02-03 10:20 UTC flushed the resolver cache',
          '2026-02-03 10:41 UTC lookups answered normally, resolved',
        ].join('\n'),
        'incidents/2026-02-03-paste.md',
      ),
    ).facts?.title;

  test.each([
    ['# Incident log (exported) – DNS resolution failures', 'DNS resolution failures'],
    ['Meeting notes: 03.02.2026 - Internal DNS outage', 'Internal DNS outage'],
    ['# runbooks/incidents/2026-02-03_dns-servfail.md', 'Dns servfail'],
  ])('%s', (header, title) => {
    expect(titleOf(header)).toBe(title);
  });

  test.each(['Slack - Platform / #inc-2231', 'Activity feed (export)', '# Chat export'])(
    '%s names only the document',
    (header) => {
      const title = titleOf(header) ?? '';
      expect(title).not.toMatch(/slack|#inc|activity feed|export/i);
      expect(title).toMatch(/SERVFAIL/);
    },
  );
});

test("a system's acronym after a journal label is no scribe's initials", () => {
  const facts = analyzeSource(
    sourceFromText(
      [
        '---',
        'date: 2026-01-12',
        'timezone: UTC',
        '---',
        '10:00 Incident update: API gateway returning 502 for all routes',
        '10:05 Action: DNS records for the gateway pointed back to the old load balancer',
        '10:30 Incident update: gateway healthy again, resolved',
      ].join('\n'),
    ),
  ).facts;
  const texts = facts?.events.map((event) => event.text) ?? [];
  expect(texts).toContain('API gateway returning 502 for all routes');
  expect(texts).toContain('DNS records for the gateway pointed back to the old load balancer');
});

describe.each([
  ['one-note-label-in-a-chat.md', /dashboards took 20 seconds to open/],
  ['one-message-label-in-a-log.md', /push notifications arriving an hour late/],
])('%s: one tool label in the timeline', (name, said) => {
  const p = builtinPackOf(join(DIR, name));

  test('what was said is told without the label', () => {
    expect(p.users).toMatch(said);
    expect([p.published, p.summary, p.response].join('\n')).not.toMatch(/\b(?:Note|Message)\s*:/);
  });
});
