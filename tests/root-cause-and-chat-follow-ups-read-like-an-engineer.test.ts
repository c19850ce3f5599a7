/**
 * The kinds of fault blind judging set 6 found in the built-in writer's root cause and action
 * items (session 8, issue 12 round C), each with an invented incident: a chat line with no cause
 * content ("found it.", "ack.", "+1") or a status line ("still up") is never the cause, "found
 * it: X" and "found it." followed by the same person's next message give it; a cause stated in
 * plain words (a faulty line card, files never deleted, a swap before the build finished) is
 * told, not called "still under investigation"; follow-ups scattered through a chat ("TODO after
 * this: ...", "let's write a runbook for ...", "we need a guard ...") are action items.
 * Fixtures: tests/fixtures/writer-kinds-12c (invented).
 */
import { join } from 'node:path';
import { parseTweet } from 'twitter-text';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { FIGURE_EVENT_LIMIT, shownEvents } from '../src/pipeline/render/shown-events.js';
import { fittingTitle } from '../src/pipeline/format/titles.js';
import { postmortemTree } from '../src/pipeline/render/postmortem-tree.js';
import { toMarkdownText } from '../src/pipeline/render/markdown.js';
import { builtinPackOf } from './helpers/writer-pack.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12c');
const pack = (name: string) => builtinPackOf(join(DIR, name));
const UNKNOWN = /still under investigation/i;

describe('"found it." and then the cause, in the next message from the same person', () => {
  const p = pack('found-it-then-the-cause.md');
  test('the next message is the root cause', () => {
    expect(p.cause).toMatch(/coupon cache evicts every entry on each write/);
    expect(p.cause).not.toMatch(UNKNOWN);
  });
  test('no chat line without cause content, and no status line, is the cause', () => {
    expect(p.cause).not.toMatch(/found it|\back\b|\+1|still up/i);
    expect(p.published).not.toMatch(/found it\.|still up/i);
  });
});

describe('"found it: X"', () => {
  const p = pack('found-it-with-a-colon.md');
  test('X is the root cause, without the lead-in', () => {
    expect(p.cause).toMatch(/retry loop gives up after one attempt/);
    expect(p.cause).not.toMatch(/found it|confirmed/i);
  });
});

describe('a cause stated in plain words is told', () => {
  test('a faulty line card', () => {
    const p = pack('cause-stated-in-plain-words.md');
    expect(p.cause).toMatch(/faulty line card/);
    expect(p.cause).not.toMatch(UNKNOWN);
  });
  test('scratch files written and never deleted', () => {
    const p = pack('disk-fills-again.md');
    expect(p.cause).toMatch(/never deletes them/);
    expect(p.cause).not.toMatch(UNKNOWN);
    expect(p.published).not.toMatch(/still investigating the (?:root )?cause/i);
  });
  test('a swap before the build finished', () => {
    const p = pack('follow-ups-in-a-chat.md');
    expect(p.cause).toMatch(/swapped the alias before the build finished/);
    expect(p.cause).not.toMatch(/TODO|should page/);
  });
});

describe('follow-ups scattered through a chat', () => {
  const p = pack('follow-ups-in-a-chat.md');
  const texts = p.items.map((item) => item.text).join('\n');
  test('"TODO after this:", "we need a guard" and "let\'s write a runbook" are action items', () => {
    expect(texts).toMatch(/empty-result alert should page/);
    expect(texts).toMatch(/guard in the reindex job/);
    expect(texts).toMatch(/write a runbook for alias rollback/i);
  });
  test('acks, "+1" and "closing" are no action items', () => {
    expect(texts).not.toMatch(/^(?:ack|\+1|closing)\b/im);
  });
});

describe('a follow-up with a contrast after a comma', () => {
  test('"should page, not just email" stays one item', () => {
    const items = pack('follow-ups-in-a-chat.md').items.map((item) => item.text);
    expect(items).toContain('The empty-result alert should page, not just email');
    expect(items.join('\n')).not.toMatch(/^not just email/im);
  });
});

