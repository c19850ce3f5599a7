import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { readLine } from '../src/pipeline/analyze/read-line.js';
import { readDaySeparator } from '../src/pipeline/parse/timeline-lines.js';
import { sourceFromText } from './helpers/source.js';

function events(text: string, path = 'incidents/chat-log.md') {
  const { facts, diagnostics } = analyzeSource(sourceFromText(text, path));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (facts?.events ?? []).map(({ line, time, text, state }) => ({ line, time, text, state }));
}

describe('a day separator names the day of the lines below it', () => {
  test.each([
    ['--- Log opened Tue Mar 22 21:00:00 2016', { year: 2016, month: 3, day: 22 }],
    ['--- Log closed Wed Mar 23 00:30:00 2016', { year: 2016, month: 3, day: 23 }],
    ['-- Day changed Wed Mar 23 2016', { year: 2016, month: 3, day: 23 }],
    ['--- Day changed to 23 Mar 2016', { year: 2016, month: 3, day: 23 }],
    ['──────── March 18, 2026 ────────', { year: 2026, month: 3, day: 18 }],
    ['-- Mon, 22 Mar 2016 --', { year: 2016, month: 3, day: 22 }],
    ['Tuesday, March 22nd', { year: null, month: 3, day: 22 }],
  ])('%s', (line, date) => {
    expect(readDaySeparator(line)).toEqual(date);
  });

  test.each([
    '21:30 checkout failing',
    'Log opened the runbook and followed step 3',
    '2016-03-22 21:30 registry-bot: left-pad unpublished',
  ])('not a separator: %s', (line) => {
    expect(readDaySeparator(line)).toBeNull();
  });

  test('the lines above the first separator are on the day before it, those below on its day', () => {
    const times = events(
      [
        '---',
        'title: t',
        'timezone: UTC',
        '---',
        '23:50 <a> checkout failing',
        '-- Day changed Wed Mar 23 2016',
        '00:10 <a> checkout back to normal',
      ].join('\n'),
    ).map((e) => e.time);
    expect(times).toEqual(['2016-03-22T23:50:00+00:00', '2016-03-23T00:10:00+00:00']);
  });

  test("an irssi log's opening line gives the day of the first lines", () => {
    const times = events(
      [
        '---',
        'title: t',
        'timezone: UTC',
        '---',
        '--- Log opened Tue Mar 22 21:00:00 2016',
        '21:30 <a> checkout failing',
        '-- Day changed Wed Mar 23 2016',
        '00:05 <a> checkout back to normal',
      ].join('\n'),
    ).map((e) => e.time);
    expect(times).toEqual(['2016-03-22T21:30:00+00:00', '2016-03-23T00:05:00+00:00']);
  });
});

describe('chat markers and task-list boxes are not what was said', () => {
  test('an IRC system marker and a checkbox leave the event text; the checkbox is the state', () => {
    const read = events(
      [
        '---',
        'title: t',
        'date: 2016-03-22',
        'timezone: UTC',
        '---',
        '21:30 -!- registry-bot: package left-pad unpublished',
        '21:41 <ceejbot> installs failing with 404',
        '00:20 <ceejbot> - [ ] alert when a package with dependents is unpublished',
        '00:21 <ceejbot> - [x] write the blog post',
      ].join('\n'),
    );
    expect(read.map((e) => [e.text, e.state ?? null])).toEqual([
      ['package left-pad unpublished', null],
      ['installs failing with 404', null],
      ['alert when a package with dependents is unpublished', 'action item'],
      ['write the blog post', 'action item (done)'],
    ]);
  });

  test.each([
    ['- [ ] alert when a package with >N dependents is unpublished', null],
    ['TODO: page the DB team sooner, the alert fired late', null],
    ['next time we should roll back first', null],
    ['alert when a package is unpublished', 'action item'],
    ['incident resolved once the replica caught up', 'action item (done)'],
  ])('a follow-up signals no phase: %s', (text, state) => {
    expect(readLine(text, state).scores).toEqual(readLine('').scores);
    expect(readLine(text, state).kind).toBe('note');
  });
});
