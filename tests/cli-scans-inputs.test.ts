import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const incident = (body: string) =>
  `---\ntitle: Cache outage\ndate: 2026-01-10\n---\n14:00 UTC [PagerDuty] API errors above 5%\n${body}\n14:20 UTC incident resolved\n`;

describe('check and build scan every incident they read', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(
      join(dir, 'incidents/2026-01-10-leak.md'),
      incident('14:05 UTC the app used redis://:s3cr3tP4ssw0rd@cache-01:6379 from the env'),
    );
    writeFileSync(
      join(dir, 'incidents/2026-01-11-pii.md'),
      incident('14:05 UTC paged sarah.lee@acme-corp.com on +44 20 7946 0958'),
    );
  });

  test('check reports a secret at file:line:col with the rule and exits 1', () => {
    const result = runCli(['check', 'incidents/2026-01-10-leak.md'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /incidents\/2026-01-10-leak\.md:6:\d+: error: found a URL with an inline password: s3cr… \(14 characters\) \(rule incidentpost\/url-password, fingerprint [0-9a-f]{16}\) \[secret\/url-password\]/,
    );
    expect(result.stderr).not.toContain('s3cr3tP4ssw0rd');
  });

  test('check warns about personal data and still exits 0', () => {
    const result = runCli(['check', 'incidents/2026-01-11-pii.md'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('incidents/2026-01-11-pii.md:6:17: warning: an e-mail address');
    expect(result.stderr).toContain(
      'warning: a phone number will be published: "+44 20 7946 0958"',
    );
  });

  test('privacy "block" in the config makes personal data stop check', () => {
    const blocked = tempDir();
    mkdirSync(join(blocked, 'incidents'));
    writeFileSync(
      join(blocked, 'incidents/2026-01-11-pii.md'),
      incident('14:05 UTC paged sarah.lee@acme-corp.com'),
    );
    writeFileSync(
      join(blocked, 'incidentpost.config.json'),
      JSON.stringify({ privacy: { mode: 'block' } }),
    );
    expect(runCli(['check'], { cwd: blocked }).status).toBe(1);
  });

  test('an allowlist entry (rule and fingerprint) is the one way to accept a hit', () => {
    const allowed = tempDir();
    mkdirSync(join(allowed, 'incidents'));
    const file = join(allowed, 'incidents/2026-01-10-leak.md');
    writeFileSync(
      file,
      incident('14:05 UTC <!-- secretlint-disable --> redis://:s3cr3tP4ssw0rd@cache-01:6379'),
    );
    const first = runCli(['check'], { cwd: allowed });
    expect(first.status).toBe(1);
    const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(first.stderr)?.[1];
    writeFileSync(
      join(allowed, 'incidentpost.config.json'),
      JSON.stringify({
        secrets: { allow: [{ rule: 'incidentpost/url-password', fingerprint }] },
        privacy: { mode: 'off' },
      }),
    );
    expect(runCli(['check'], { cwd: allowed }).status).toBe(0);
  });

  test('build --incidents FILE scans that file before generating anything', () => {
    const result = runCli(
      ['build', '--incidents', 'incidents/2026-01-10-leak.md', '--writer', 'builtin'],
      { cwd: dir },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/2026-01-10-leak\.md:6:\d+: error: found a URL/);
    expect(result.stderr).toContain('nothing was generated or written to dist');
  });
});