describe('a security incident whose input marks what is not to be published', () => {
  const p = pack('do-not-publish.md');
  test('no public text carries the header, a private address or an access key ID', () => {
    expect(p.published).not.toMatch(/X-Skip-Auth/i);
    expect(p.published).not.toMatch(/10\.12\.4\.9|192\.168\.30\.7/);
    expect(p.published).not.toMatch(/AKIA[A-Z0-9]{16}/);
  });
  test('the figure rows leave them out too', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(DIR, 'do-not-publish.md')));
    const rows = shownEvents(facts!, FIGURE_EVENT_LIMIT)
      .map((row) => (row.type === 'event' ? row.event.text : ''))
      .join('\n');
    expect(rows).toMatch(/blocked the header at the edge WAF/);
    expect(rows).not.toMatch(/X-Skip-Auth|10\.12\.4\.9|192\.168\.30\.7|AKIA/);
  });
  test('taking them out never makes a tweet too long', () => {
    const tweets = p.document.twitterThread.tweets;
    expect(tweets.join('\n')).not.toMatch(/10\.12\.4\.9|192\.168\.30\.7|AKIA/);
    for (const tweet of tweets) expect(parseTweet(tweet).valid).toBe(true);
  });
  test('the postmortem does not publish the notes as they were written', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(DIR, 'do-not-publish.md')));
    const markdown = toMarkdownText(postmortemTree(facts!, p.document));
    expect(markdown).not.toMatch(/^## Notes/m);
    expect(markdown).not.toMatch(/do not publish/i);
  });
  test('the postmortem itself withholds them too: it is published on the site', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(DIR, 'do-not-publish.md')));
    const markdown = toMarkdownText(postmortemTree(facts!, p.document));
    expect(markdown).not.toMatch(/X-Skip-Auth|10\.12\.4\.9|192\.168\.30\.7|AKIA[A-Z0-9]{16}/i);
    expect(markdown).toMatch(/blocked the header at the edge WAF/);
  });
  test('"reachable without login" is no sign-in outage', () => {
    expect(p.published).not.toMatch(/could not sign in/i);
  });
  test('the cause the input states is told: a header left enabled by a config change', () => {
    expect(p.cause).toMatch(/left enabled by config change cfg-5120/);
  });
});

describe('an incident reopened and left open', () => {
  const p = pack('reopened-and-left-open.md');
  test('no public text tells users it is fixed or back to normal', () => {
    expect(p.published).not.toMatch(/this is fixed|back to normal|How we fixed it/i);
    expect(p.users).toMatch(/still working on it/);
  });
});

describe('public texts point at nothing they do not have', () => {
  test('the message to users says the cause instead of "the postmortem below explains it"', () => {
    const p = pack('disk-fills-again.md');
    expect(p.users).not.toMatch(/postmortem below/i);
    expect(p.users).toMatch(/What caused it: .*never deletes them/);
  });
});

describe('an HN title longer than 80 characters', () => {
  test('is told from the facts, never cut with "…"', () => {
    expect(
      fittingTitle(
        'Postmortem',
        'Checkout lost card payments in every region after a gateway config push dropped the new TLS ciphers',
      ),
    ).toBe('Postmortem: Checkout lost card payments in every region');
    expect(
      fittingTitle(
        'Postmortem',
        'Slow responses and dropped uploads through one storage gateway (Files + Photos apps)',
      ),
    ).toBe('Postmortem: Slow responses and dropped uploads through one storage gateway');
  });
  test('a short title stays whole', () => {
    expect(fittingTitle('Postmortem', 'Search returns no results')).toBe(
      'Postmortem: Search returns no results',
    );
  });
});

describe('follow-ups after a qualified label', () => {
  const texts = pack('follow-ups-after-a-qualified-label.md')
    .items.map((item) => item.text)
    .join('\n');
  test('"follow-ups so far: a, b, c" mid-message gives three items', () => {
    expect(texts).toMatch(/^Automate the CDN cert renewal$/im);
    expect(texts).toMatch(/alert 14 days before expiry/i);
    expect(texts).toMatch(/checklist for status-site outages/i);
  });
  test('"Follow-ups (4 planned at time of writing): a, b, c, d" gives four items', () => {
    expect(texts).toMatch(/^move the status site off the shared CDN account$/im);
    expect(texts).toMatch(/^compare cert expiry dates across CDN accounts$/im);
    expect(texts).toMatch(/review who owns certs/i);
    expect(texts).toMatch(/test the renewal job monthly/i);
  });
});

describe('a change that logged secrets', () => {
  test('the change that logged them is the stated cause, not "still under investigation"', () => {
    const p = pack('tokens-written-to-logs.md');
    expect(p.cause).toMatch(/full request cookies logged at DEBUG/);
    expect(p.cause).not.toMatch(UNKNOWN);
  });
});
