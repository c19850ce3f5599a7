import { describe, expect, test } from 'vitest';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { resolveZone } from '../src/pipeline/parse/zone.js';
import { sourceFromText } from './helpers/source.js';

/** The first timed line's instant, as ISO 8601 with its offset in the incident's zone. */
function firstInstant(timezone: string, date: string, body: string[]): string | null {
  const { incident } = parseIncident(
    sourceFromText(
      ['---', `date: ${date}`, `timezone: ${timezone}`, '---', '', ...body].join('\n'),
    ),
  );
  return incident?.entries.find((entry) => entry.time)?.time?.toISO() ?? null;
}

describe('an abbreviation several countries write follows the zone the incident states', () => {
  test.each([
    ['IST', 'Europe/Dublin', 'Europe/Dublin'],
    ['IST', 'Asia/Jerusalem', 'Asia/Jerusalem'],
    ['IST', 'Asia/Kolkata', 'Asia/Kolkata'],
    ['CST', 'Asia/Shanghai', 'Asia/Shanghai'],
    ['CST', 'America/Chicago', 'America/Chicago'],
    ['BST', 'Asia/Dhaka', 'Asia/Dhaka'],
  ])('%s beside %s is %s', (token, stated, want) => {
    expect(resolveZone(token, stated)).toBe(want);
  });

  test.each([
    ['IST', 'Europe/Berlin', 'Asia/Kolkata'],
    ['CST', 'UTC', 'America/Chicago'],
    ['PST', 'Asia/Shanghai', 'America/Los_Angeles'],
  ])('%s beside an unrelated %s keeps its usual reading (%s)', (token, stated, want) => {
    expect(resolveZone(token, stated)).toBe(want);
  });

  test('"Time (IST)" over a Dublin timeline is Irish summer time, +01:00', () => {
    expect(
      firstInstant('Europe/Dublin', '2026-07-09', [
        '| Time (IST) | What |',
        '| --- | --- |',
        '| 10:14 | payroll export failing |',
        '| 11:03 | exports succeeding again, resolved |',
      ]),
    ).toBe('2026-07-09T10:14:00.000+01:00');
  });

  test('"21:02 CST" in a Shanghai timeline is China time, not US Central winter time', () => {
    expect(
      firstInstant('Asia/Shanghai', '2026-03-18', [
        '21:02 CST order-svc p99 above 3s',
        '21:40 CST incident resolved',
      ]),
    ).toBe('2026-03-18T21:02:00.000+08:00');
  });

  test('"All times IST." above a Dublin timeline agrees with the front matter: no mismatch', () => {
    const { diagnostics } = parseIncident(
      sourceFromText(
        [
          '---',
          'date: 2026-07-09',
          'timezone: Europe/Dublin',
          '---',
          '',
          'All times IST.',
          '',
          '10:14 payroll export failing',
          '11:03 exports succeeding again, resolved',
        ].join('\n'),
      ),
    );
    expect(diagnostics.map((d) => d.code)).not.toContain('timeline/zone-mismatch');
  });
});
