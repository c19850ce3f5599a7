import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { readLine } from '../src/pipeline/parse/stamp-layout.js';
import { sourceFromText } from './helpers/source.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures', 'cases', `${name}.md`), 'utf8');

function events(text: string) {
  const { facts, diagnostics } = analyzeSource(sourceFromText(text));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (facts?.events ?? []).map(({ line, time, actor, text }) => ({ line, time, actor, text }));
}

describe('what a line is, wherever its stamp is', () => {
  test.each([
    ['Priya Shah resolved this issue · Feb 3, 2026 10:05:12 AM UTC', 'event'],
    ['checkout errors back to normal | 2026-02-03 10:05', 'event'],
    ['deploy finished at 2026-02-03 09:30 UTC', 'event'],
    ['First Seen: Feb 3, 2026 9:12:00 AM UTC', 'event'],
    ['Alex Kim    Work notes    2026-02-03 10:05:10', 'header'],
    ['Priya Shah commented · Feb 3, 2026 9:44:02 AM UTC', 'header'],
    ['Dana Ortiz — 3:02 PM', 'header'],
    ['Anna Schmidt added a comment - 14/Mar/24 09:05 AM', 'header'],
    ['Comment by Maria Lopez [ 02/Jul/19 1:42 PM ]', 'header'],
    ['jlee commented on Feb 9, 2026, 7:31 AM UTC', 'header'],
    ['14:02:11 From  Dana Ortiz  to  Everyone:', 'header'],
    ['kaz — 03/14/2026 9:17 PM', 'header'],
    ['ops-bot — 03/14/2026 9:14 PM', 'header'],
    ['Event timestamp: 2026-02-03 09:12:04 UTC', 'field'],
    ['9:12 AM', 'time-alone'],
    ['2026-02-03 09:12 checkout down', 'as-is'],
    ['2026-04-14 09:47:33 - Jonas Meier (Work notes)', 'header'],
    ['**hubot** commented on Mar 1, 2023, 12:01 PM UTC', 'header'],
    // A name after a stamp is a line, unless the field it wrote in is named.
    ['10:05 Alex Kim', 'as-is'],
  ])('%s → %s', (line, kind) => {
    expect(readLine(line).kind).toBe(kind);
  });

  test.each([
    ['Dana Ortiz — Feb 3, 2026 10:41 AM (GMT+01:00)', 'Feb 3, 2026 10:41 AM (GMT+01:00)'],
    ['cache flushed\t03-Feb-2026 23:40', '03-Feb-2026 23:40'],
    ['failover done | 3 Feb 2026, 09:12', '3 Feb 2026, 09:12'],
    ['replica caught up · 2026-02-03T09:12:04+05:30', '2026-02-03T09:12:04+05:30'],
    ['Alertbot  APP  2:03 PM', '2:03 PM'],
  ])('the stamp in "%s" is read whole: %s', (line, written) => {
    const reading = readLine(line);
    expect('stamp' in reading ? reading.stamp.written : null).toBe(written);
  });

  test.each([
    // A time inside a sentence is prose (read by the prose reader), not a feed's stamp.
    'we rolled back at 09:30 and errors dropped',
    'rolled back at 09:30',
    'rolled back the 9:05 deploy of checkout-web',
    'It was down for 53 minutes and 11 seconds.',
    // A later sentence of a chat message naming a later date: a stated time, not a stamp.
    'back to baseline, closing this. Review on 16/07/2026 10:00',
  ])('"%s" is text, not a stamped line', (line) => {
    expect(readLine(line).kind).toBe('text');
  });
});

