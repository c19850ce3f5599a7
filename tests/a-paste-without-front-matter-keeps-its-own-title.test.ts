import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { truncateTitle } from '../src/pipeline/format/titles.js';
import { sourceFromText } from './helpers/source.js';

const titleOf = (text: string): string | undefined =>
  analyzeSource(sourceFromText(text, 'incidents/2026-03-04-untitled-paste.md')).facts?.title;

describe('a paste without front matter or a heading keeps the title written above its timeline', () => {
  test('a wiki page copy opens with its title, then metadata', () => {
    expect(
      titleOf(
        [
          'Post-incident review – Search cluster out of disk (04.03.2026)',
          'Space: Platform / Reviews · Last edited by the on-call',
          '',
          '09:12 UTC search: disk 95% on es-3, writes rejected',
          '09:20 UTC resized the volumes',
          '09:41 UTC writes accepted again, incident resolved',
        ].join('\n'),
      ),
    ).toBe('Post-incident review – Search cluster out of disk (04.03.2026)');
  });

  test('a ticket export opens with its key and summary', () => {
    expect(
      titleOf(
        [
          'OPS-5521  Billing: invoices generated twice',
          'Priority: High · Status: Closed',
          '',
          '14:02 UTC invoice job started a second run',
          '14:30 UTC duplicate invoices voided, resolved',
        ].join('\n'),
      ),
    ).toBe('OPS-5521 Billing: invoices generated twice');
  });

  test('a log search command above the results is not a title; the first alert is, cut at a word', () => {
    const title = titleOf(
      [
        'search index=ops incident="x" | sort _time | table _time message',
        '',
        '2026-03-04 09:12 UTC Payments API: error rate at 40 percent for card authorisations in every region we serve today',
        '2026-03-04 09:40 UTC resolved',
      ].join('\n'),
    );
    expect(title).not.toMatch(/search index/);
    expect(title?.endsWith('…')).toBe(true);
    expect(title?.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/ [a-z]+…$/);
  });

  test('cutting a long title never leaves half a word', () => {
    expect(
      truncateTitle(
        'Rollout reaches the spine locations; nineteen data centres go offline at once',
        40,
      ),
    ).toBe('Rollout reaches the spine locations…');
    expect(truncateTitle('short title', 40)).toBe('short title');
  });

  test("a list digest's header is no title; the first message's subject is", () => {
    expect(
      titleOf(
        [
          'Send sre-announce mailing list submissions to',
          '\tsre-announce@lists.example.org',
          'To subscribe or unsubscribe via the web, visit the list info page.',
          '',
          'Message: 1',
          'Date: Tue, 03 Mar 2026 10:15:02 +0000',
          'From: R. Osei',
          'Subject: [sre-announce] Payments API returning 503s',
          '',
          '10:02 UTC payments API 503 rate above 40%',
          '10:20 UTC failed over to the standby, 503s gone, resolved',
        ].join('\n'),
      ),
    ).toBe('Payments API returning 503s');
  });

  test('a forwarded thread with no title above it takes its subject, without Re: and Fwd:', () => {
    expect(
      titleOf(
        [
          'Date: Thu, 8 Oct 2026 22:41:00 +0200',
          'Subject: Re: Fwd: Nightly backup job wrote empty archives',
          '',
          '22:05 CEST backup job finished with 0-byte archives on db-4',
          '22:40 CEST re-ran the job by hand, archives complete, resolved',
        ].join('\n'),
      ),
    ).toBe('Nightly backup job wrote empty archives');
  });
});
