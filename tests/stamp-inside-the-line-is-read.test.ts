import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import {
  discordLine,
  epochLine,
  normalizeGitLog,
  readGitDate,
  stateFirstUpdate,
} from '../src/pipeline/parse/stamp-inside-line.js';
import { spokenTimes } from '../src/pipeline/parse/spoken-times.js';
import { sourceFromText } from './helpers/source.js';

describe('a status update written state first has its time moved to the front', () => {
  test('dash, em dash and bar separators all read', () => {
    expect(stateFirstUpdate('Investigating - 09:14 UTC - We are looking into it.')).toBe(
      '09:14 UTC Investigating - We are looking into it.',
    );
    expect(stateFirstUpdate('Monitoring — 09:58 UTC — A fix is out.')).toBe(
      '09:58 UTC Monitoring - A fix is out.',
    );
    expect(stateFirstUpdate('Resolved | Dec 1, 10:45 UTC | All clear.')).toBe(
      'Dec 1, 10:45 UTC Resolved - All clear.',
    );
  });
  test('a state word before words that are no time is left alone', () => {
    expect(stateFirstUpdate('Resolved - the cache - we think')).toBeNull();
    expect(stateFirstUpdate('Update - 3 servers - restarted')).toBeNull();
  });
});

describe('epoch seconds or milliseconds in a time field are a UTC instant', () => {
  test('logfmt seconds, JSON seconds with a fraction, JSON milliseconds', () => {
    expect(epochLine('_time=1585137017 host=db1 msg="socket timeouts"')).toBe(
      '2020-03-25T11:50:17Z [db1] socket timeouts',
    );
    expect(epochLine('{"ts": 1585137017.900, "msg": "pager fired"}')).toBe(
      '2020-03-25T11:50:17Z pager fired',
    );
    expect(epochLine('{"timestamp": 1585137017000, "level": "info"}')).toBe(
      '2020-03-25T11:50:17Z "level": "info"',
    );
  });
  test('a ten-digit number in another field, or a line already stamped, is left alone', () => {
    expect(epochLine('order_id=1585137017 failed')).toBeNull();
    expect(epochLine('09:14 UTC ts=1585137017 retry')).toBeNull();
  });
});

describe('git log: the Date header is the instant of the message under it', () => {
  test('default, iso, iso-strict and rfc dates keep their offset', () => {
    const instants = [
      'Wed Jan 8 13:29:00 2014 -0800',
      '2014-01-08 13:29:00 -0800',
      '2014-01-08T13:29:00-08:00',
      'Wed, 8 Jan 2014 13:29:00 -0800',
    ].map((text) => readGitDate(text)?.toUTC().toISO());
    expect(new Set(instants)).toEqual(new Set(['2014-01-08T21:29:00.000Z']));
  });
  test("a commit's message line carries the stamp and author; a note keeps its own line", () => {
    const lines = (texts: string[], from: number) => ({
      lines: texts.map((text, i) => ({ number: from + i, text })),
    });
    const blocks = normalizeGitLog([
      lines(
        [
          'commit 4b1d0c27e9a3',
          'Author: Ana Ruiz <ana@example.org>',
          'Date:   2014-01-08 13:29:00 -0800',
        ],
        1,
      ),
      lines(['    dns: same change for ns2', '    second line of the message'], 5),
      lines(['  -- 13:31 queries time out', 'no time in this note'], 8),
    ]);
    expect(blocks?.flatMap((block) => block.lines)).toEqual([
      { number: 5, text: '2014-01-08T13:29:00-08:00 <Ana_Ruiz> dns: same change for ns2' },
      { number: 6, text: '    second line of the message' },
      { number: 8, text: '13:31 queries time out' },
      { number: 9, text: 'no time in this note' },
    ]);
  });
  test('a section without commits is not git log', () => {
    expect(
      normalizeGitLog([{ lines: [{ number: 1, text: 'Date: 2014-01-08 13:29' }] }]),
    ).toBeNull();
  });
});

describe('the day of bare times', () => {
  test('a whole date written above the timeline beats the date in the file name', () => {
    const { facts } = analyzeSource(
      sourceFromText(
        [
          'Checkout errors - running notes',
          'Times UTC, so this is Sat 4 Jul 2026 for us (Friday evening in Pacific).',
          '',
          '~02:10  checkout errors start for card payments',
          '02:55   errors gone, incident resolved',
        ].join('\n'),
        'incidents/2026-07-03-checkout-errors.md',
      ),
    );
    expect(facts?.start).toBe('2026-07-04T02:10:00+00:00');
    expect(facts?.resolved).toBe('2026-07-04T02:55:00+00:00');
  });
});

describe('times said in words inside a sentence', () => {
  const clocks = (sentence: string) => spokenTimes(sentence).map((time) => time.clock);
  test("past, to, o'clock, am/pm and noon are clock times", () => {
    expect(clocks('It began at 2pm and the pager went off at ten past two.')).toEqual([
      '2:00 pm',
      '2:10',
    ]);
    expect(clocks('At quarter past three we reverted; closed around half past four.')).toEqual([
      '3:15',
      '4:30',
    ]);
    expect(clocks('rolled back at twenty to five in the afternoon, done by noon')).toEqual([
      '4:40 pm',
      '12:00',
    ]);
    expect(clocks("paged just after 9 a.m., fixed at eleven o'clock")).toEqual([
      '9:00 am',
      '11:00',
    ]);
  });
  test('numbers that are no time are not read', () => {
    expect(clocks('two servers failed and half the fleet restarted at 2:15')).toEqual([]);
    expect(clocks('we waited about ten minutes, then after three retries gave up')).toEqual([]);
  });
  test('a range of counts or a 24-hour hour after "to" is no time said in words', () => {
    expect(clocks('scaled webhook workers from 4 to 16')).toEqual([]);
    expect(clocks('raised the pool from ten to 40 connections')).toEqual([]);
    expect(clocks('shards went from five to twelve')).toEqual([]);
    expect(clocks('it was back by ten to five')).toEqual(['4:50']);
  });
});

describe('a Discord copy: every message is its own entry', () => {
  test('a continuation glued to its bracketed time, and a "Today at" header', () => {
    expect(discordLine('[12:44 PM]reverting the config change now')).toBe(
      '[12:44 PM] reverting the config change now',
    );
    expect(discordLine('tomasz — Today at 5:26 PM')).toBe('tomasz — 5:26 PM');
    expect(discordLine('kaz - Yesterday at 11:02 AM')).toBe('kaz — 11:02 AM');
    expect(discordLine('we said today at 5:26 PM we would look')).toBeNull();
  });
});
