import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { isDayFirst } from '../src/pipeline/parse/paste-shapes.js';
import { ConfigSchema } from '../src/schemas/config.js';
import { sourceFromText } from './helpers/source.js';

describe('day-first dates are told from month-first ones by the block itself', () => {
  test('a first number above 12 is a day, a second above 12 is a day too', () => {
    expect(isDayFirst(['25/01/2023 12:20 change'], '')).toBe(true);
    expect(isDayFirst(['01/25/2023 12:20 change'], '')).toBe(false);
  });
  test('when either reading is possible, the one that keeps the dates together wins', () => {
    // 03/02 → 04/02 is one day read day first, a month read month first.
    expect(isDayFirst(['03/02/2026,23:40,a', '04/02/2026,00:10,b'], '')).toBe(true);
    // 02/03 → 02/04 is one day read month first.
    expect(isDayFirst(['02/03/2026,23:40,a', '02/04/2026,00:10,b'], '')).toBe(false);
  });
  test('a single ambiguous date follows the zone: US zones write the month first', () => {
    expect(isDayFirst(['03/02/2026 10:00 a'], 'timezone: America/New_York')).toBe(false);
    expect(isDayFirst(['03/02/2026 10:00 a'], 'Time (IST)')).toBe(true);
  });
  test('Latin American zones write the day first, though their names start with America/', () => {
    expect(isDayFirst(['03/02/2026 10:00 a'], 'timezone: America/Sao_Paulo')).toBe(true);
    expect(isDayFirst(['03/02/2026 10:00 a'], 'timezone: America/Mexico_City')).toBe(true);
    expect(isDayFirst(['03/02/2026 10:00 a'], 'timezone: America/Chicago')).toBe(false);
  });
  test('a day the file writes in words tells the order of the numeric dates on it', () => {
    const lines = ['2 de dezembro de 2026, 14:05 - alert', '02/12/2026 14:29 - cause found'];
    expect(isDayFirst(lines, 'timezone: America/New_York')).toBe(true);
    const monthFirst = ['December 2, 2026 14:05 alert', '12/02/2026 14:29 cause found'];
    expect(isDayFirst(monthFirst, 'timezone: Europe/Berlin')).toBe(false);
  });
});

describe('a paste with times in a shape no line starts with is read, not refused', () => {
  test('a Slack export as JSON lines: each message at its epoch ts, citing its own line', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: Search outage',
          '---',
          '{"type":"message","user":"U1","text":"search returning 500s for everyone","ts":"1770110040.000100"}',
          '{"type":"message","user":"U2","text":"search back to normal, closing the incident","ts":"1770112680.000400"}',
        ].join('\n'),
      ),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(facts?.start).toBe('2026-02-03T09:14:00+00:00');
    expect(facts?.resolved).toBe('2026-02-03T09:58:00+00:00');
    expect(facts?.events.map((event) => event.line)).toEqual([4, 5]);
  });

  test('front matter that is not YAML but reads line by line is read, with a warning', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: Checkout down',
          'services:',
          '  - "Log in with Facebook" on partner sites',
          '---',
          '2026-01-10 14:00 UTC checkout down',
          '2026-01-10 14:30 UTC checkout back to normal',
        ].join('\n'),
      ),
    );
    const yaml = diagnostics.find((d) => d.code === 'front-matter/yaml');
    expect(yaml?.severity).toBe('warning');
    expect(facts?.services).toEqual(['"Log in with Facebook" on partner sites']);
    expect(facts?.durationMinutes).toBe(30);
  });

  test('front matter nobody could read (an unclosed quote) is still an error', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText('---\ntitle: "unclosed\ndate: 2026-01-10\n---\n14:00 UTC down\n'),
    );
    expect(facts).toBeNull();
    expect(diagnostics.find((d) => d.code === 'front-matter/yaml')?.severity).toBe('error');
  });

  test('entries dated but not timed: kept with their day, no clock time, no duration', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: Invoices wrong',
          '---',
          '- 2025-03-03: customers report invoices missing line items',
          '- 2025-03-05: fix deployed; incident closed',
        ].join('\n'),
      ),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain('timeline/dates-only');
    expect(facts?.start).toBeNull();
    expect(facts?.resolved).toBeNull();
    expect(facts?.durationMinutes).toBeNull();
    expect(facts?.events.map((event) => event.timeLabel)).toEqual(['2025-03-03', '2025-03-05']);
  });
});

describe("a team's own cues from incidentpost.config.json", () => {
  const timeline = [
    '---',
    'date: 2026-01-10',
    'timezone: UTC',
    '---',
    '14:00 checkout failing for all users',
    '14:04 zorro-bot summoned team-payments',
    '14:30 checkout back to normal',
  ].join('\n');
  const cue = {
    id: 'zorro-bot-summoned',
    phase: 'detect',
    weight: 3,
    pattern: 'zorro-bot summoned',
    reason: 'our paging bot says it paged a team',
    examples: { match: ['zorro-bot summoned team-db'], noMatch: ['zorro-bot is summoned weekly'] },
  };

  test('a cue from the config is read: the bot line is the detection, citing the cue', () => {
    const config = ConfigSchema.parse({ analysis: { cues: [cue] } });
    const without = analyzeSource(sourceFromText(timeline));
    const withCue = analyzeSource(sourceFromText(timeline), { cues: config.analysis.cues });
    expect(without.facts?.detected).not.toBe('2026-01-10T14:04:00+00:00');
    expect(withCue.facts?.detected).toBe('2026-01-10T14:04:00+00:00');
    expect(withCue.facts?.evidence?.detected?.cue).toBe('zorro-bot-summoned');
  });

  test('a cue whose examples its pattern does not honour is a config error', () => {
    const wrong = { ...cue, examples: { match: ['zorro paged us'], noMatch: [] } };
    const parsed = ConfigSchema.safeParse({ analysis: { cues: [wrong] } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('does not match');
    expect(ConfigSchema.safeParse({ analysis: { cues: [{ ...cue, pattern: '(' }] } }).success).toBe(
      false,
    );
  });
});

describe('a mail body line is an event at the time it states for itself, or when it was sent', () => {
  const mail = (body: string): string =>
    [
      '---',
      'title: Reports late',
      'timezone: UTC',
      '---',
      'From: Ana <ana@example.com>',
      'Date: Mon, Feb 9, 2026 at 1:58 PM',
      'Subject: reports late',
      '',
      body,
      '',
      'From: Bo <bo@example.com>',
      'Date: Mon, Feb 9, 2026 at 3:10 PM',
      'Subject: Re: reports late',
      '',
      'Restarted the report workers at 2:40 PM, reports arrive on time again at 2:52 PM.',
    ].join('\n');

  test.each([
    'Reports arrive hours late since around 1:20 PM.',
    'Every report is late, ever since around 1:15 pm.',
  ])('"since around <time>" dates the state, not the report: %s', (body) => {
    const { facts } = analyzeSource(sourceFromText(mail(body)));
    const report = facts?.events.find((event) => event.text === body);
    expect(report?.time).toBe('2026-02-09T13:58:00+00:00');
  });

  test('a line stating two steps at two times is two events, the effect at its own time', () => {
    const { facts } = analyzeSource(sourceFromText(mail('Reports arrive late.')));
    const times = facts?.events.filter((event) => event.line === 15).map((event) => event.time);
    expect(times).toEqual(['2026-02-09T14:40:00+00:00', '2026-02-09T14:52:00+00:00']);
    expect(facts?.resolved).toBe('2026-02-09T14:52:00+00:00');
  });
});
