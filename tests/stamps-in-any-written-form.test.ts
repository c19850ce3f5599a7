/**
 * A stamp is read however a person wrote it: European clocks (`10h15`, `10.15 Uhr`, `ore 9.40`),
 * dates in the words of other languages, numeric dates whose order the file decides, and a
 * 12-hour clock that never says AM or PM. The small cases of each kind are in
 * tests/fixtures/cases (checked by milestones-on-fixtures.test.ts); this file checks the reader
 * and the file-wide decisions directly, and that paste order never changes an instant.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { numericDateOrder } from '../src/pipeline/parse/paste-shapes.js';
import { isStampProblem, readStamp } from '../src/pipeline/parse/time.js';
import { sourceFromText } from './helpers/source.js';
import { instants } from './helpers/instants.js';

const clock = (line: string): string | null => {
  const stamp = readStamp(line);
  if (!stamp || isStampProblem(stamp) || !stamp.time) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(stamp.time.hour)}:${pad(stamp.time.minute)}`;
};

const day = (line: string): string | null => {
  const stamp = readStamp(line);
  if (!stamp || isStampProblem(stamp) || !stamp.date) return null;
  const { year, month, day: d } = stamp.date;
  return `${year ?? '????'}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

describe('a European clock is a time', () => {
  test.each([
    ['- 10h15 : alert fired', '10:15'],
    ['14h05 login failures', '14:05'],
    ['- 11h : incident resolved', '11:00'],
    ['* 21 h 05 - payments down', '21:05'],
    ['* 0 h 20 - resolved', '00:20'],
    ['- 10.15 Uhr: alert', '10:15'],
    ['- 11 Uhr: behoben', '11:00'],
    ['- 14:20 Uhr: Alarm', '14:20'],
    ['- ore 9.40: latency alert', '09:40'],
    ['um 10.15 - Alarm', '10:15'],
  ])('%s → %s', (line, expected) => {
    expect(clock(line)).toBe(expected);
  });

  // Must not: a duration, a version, a number, a sentence that starts with "at".
  test.each([
    '2h later the queue drained',
    '24h after the release',
    '4.2.10 deployed to prod',
    '10.15 deployed',
    '3 out of 4 nodes down',
    'Um 14:50 Uhr wurde der Index entfernt.',
  ])('%s is not a stamp', (line) => {
    expect(clock(line)).toBeNull();
  });
});

describe('a day written in words of other languages', () => {
  test.each([
    ['lundi 9 mars 2026', '2026-03-09'],
    ['Lunes, 9 de marzo de 2026', '2026-03-09'],
    ['9 de março', '????-03-09'],
    ['Giovedì 12 marzo 2026', '2026-03-12'],
    ['Dienstag, 10.03.2026', '2026-03-10'],
    ['9. März 2026', '2026-03-09'],
    ['1er juillet 2025', '2025-07-01'],
    ['sábado, 3 de agosto de 2024', '2024-08-03'],
  ])('%s → %s', (line, expected) => {
    expect(day(line)).toBe(expected);
  });

  test.each(['3 out of 4 nodes', '5 set to false', 'mai 2026 roadmap'])(
    '%s names no day',
    (line) => {
      expect(day(line)).toBeNull();
    },
  );
});

describe('numeric dates: the file decides the order', () => {
  test('a number over 12 in the first place: day first', () => {
    expect(numericDateOrder(['05-04-2026 22:10 a', '14-04-2026 10:00 b'], { zone: '' })).toBe(
      'day-first',
    );
  });
  test('a number over 12 in the second place: month first', () => {
    expect(numericDateOrder(['12-14-2025 02:55 PM a', '12-10-2025 b'], { zone: '' })).toBe(
      'month-first',
    );
  });
  test('the front-matter date, matched in one order only, beats the zone', () => {
    const texts = ['04/03/2026 09:10 alert'];
    const date = { year: 2026, month: 3, day: 4 };
    expect(numericDateOrder(texts, { zone: 'America/New_York', date })).toBe('day-first');
    expect(
      numericDateOrder(texts, { zone: 'Europe/Paris', date: { ...date, month: 4, day: 3 } }),
    ).toBe('month-first');
  });
  test('a weekday beside the date beats the zone', () => {
    // 3 February 2026 was a Tuesday, 2 March a Monday.
    expect(numericDateOrder(['Tuesday 03/02/2026'], { zone: 'America/Chicago' })).toBe('day-first');
    expect(numericDateOrder(['Mon 03/02/2026'], { zone: 'Europe/Berlin' })).toBe('month-first');
  });
  test('the reading in which the dates run one way', () => {
    // Either reading spans 31 days; only one keeps the lines in time order.
    const dayFirst = ['03/03/2026 23:50 a', '04/03/2026 00:10 b', '03/04/2026 09:00 review'];
    expect(numericDateOrder(dayFirst, { zone: '' })).toBe('day-first');
    const monthFirst = ['03/03/2026 23:50 a', '03/04/2026 00:10 b', '04/03/2026 09:00 review'];
    expect(numericDateOrder(monthFirst, { zone: '' })).toBe('month-first');
  });
  test('dots stay day first whatever the zone, when nothing else tells', () => {
    expect(numericDateOrder(['09.03.2026 10:15 a'], { zone: 'America/New_York' })).toBeNull();
  });
  test('a two-digit year counts only before a clock time', () => {
    expect(numericDateOrder(['deployed 4.2.10 to prod'], { zone: '' })).toBeNull();
    expect(numericDateOrder(['[14.03.26 10:15] a'], { zone: '' })).toBe('day-first');
  });
});

describe("the file's dominant layout says where a stamp is", () => {
  const events = (body: string) => {
    const { incident } = parseIncident(
      sourceFromText(
        `---\ntitle: t\ndate: 2026-03-09\ntimezone: UTC\n---\n## Timeline\n\n${body}\n`,
      ),
    );
    return (incident?.entries ?? []).map((e) => [
      e.time?.toFormat('HH:mm') ?? null,
      e.text,
      e.source,
    ]);
  };
  const sources = (read: (string | null)[][]) => read.map(([, , source]) => source);
  test('a stamp after a one-token column on every line', () => {
    expect(
      events('ERROR [2026-03-09 10:15:22] a failed\nINFO  [2026-03-09 10:19:01] b acked'),
    ).toEqual([
      ['10:15', 'a failed', 'ERROR'],
      ['10:19', 'b acked', 'INFO'],
    ]);
  });
  test('a name and a time ending each header line, the message below', () => {
    expect(events('Ana López 10:15 AM\nit broke\n\nJordi Puig 10:19 AM\nacked')).toEqual([
      ['10:15', 'it broke', null],
      ['10:19', 'acked', null],
    ]);
  });
  // Must not: times inside sentences after "at", or one odd line among stamps at the start.
  test('a sentence with "at" before its time is not a layout', () => {
    const read = events('Gegen 10:40 haben wir zurückgerollt.\nGegen 10:52 waren die Fehler weg.');
    expect(sources(read)).toEqual([null, null]);
  });
  test('one line with a column among lines stamped first stays as written', () => {
    const read = events('10:15 a failed\n10:19 b acked\n10:40 c rolled back\nnode-3 10:41 d');
    expect(read.map(([time]) => time)).toEqual(['10:15', '10:19', '10:40', null]);
  });
});

const ZONE = 'Europe/Madrid';
const pad = (n: number): string => String(n).padStart(2, '0');

/** Each stamp form added for the blind sets' pastes, writing one event as its lines. */
const FORMS: Record<string, (t: DateTime, n: number) => string> = {
  'DD.MM.YYYY HH:MM': (t, n) => `${t.toFormat('dd.MM.yyyy HH:mm')} event ${n}`,
  'DD-MM-YYYY HH:MM': (t, n) => `${t.toFormat('dd-MM-yyyy HH:mm')} event ${n}`,
  'Telegram name, [DD.MM.YY HH:MM]': (t, n) =>
    `Ana López, [${t.toFormat('dd.MM.yy HH:mm')}]\nevent ${n}`,
  'WhatsApp [DD/MM/YYYY, HH:MM:SS]': (t, n) =>
    `[${t.toFormat('dd/MM/yyyy, HH:mm:ss')}] Ana: event ${n}`,
  'WhatsApp DD/MM/YYYY, HH:MM -': (t, n) => `${t.toFormat('dd/MM/yyyy, HH:mm')} - Ana: event ${n}`,
  'weekday, day month year, HHhMM (French)': (t, n) =>
    `${t.setLocale('fr').toFormat('cccc d LLLL yyyy')} à ${t.hour}h${pad(t.minute)} event ${n}`,
  'day de month de year a las H h MM (Spanish)': (t, n) =>
    `${t.setLocale('es').toFormat("d 'de' LLLL 'de' yyyy")}, ${t.hour} h ${pad(t.minute)} - event ${n}`,
  'weekday, DD.MM.YYYY HH.MM Uhr (German)': (t, n) =>
    `${t.setLocale('de').toFormat('cccc, dd.MM.yyyy')} ${t.hour}.${pad(t.minute)} Uhr: event ${n}`,
  'log level, then [YYYY-MM-DD HH:MM:SS]': (t, n) =>
    `${n % 2 ? 'INFO ' : 'WARN '} [${t.toFormat('yyyy-MM-dd HH:mm:ss')}] event ${n}`,
  'host | YYYY/MM/DD HH:MM | text': (t, n) =>
    `web-${n} | ${t.toFormat('yyyy/MM/dd HH:mm')} | event ${n}`,
  'Kibana MMM d, yyyy @ HH:mm:ss.SSS': (t, n) =>
    `${t.toFormat('LLL d, yyyy @ HH:mm:ss.SSS')}\tevent ${n}`,
  'ISO week date YYYY-Www-D HH:MM': (t, n) => `${t.toFormat("kkkk-'W'WW-c HH:mm")} event ${n}`,
  'compact ISO week date YYYYWwwD HH:MM': (t, n) =>
    `- ${t.toFormat("kkkk'W'WWc HH:mm")} - event ${n}`,
  'DD.MM.YYYY HH.MM uur (Dutch)': (t, n) =>
    `${t.toFormat('dd.MM.yyyy')} ${t.toFormat('HH.mm')} uur  event ${n}`,
  'DD.MM.YYYY kl. HH.MM (Norwegian, Danish)': (t, n) =>
    `${t.toFormat('dd.MM.yyyy')} kl. ${t.toFormat('HH.mm')} – event ${n}`,
  'ServiceNow MM-DD-YYYY hh:mm:ss AM, author, text': (t, n) =>
    `${t.toFormat('MM-dd-yyyy hh:mm:ss a')}\nDana Brooks\nWork notes\nevent ${n}`,
};