describe('a header owns the untimed lines below it, and its metadata is not event text', () => {
  test('Discord copy: a lower-case handle and its stamp head the message below', () => {
    const text = [
      '---',
      'title: Queue stuck',
      'timezone: America/Chicago',
      '---',
      'relay — 05/02/2026 8:01 PM',
      'queue depth alarm, consumers stalled',
      'tomo — 05/02/2026 8:06 PM',
      'ack, on it',
      'tomo — 05/02/2026 8:20 PM',
      'restarted the consumers, queue draining',
    ].join('\n');
    expect(events(text)).toEqual([
      {
        line: 5,
        time: '2026-05-02T20:01:00-05:00',
        actor: 'relay',
        text: 'queue depth alarm, consumers stalled',
      },
      { line: 7, time: '2026-05-02T20:06:00-05:00', actor: 'tomo', text: 'ack, on it' },
      {
        line: 9,
        time: '2026-05-02T20:20:00-05:00',
        actor: 'tomo',
        text: 'restarted the consumers, queue draining',
      },
    ]);
  });

  test('ServiceNow work notes: author kept, "Work notes" dropped, cited at the header line', () => {
    const read = events(fixture('stamp-after-metadata-servicenow-work-notes'));
    expect(read).toContainEqual({
      line: 11,
      time: '2026-02-03T09:41:27+00:00',
      actor: 'Priya Shah',
      text: 'Rolled back payments-api to v2.14.1; errors dropping.',
    });
    expect(read.map((event) => event.text).join(' ')).not.toMatch(/Work notes|comments/i);
  });

  test('Mattermost copy: a time alone goes on with the same author', () => {
    const read = events(fixture('stamp-on-its-own-line-mattermost-copy'));
    expect(read.map(({ actor, text }) => [actor, text])).toEqual([
      ['lukas.meyer', 'checkout is throwing 500s for everyone, paging on-call'],
      ['dana.ortiz', 'ack, looking at it'],
      ['dana.ortiz', 'rolled back the 9:05 deploy of checkout-web'],
      ['lukas.meyer', 'checkout is healthy again, error rate at zero. closing the incident.'],
    ]);
  });

  test('a feed pasted newest first is in time order', () => {
    const times = events(fixture('stamp-at-line-end-sentry-activity')).map((event) => event.time);
    expect(times).toEqual([...times].sort());
    expect(times).toHaveLength(4);
  });

  test('notification mails: one event per mail at its field, with the subject as its text', () => {
    const read = events(fixture('stamp-in-a-field-uptime-down-up-mails'));
    expect(read.map(({ line, time }) => [line, time])).toEqual([
      [5, '2026-02-03T09:12:04+00:00'],
      [14, '2026-02-03T10:05:15+00:00'],
    ]);
    expect(read[1]?.text).toMatch(/^Monitor is UP: api\.example\.com/);
  });

  test('an HTML table under an HTML heading and above a paragraph reads as the table', () => {
    const text = [
      '---',
      'title: Exports stuck',
      '---',
      '<h3>Timeline</h3>',
      '<table class="confluenceTable">',
      '<tr><th>When (UTC)</th><th>What</th></tr>',
      '<tr><td>2026-03-09&nbsp;06:10</td><td>Export jobs stop completing &ndash; queue grows</td></tr>',
      '<tr><td>2026-03-09 06:31</td><td>Restarted the export workers; jobs complete again</td></tr>',
      '</table>',
      '<p>Written up by the <b>data</b> team.</p>',
    ].join('\n');
    expect(events(text).map(({ line, time, text }) => [line, time, text])).toEqual([
      [7, '2026-03-09T06:10:00+00:00', 'Export jobs stop completing – queue grows'],
      [8, '2026-03-09T06:31:00+00:00', 'Restarted the export workers; jobs complete again'],
    ]);
  });

  test('an HTML table: tags and entities are not text, the header cell gives the zone', () => {
    const read = events(fixture('stamp-in-html-table-zone-in-header'));
    expect(read.map(({ time, text }) => [time, text])).toEqual([
      ['2026-02-03T14:40:00+05:30', 'Login errors spike – 30% of requests fail'],
      ['2026-02-03T14:46:00+05:30', 'On-call acknowledged the page'],
      ['2026-02-03T15:02:00+05:30', 'Rolled back auth-svc to 3.2.0'],
      ['2026-02-03T15:20:00+05:30', 'Login errors back to zero; incident resolved'],
    ]);
  });

  test('"13:20pm" is read as 13:20 with a warning that names the line, never refused', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(fixture('stamp-with-redundant-pm')),
    );
    expect(facts?.start).toBe('2026-02-03T13:20:00+00:00');
    expect(diagnostics.find((d) => d.code === 'time/redundant-meridiem')).toMatchObject({
      severity: 'warning',
      line: 7,
    });
  });
});

