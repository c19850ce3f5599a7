import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pasteEvents } from './helpers/paste-events.js';
import { alignedColumnsAsTabs, messageColumnOf } from '../src/pipeline/parse/table-columns.js';

/** Each event as `time|source|actor|text`, the way a reader of the timeline sees it. */
function eventsOf(body: string[], frontMatter = ['title: t', 'timezone: UTC']): string[] {
  return pasteEvents(frontMatter, body).map(
    (e) => `${e.time?.slice(11, 16) ?? 'untimed'}|${e.source ?? ''}|${e.actor ?? ''}|${e.text}`,
  );
}

describe('a pasted table is read by the columns its header names', () => {
  test('a web log copied with aligned columns: the header is no event, channel and agent leave the text', () => {
    expect(
      eventsOf([
        'Time               Activity                                   Channel   Agent',
        'Mar 3 at 9:41 PM   Triggered: search p99 latency above 2s     Web       Nagios',
        'Mar 3 at 9:44 PM   Acknowledged by Ana Ruiz                   Web       Ana Ruiz',
        'Mar 3 at 10:31 PM  Resolved by Ana Ruiz                       Email     Ana Ruiz',
      ]),
    ).toEqual([
      '21:41|Web|Nagios|Triggered: search p99 latency above 2s',
      '21:44|Web|Ana Ruiz|Acknowledged by Ana Ruiz',
      '22:31|Email|Ana Ruiz|Resolved by Ana Ruiz',
    ]);
  });

  test('a table copied without outer pipes: the number and state columns are not text', () => {
    expect(
      eventsOf([
        'Number | Created | Created by | Work notes | State',
        'INC0081 | 2026-11-20 07:55:10 | monitor.bot | VPN concentrator unreachable | New',
        'INC0081 | 2026-11-20 08:02:44 | j.okafor | Acknowledged, investigating | In Progress',
      ]),
    ).toEqual([
      '07:55||monitor.bot|VPN concentrator unreachable',
      '08:02||j.okafor|Acknowledged, investigating',
    ]);
  });

  test('a Markdown table: the ticket column is dropped, who is the actor', () => {
    expect(
      eventsOf([
        '| Time | Who | What happened | Ticket |',
        '|---|---|---|---|',
        '| 08:12 | Grafana | Login success rate below 80% | OPS-311 |',
        '| 08:18 | Carla | Acked, looking | OPS-312 |',
      ]).map((e) => e.slice(6)),
    ).toEqual(['|Grafana|Login success rate below 80%', '|Carla|Acked, looking']);
  });

  test('an HTML table pasted as text: the log-type column is not part of the message', () => {
    expect(
      eventsOf([
        '<table>',
        '<tr><th>Log type</th><th>Date</th><th>Log</th></tr>',
        '<tr><td>alertCreate</td><td>2026-04-02 03:14:22</td><td>Alert created via Prometheus</td></tr>',
        '<tr><td>close</td><td>2026-04-02 04:02:13</td><td>Alert closed by Wei Zhang</td></tr>',
        '</table>',
      ]),
    ).toEqual(['03:14|||Alert created via Prometheus', '04:02|||Alert closed by Wei Zhang']);
  });

  test('a CSV whose message column is not named is the column of sentences', () => {
    expect(
      eventsOf([
        '_time,host,level,line',
        '2026-05-06T02:11:45Z,web-4,ERROR,checkout upstream timeout after 30000 ms',
        '2026-05-06T02:33:40Z,web-4,INFO,checkout latency back to normal',
      ]),
    ).toEqual([
      '02:11|web-4||checkout upstream timeout after 30000 ms',
      '02:33|web-4||checkout latency back to normal',
    ]);
  });
});

describe('the column readers on their own', () => {
  test('the message column is the named one, else the one with the most words', () => {
    const rows = [
      ['a', 'x', 'long words in a sentence here'],
      ['b', 'y', 'more words in this one'],
    ];
    expect(messageColumnOf(['Id', 'Note', 'Other'], rows, new Set())).toBe(1);
    expect(messageColumnOf(['Id', 'Tag', 'Other'], rows, new Set())).toBe(2);
    expect(messageColumnOf(['Id', 'Tag', 'Other'], rows, new Set([2]))).toBe(0);
  });

  test('aligned lines without a header row, or prose with double spaces, are not a table', () => {
    const lines = (texts: string[]) => texts.map((text, i) => ({ number: i + 1, text }));
    expect(
      alignedColumnsAsTabs(lines(['09:41  alert fired  Web', '09:44  acked  Web'])),
    ).toBeNull();
    expect(
      alignedColumnsAsTabs(
        lines(['We saw errors.  Then it got worse.', 'It was bad.  Really bad at 09:41.']),
      ),
    ).toBeNull();
  });

  test('a row with an empty cell is cut at the header column starts', () => {
    const read = alignedColumnsAsTabs(
      [
        'Time      Activity          Channel',
        '09:41     alert fired       Web',
        '09:44     acked',
      ].map((text, i) => ({ number: i + 1, text })),
    );
    expect(read?.map((line) => line.text)).toEqual([
      'Time\tActivity\tChannel',
      '09:41\talert fired\tWeb',
      '09:44\tacked\t',
    ]);
  });
});

describe('aligned columns on any input', () => {
  test('property: the reader never throws and keeps every line and its number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60 }), { minLength: 0, maxLength: 8 }),
        (texts) => {
          const lines = texts.map((text, i) => ({ number: i + 3, text }));
          const read = alignedColumnsAsTabs(lines);
          if (read) expect(read.map((line) => line.number)).toEqual(lines.map((l) => l.number));
        },
      ),
    );
  });

  test('property: a header over aligned rows of clock times always reads as one row a line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), {
          minLength: 2,
          maxLength: 6,
        }),
        (times) => {
          const pad = (n: number): string => String(n).padStart(2, '0');
          const lines = [
            'Time      Message              Channel',
            ...times.map(([h, m]) => `${pad(h)}:${pad(m)}     something happened   Web`),
          ].map((text, i) => ({ number: i + 1, text }));
          const read = alignedColumnsAsTabs(lines);
          expect(read?.slice(1).map((line) => line.text.split('\t').length)).toEqual(
            times.map(() => 3),
          );
        },
      ),
    );
  });
});
