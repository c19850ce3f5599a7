import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { sourceFromText } from './helpers/source.js';

const file = (body: string[]): string =>
  ['---', 'date: 2026-09-01', 'timezone: UTC', '---', '', ...body].join('\n');
/** Every timed line's instant, as `HH:MM` on `MM-DD`. */
const times = (body: string[]): string[] =>
  (parseIncident(sourceFromText(file(body))).incident?.entries ?? []).flatMap((entry) =>
    entry.time ? [entry.time.toUTC().toFormat('MM-dd HH:mm')] : [],
  );

describe("a clock pasted into a chat that keeps its own (a mail's Date:, `date`'s output) stamps nothing", () => {
  test("a shell snippet's `date` stamps no command and moves no later chat line", () => {
    expect(
      times([
        '09:12 alert: db-2 disk usage 98%',
        '09:20 ana: checking',
        '$ date',
        'Tue Sep  1 16:40:02 UTC 2026',
        '$ df -h /var/lib/pg',
        '09:35 ana: writes succeeding again, resolved',
      ]),
    ).toEqual(['09-01 09:12', '09-01 09:20', '09-01 09:35']);
  });

  test("a quoted mail's Date: stamps no line and moves no later chat line", () => {
    expect(
      times([
        '10:02 pagerduty: TRIGGERED partner-api error rate 22%',
        '10:15 bob: vendor replied, pasting:',
        'Date: Tue, 01 Sep 2026 18:40:00 +0000',
        'Subject: Re: degraded API',
        'We are rolling out a fix.',
        '10:40 bob: resolved',
      ]),
    ).toEqual(['09-01 10:02', '09-01 10:15', '09-01 10:40']);
  });

  test("a wrap-up mail's send time under the chat is not the resolution", () => {
    const { facts } = analyzeSource(
      sourceFromText(
        file([
          '14:10 pagerduty: TRIGGERED login-api 5xx above 20%',
          '14:52 jordan: rolled back the auth release',
          '14:58 jordan: login error rate back to normal',
          '',
          'From: Jordan Lee <jordan@example.com>',
          'Sent: Tuesday, September 1, 2026 6:45 PM',
          'Subject: Login outage resolved',
          '',
          'Team, the login outage is resolved.',
        ]),
      ),
    );
    expect(facts?.resolved?.slice(11, 16)).toBe('14:58');
  });

  test('a terminal session alone is still clocked by its `date` readings', () => {
    expect(
      times(['$ date', 'Tue Sep  1 16:40:02 UTC 2026', '$ df -h /var/lib/pg', '$ # disk at 98%']),
    ).toEqual(['09-01 16:40', '09-01 16:40']);
  });
});