const WORDS = [
  'checkout',
  'errors',
  'rising',
  'cache',
  'restarted',
  'queue',
  'drained',
  'latency',
  'normal',
  'rollback',
  'deploy',
  'paged',
  'database',
  'failover',
  'traffic',
  'shifted',
];
const NAMES = ['Alex Kim', 'Priya Shah', 'Dana Ortiz'];
const pad = (value: number): string => String(value).padStart(2, '0');

describe('where the stamp sits does not change the events (property)', () => {
  const timeline = fc.array(
    fc.record({
      gap: fc.integer({ min: 1, max: 90 }),
      message: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }),
      name: fc.constantFrom(...NAMES),
    }),
    { minLength: 1, maxLength: 8 },
  );
  test('at the start, at the end after " · ", or in a header line above', () => {
    fc.assert(
      fc.property(timeline, fc.boolean(), fc.boolean(), (items, dated, blankLines) => {
        let minutes = 8 * 60;
        const rows = items.map((item) => {
          minutes += item.gap;
          const clock = `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
          const stamp = dated ? `2026-02-03 ${clock}` : clock;
          return { stamp, message: item.message.join(' '), name: item.name };
        });
        const file = (lines: string[]): string =>
          ['---', 'title: t', 'date: 2026-02-03', 'timezone: UTC', '---', '', ...lines].join('\n');
        const read = (lines: string[]) =>
          events(file(lines)).map(({ time, text }) => ({ time, text }));
        const atStart = read(rows.map((row) => `${row.stamp} ${row.message}`));
        const atEnd = read(rows.map((row) => `${row.message} · ${row.stamp}`));
        const inHeader = read(
          rows.flatMap((row) => [
            `${row.name}    Work notes    ${row.stamp}`,
            row.message,
            ...(blankLines ? [''] : []),
          ]),
        );
        expect(atStart).toHaveLength(rows.length);
        expect(atEnd).toEqual(atStart);
        expect(inHeader).toEqual(atStart);
      }),
      { numRuns: 40 },
    );
  });
});

describe('times inside sentences', () => {
  const prose = (body: string) =>
    events(['---', 'title: t', 'date: 2026-04-15', 'timezone: UTC', '---', body].join('\n'));

  test("a range's second time keeps its sentence whole, first letter included", () => {
    const read = prose('Push notifications were not delivered from 11:50 until 13:20.');
    expect(read.map((e) => e.text)).toEqual([
      'Push notifications were not delivered from 11:50',
      'Push notifications were not delivered from 11:50 until 13:20.',
    ]);
  });

  test("'N minutes later' counts from the time named before it, across the paragraph", () => {
    const read = prose(
      'We uploaded a new key at 13:10 and deliveries resumed ten minutes later. Reports were current an hour later.',
    );
    expect(read.map((e) => [e.time?.slice(11, 16), e.text])).toEqual([
      ['13:10', 'We uploaded a new key at 13:10'],
      ['13:20', 'deliveries resumed ten minutes later.'],
      ['14:20', 'Reports were current an hour later.'],
    ]);
  });

  test("'half an hour later' is thirty minutes, as at a line's start", () => {
    const read = prose(
      'We restarted the workers at 09:00 and the queue drained half an hour later.',
    );
    expect(read.map((e) => e.time?.slice(11, 16))).toEqual(['09:00', '09:30']);
  });

  test('a step with no time before it in the paragraph is no time', () => {
    expect(prose('It happened at 09:00.\n\nTen minutes later nobody knew.')).toHaveLength(1);
  });
});
