/**
 * A status page's RSS or Atom feed pasted as XML is read as its updates, each at its own time;
 * the XML is no event, and the file is not refused.
 */
import { describe, expect, test } from 'vitest';
import { pasteEvents } from './helpers/paste-events.js';
import { readFeedEntries } from '../src/pipeline/parse/feed-entries.js';

function eventsOf(body: string[]): string[] {
  return pasteEvents(['title: t', 'timezone: UTC'], body).map(
    (e) => `${e.time?.slice(0, 16) ?? 'untimed'} ${e.text}`,
  );
}

describe('a status feed pasted raw', () => {
  test('Atom entries are one update each at their <updated> time, in the order pasted', () => {
    expect(
      eventsOf([
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Status</title>',
        '<entry><title>Resolved: Login errors</title><updated>2026-07-21T11:05:00Z</updated>',
        '<content type="html">&lt;p&gt;All logins work.&lt;/p&gt;</content></entry>',
        '<entry><title>Investigating: Login errors</title><updated>2026-07-21T09:40:00Z</updated>',
        '<summary>Logins fail for some users.</summary></entry>',
        '</feed>',
      ]),
    ).toEqual([
      '2026-07-21T11:05 Resolved: Login errors — All logins work.',
      '2026-07-21T09:40 Investigating: Login errors — Logins fail for some users.',
    ]);
  });

  test("Statuspage's RSS: the updates inside one item's escaped description, given the item's year", () => {
    const description =
      '&lt;p&gt;&lt;small&gt;Jan &lt;var&gt;2&lt;/var&gt;, &lt;var&gt;01:10&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - Fixed.&lt;/p&gt;' +
      '&lt;p&gt;&lt;small&gt;Dec &lt;var&gt;31&lt;/var&gt;, &lt;var&gt;23:40&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Errors.&lt;/p&gt;';
    expect(
      eventsOf([
        '<rss version="2.0"><channel><title>Acme Status</title>',
        '<item><title>API errors</title>',
        `<description>${description}</description>`,
        '<pubDate>Fri, 02 Jan 2026 01:10:00 +0000</pubDate></item>',
        '</channel></rss>',
      ]),
    ).toEqual(['2026-01-02T01:10 Resolved - Fixed.', '2025-12-31T23:40 Investigating - Errors.']);
  });

  test('a section without a feed, or prose that names RSS, is left alone', () => {
    const lines = ['10:00 we moved the <item> cache', '10:05 RSS feed <rss> fixed'].map(
      (text, i) => ({ number: i + 1, text }),
    );
    const read = readFeedEntries([{ lines }]);
    expect(read[0]?.lines.map((line) => line.text)).toEqual(lines.map((line) => line.text));
  });
});
