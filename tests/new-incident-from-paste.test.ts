import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { titleFromAlert } from '../src/pipeline/analyze/document-title.js';
import { servicesMentioned } from '../src/pipeline/load/incident-from-paste.js';
import { runCli, tempDir } from './helpers/cli.js';

const slack = readFileSync(
  join(import.meta.dirname, 'fixtures/paste/slack-without-date.txt'),
  'utf8',
);

describe('`new` turns a real chat paste into a draft incident ready to fill in', () => {
  test('a Slack paste without a date is dated today, with a warning saying so', () => {
    const cwd = tempDir();
    const result = runCli(['new'], { cwd, input: slack });
    expect(result.status, result.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(result.stdout.trim()).toMatch(new RegExp(`^incidents/${today}-`));
    expect(result.stderr).toContain(`dated today (${today})`);
    expect(result.stderr).toContain('--date');
  });

  test('--date sets the day; the file has a clean title, the services, a draft status and the sections to fill in', () => {
    const cwd = tempDir();
    const result = runCli(['new', '--date', '2026-03-04'], { cwd, input: slack });
    expect(result.status, result.stderr).toBe(0);
    const path = result.stdout.trim();
    expect(path).toBe('incidents/2026-03-04-high-error-rate-on-checkout-api-payments.md');
    const written = readFileSync(join(cwd, path), 'utf8');
    expect(written).toContain('title: High error rate on checkout-api (payments)\n');
    expect(written).toContain('date: 2026-03-04\n');
    expect(written).toContain('status: draft\n');
    expect(written).toMatch(/services:\n {2}- checkout-api\n {2}- payments-api\n/);
    for (const heading of ['## Timeline', '## Root cause', '## Mitigations', '## Action items'])
      expect(written).toContain(`\n${heading}\n`);
    expect(written).toContain('[Resolved] #48213 High error rate on checkout-api');
    expect(runCli(['check', path], { cwd }).status).toBe(0);
  });

  test.each([
    [
      'a tag on an alert line',
      '10:02 [SEV1] edge config push\n10:05 503s on www\n10:40 rolled back, errors gone\n',
      'SEV1',
    ],
    [
      'a note under the timeline',
      '09:10 login errors rising\n09:55 fixed\n\nSeverity: Sev 2, one region only.\n',
      'SEV ?2',
    ],
  ])(
    'a severity the paste states (%s) is written into the draft, not "unknown"',
    (_, paste, severity) => {
      const cwd = tempDir();
      const result = runCli(['new', '--date', '2026-03-04'], { cwd, input: paste });
      expect(result.status, result.stderr).toBe(0);
      const written = readFileSync(join(cwd, result.stdout.trim()), 'utf8');
      expect(written).toMatch(new RegExp(`^severity: ${severity}$`, 'm'));
    },
  );

  test('a --date that is not a day is a usage error', () => {
    const result = runCli(['new', '--date', '2026-13-04'], { cwd: tempDir(), input: slack });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--date "2026-13-04" is not a day');
  });
});

describe('titles and services from the paste', () => {
  test.each([
    ['[Triggered] #48213 High error rate on checkout-api', 'High error rate on checkout-api'],
    ['CRITICAL: API response time > 5000ms', 'API response time > 5000ms'],
    [
      'Datadog Alert: PostgreSQL connection pool at 98% capacity',
      'PostgreSQL connection pool at 98% capacity',
    ],
    ['FIRING: [2] disk usage above 90% on db-3', 'Disk usage above 90% on db-3'],
  ])('%s → %s', (line, title) => {
    expect(titleFromAlert(line)).toBe(title);
  });

  test('a title is never empty and never longer than 70 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (line) => {
        const title = titleFromAlert(line, 70);
        return title.length > 0 && title.length <= 70;
      }),
    );
  });

  test('services are kebab-case names with a service suffix or "X service", in order of mention', () => {
    const events = [
      'rolled back payments-api and the user-sync-worker',
      'the billing service is slow; follow-up on-call handover',
      'payments-api healthy again',
    ].map((text) => ({ text }));
    expect(servicesMentioned({ events } as Parameters<typeof servicesMentioned>[0])).toEqual([
      'payments-api',
      'user-sync-worker',
      'billing',
    ]);
  });
});