describe('paste order never changes an instant', () => {
  test.each(Object.keys(FORMS))('%s', (name) => {
    const write = FORMS[name] as (t: DateTime, n: number) => string;
    fc.assert(
      fc.property(
        // Distinct minutes within four days in March 2026 (the 13th on: a day over 12 settles
        // the order of numeric dates in every file, as it would in a real multi-day paste).
        fc.uniqueArray(fc.integer({ min: 0, max: 4 * 24 * 60 - 1 }), {
          minLength: 2,
          maxLength: 7,
        }),
        fc.func(fc.integer()),
        (offsets, shuffleKey) => {
          const base = DateTime.fromObject({ year: 2026, month: 3, day: 13 }, { zone: ZONE });
          const times: DateTime[] = offsets.map((m) => base.plus({ minutes: m }));
          const file = (order: DateTime[]): string =>
            `---\ntitle: Order test\ntimezone: ${ZONE}\n---\n## Timeline\n\n${order
              .map((t) => write(t, times.indexOf(t)))
              .join('\n\n')}\n`;
          const expected = times.map((t) => t.toUTC().toISO() ?? '').sort();
          const shuffled = [...times].sort(
            (a, b) => shuffleKey(a.toMillis()) - shuffleKey(b.toMillis()),
          );
          expect(instants(file(times))).toEqual(expected);
          expect(instants(file([...times].reverse()))).toEqual(expected);
          expect(instants(file(shuffled))).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
