import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { sourceFromText } from './helpers/source.js';

const parse = (lines: string[]) => parseIncident(sourceFromText(lines.join('\n')));

describe('a chat header with the message on the lines below', () => {
  test("Zoom's saved chat: time, 'From X to Everyone:', the message on the next tab-indented line", () => {
    const { incident } = parse([
      '---',
      'date: 2026-05-12',
      'timezone: UTC',
      '---',
      '10:02:11 From  Ana Ruiz  to  Everyone:',
      '\tsearch timeouts on /search',
      '10:03:40 From  Tom Becker  to  Everyone:',
      "\tI'm on it",
      '\tpulling the index node graphs',
    ]);
    expect(
      incident?.entries.map((entry) => ({
        line: entry.line,
        actor: entry.actor,
        text: entry.text,
      })),
    ).toEqual([
      { line: 5, actor: 'Ana Ruiz', text: 'search timeouts on /search' },
      { line: 7, actor: 'Tom Becker', text: "I'm on it pulling the index node graphs" },
    ]);
  });

  test('a speaker prefix on the same line is who spoke, not part of the event text', () => {
    const { incident } = parse([
      '---',
      'date: 2026-05-12',
      'timezone: UTC',
      '---',
      '10:02 From Ana Ruiz to Everyone: search timeouts on /search',
      '10:03 Tom Becker: looking at the index nodes',
      '10:09 Ana Ruiz: timeouts dropping',
      '10:12 Tom Becker: found it, node 3 is out of disk',
    ]);
    expect(incident?.entries.map((entry) => [entry.actor, entry.text])).toEqual([
      ['Ana Ruiz', 'search timeouts on /search'],
      ['Tom Becker', 'looking at the index nodes'],
      ['Ana Ruiz', 'timeouts dropping'],
      ['Tom Becker', 'found it, node 3 is out of disk'],
    ]);
  });

  test('a label before a colon in a timeline that is not a chat stays in the text', () => {
    const { incident } = parse([
      '---',
      'date: 2026-05-12',
      'timezone: UTC',
      '---',
      '10:02 Root Cause: disk full on node 3',
      '10:09 Checkout Team: rolled back',
    ]);
    expect(incident?.entries.map((entry) => entry.text)).toEqual([
      'Root Cause: disk full on node 3',
      'Checkout Team: rolled back',
    ]);
  });

  test('"ok - proposal is ..." is a message, not a time label "ok"', () => {
    const { incident } = parse([
      '---',
      'date: 2026-05-12',
      'timezone: UTC',
      '---',
      '10:02 search timeouts',
      'ok - proposal is to restart the index nodes',
      'early - suspect the deploy',
    ]);
    const untimed = incident?.entries.filter((entry) => !entry.time);
    expect(untimed?.map((entry) => [entry.timeLabel, entry.text])).toEqual([
      [null, 'ok - proposal is to restart the index nodes'],
      ['early', 'suspect the deploy'],
    ]);
  });
});

describe('a zone stated only in prose above the timeline', () => {
  const body = ['10:00 checkout failing for all users', '10:40 checkout back to normal'];
  test.each([
    ['times are local, Pacific.', 'America/Los_Angeles', '2026-07-01T10:00:00-07:00'],
    ['All times CET', 'Europe/Paris', '2026-07-01T10:00:00+02:00'],
    ['times in IST', 'Asia/Kolkata', '2026-07-01T10:00:00+05:30'],
    ['Timestamps are local (Eastern)', 'America/New_York', '2026-07-01T10:00:00-04:00'],
  ])('"%s" is the timeline\'s zone', (sentence, zone, start) => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(['---', 'date: 2026-07-01', '---', sentence, '', ...body].join('\n')),
    );
    expect(facts?.timezone).toBe(zone);
    expect(facts?.start).toBe(start);
    expect(diagnostics.map((d) => d.code)).not.toContain('timeline/no-zone');
  });

  test('front matter wins, with a warning when the prose names another clock', () => {
    const { incident, diagnostics } = parse([
      '---',
      'date: 2026-07-01',
      'timezone: UTC',
      '---',
      'times are local, Pacific.',
      '',
      ...body,
    ]);
    expect(incident?.zone).toBe('UTC');
    const warning = diagnostics.find((d) => d.code === 'timeline/zone-mismatch');
    expect(warning?.line).toBe(3);
    expect(warning?.message).toContain('America/Los_Angeles');
  });

  test('no warning when both name the same clock', () => {
    const { diagnostics } = parse([
      '---',
      'date: 2026-07-01',
      'timezone: America/Los_Angeles',
      '---',
      'All times PDT.',
      '',
      ...body,
    ]);
    expect(diagnostics.map((d) => d.code)).not.toContain('timeline/zone-mismatch');
  });
});
