import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromFixture, sourceFromText } from './helpers/source.js';

const dir = join(import.meta.dirname, 'fixtures/formats');

interface Expected {
  file: string;
  start: string;
  resolved: string;
  detected?: string;
  acknowledged?: string;
  mitigated?: string;
  durationMinutes: number;
  events?: number;
}

/** Formats the shared corpus does not show, each as a team would paste it. */
const cases: Expected[] = [
  {
    file: 'pagerduty-log.md',
    start: '2026-02-03T09:12:45Z',
    acknowledged: '2026-02-03T09:15:02Z',
    resolved: '2026-02-03T09:40:11Z',
    durationMinutes: 27,
  },
  {
    file: 'slack-copy.md',
    start: '2026-03-09T18:23:00Z',
    acknowledged: '2026-03-09T18:25:00Z',
    resolved: '2026-03-09T18:50:00Z',
    durationMinutes: 27,
    events: 4,
  },
  {
    file: 'irc-days.md',
    start: '2024-01-11T23:50:00Z',
    mitigated: '2024-01-12T00:10:00Z',
    resolved: '2024-01-12T00:30:00Z',
    durationMinutes: 40,
  },
  {
    file: 'statuspage.md',
    start: '2026-01-10T14:22:00Z',
    mitigated: '2026-01-10T14:51:00Z',
    resolved: '2026-01-10T15:02:00Z',
    durationMinutes: 40,
  },
  {
    file: 'date-time-table.md',
    start: '2026-03-29T00:40:00Z',
    detected: '2026-03-29T01:10:00Z',
    resolved: '2026-03-29T01:45:00Z',
    durationMinutes: 65,
  },
  {
    file: 'bold-bullets.md',
    start: '2026-06-01T00:29:00Z',
    detected: '2026-06-01T00:31:00Z',
    // "Rate limiting enabled at origin, errors dropping": a partial recovery is the mitigation.
    mitigated: '2026-06-01T00:52:00Z',
    resolved: '2026-06-01T01:20:00Z',
    durationMinutes: 51,
  },
  {
    file: 'cloudwatch-alarms.md',
    start: '2026-03-01T04:05:00Z',
    resolved: '2026-03-01T04:44:00Z',
    durationMinutes: 39,
  },
  {
    file: 'change-then-errors.md',
    // The deploy is the trigger, a lead-up line: impact starts with the first errors it caused.
    start: '2019-07-02T13:44:00Z',
    detected: '2019-07-02T13:45:00Z',
    mitigated: '2019-07-02T14:09:00Z',
    resolved: '2019-07-02T14:52:00Z',
    durationMinutes: 68,
  },
  {
    file: 'summary-states-times.md',
    start: '2026-05-11T08:03:00Z',
    detected: '2026-05-11T08:12:00Z',
    resolved: '2026-05-11T09:40:00Z',
    durationMinutes: 97,
  },
  {
    file: 'dst-spring-forward.md',
    start: '2026-03-08T09:30:00Z',
    resolved: '2026-03-08T10:40:00Z',
    durationMinutes: 70,
  },
];

const utc = (iso: string | null | undefined) =>
  iso ? DateTime.fromISO(iso).toUTC().toISO({ suppressMilliseconds: true }) : iso;

describe('timelines in formats beyond the corpus give the right milestones', () => {
  test.each(cases)('$file', (expected) => {
    const { facts, diagnostics } = analyzeSource(sourceFromFixture(join(dir, expected.file)));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const name of ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const) {
      if (expected[name])
        expect({ [name]: utc(facts?.[name]) }).toEqual({ [name]: utc(expected[name]) });
    }
    expect(facts?.durationMinutes).toBe(expected.durationMinutes);
    if (expected.events) expect(facts?.events).toHaveLength(expected.events);
  });

  test('a Slack copy keeps the author of each message and the message below it', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(dir, 'slack-copy.md')));
    expect(facts?.events.map((e) => [e.actor, e.text])).toContainEqual([
      'Mike Ross',
      'latency back to normal, resolving the incident',
    ]);
  });

  test('a status page listed newest first reads oldest first', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(dir, 'statuspage.md')));
    expect(facts?.events[0]?.text).toMatch(/^Investigating/);
    expect(facts?.events.at(-1)?.kind).toBe('resolve');
  });

  test('crossing daylight saving counts real minutes, not wall-clock minutes', () => {
    const { facts } = analyzeSource(sourceFromFixture(join(dir, 'dst-spring-forward.md')));
    expect(facts?.start).toBe('2026-03-08T01:30:00-08:00');
    expect(facts?.resolved).toBe('2026-03-08T03:40:00-07:00');
  });

  test('untimed lines are kept in order and marked untimed', () => {
    const { facts } = analyzeSource(
      sourceFromFixture(
        join(import.meta.dirname, 'fixtures/corpus/18-github-2016-01-28-power-disruption.md'),
      ),
    );
    const untimed = facts?.events.filter((e) => e.time === null) ?? [];
    expect(untimed.map((e) => e.timeLabel)).toEqual([
      'early',
      'early',
      'next',
      'next',
      'next',
      'following hours',
    ]);
    expect(facts?.events.findIndex((e) => e.timeLabel === 'early')).toBe(2);
  });

  test('a time range keeps its end, and the clock going backwards means the next day', () => {
    const { facts } = analyzeSource(
      sourceFromFixture(
        join(import.meta.dirname, 'fixtures/corpus/16-wikimedia-2019-07-23-eqiad-damaged-fiber.md'),
      ),
    );
    const range = facts?.events.find((e) => e.endTime);
    expect([range?.time, range?.endTime]).toEqual([
      '2019-07-23T18:30:00+00:00',
      '2019-07-23T18:43:00+00:00',
    ]);
    expect(facts?.events.at(-1)?.time).toBe('2019-07-24T00:16:00+00:00');
  });

  test('every milestone names the line it came from', () => {
    const { facts } = analyzeSource(
      sourceFromFixture(
        join(import.meta.dirname, '../incidents/2026-01-10-database-connection-pool-exhaustion.md'),
      ),
    );
    expect(facts?.milestones['start']).toMatchObject({ line: 15 });
    expect(facts?.milestones['resolved']).toMatchObject({ line: 26 });
  });
  test('a milestone set in front matter is read on the incident day and in its zone', () => {
    const text = `---\ndate: 2026-01-10\ntimezone: Europe/Berlin\nresolved: "15:10:30"\nmitigated: 2026-01-10T14:05:00Z\n---\n14:00 errors on checkout\n14:30 incident resolved\n`;
    const { facts } = analyzeSource(sourceFromText(text));
    expect(facts?.resolved).toBe('2026-01-10T15:10:30+01:00');
    expect(facts?.mitigated).toBe('2026-01-10T15:05:00+01:00');
    expect(facts?.milestones['resolved']).toMatchObject({ line: 4, reason: 'set in front matter' });
  });
});
