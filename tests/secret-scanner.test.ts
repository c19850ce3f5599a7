import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanForSecrets } from '../src/pipeline/publish/scan-secrets.js';
import gitleaks from '../src/pipeline/scan/gitleaks-rules.json' with { type: 'json' };
import { scanSecrets, secretRules } from '../src/pipeline/scan/secrets.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(fixtures, path), 'utf8')) as T;
const shapes = read<{ shape: string; text: string; rule: string | null }[]>('secrets/shapes.json');
const placeholders = read<string[]>('secrets/placeholders.json');

describe('every credential shape in the fixture list stops the build', () => {
  test('the list has at least 60 shapes', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(60);
  });
  test.each(shapes.map((s) => [s.shape, s] as const))('%s', (_name, shape) => {
    const findings = scanSecrets(shape.text);
    expect(findings.length).toBeGreaterThan(0);
    if (shape.rule) expect(findings.map((f) => f.rule)).toContain(shape.rule);
    // The secret itself is never printed.
    for (const finding of findings) expect(shape.text).not.toContain(finding.preview);
  });
});

describe('placeholders and ordinary incident text never trip it', () => {
  test.each(placeholders)('%s', (text) => {
    expect(scanSecrets(text)).toEqual([]);
  });
  test('the shared corpus of real incidents has no hits', () => {
    const corpus = join(fixtures, 'corpus');
    const hits = readdirSync(corpus)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) =>
        scanSecrets(readFileSync(join(corpus, name), 'utf8')).map((f) => `${name}: ${f.rule}`),
      );
    expect(hits).toEqual([]);
  });
});

describe('the scanner', () => {
  test('ports every text rule of gitleaks and compiles each as a JavaScript pattern', () => {
    expect(gitleaks.rules.length).toBeGreaterThanOrEqual(200);
    expect(gitleaks.skipped).toEqual(['pkcs12-file (matches paths only)']);
    const ids = secretRules().map((rule) => rule.id);
    for (const id of ['aws-access-token', 'gcp-api-key', 'jwt', 'generic-api-key', 'github-pat'])
      expect(ids).toContain(id);
  });

  test('reports the line and column of the secret, not of the line', () => {
    const text = 'title line\n\n- 14:02 the key AKIAIOSFODNN7QWERTYU leaked\n';
    expect(scanSecrets(text)).toMatchObject([{ rule: 'aws-access-token', line: 3, column: 17 }]);
  });

  test('reports a key id and its secret key on one line as two findings', () => {
    const pair = shapes.find((s) => s.shape.startsWith('AWS access key id and secret key'));
    const rules = scanSecrets(pair?.text ?? '').map((f) => f.rule);
    expect(rules).toEqual(['aws-access-token', 'incidentpost/aws-secret-access-key']);
  });

  test('says how a token was hidden', () => {
    const hidden = (name: string) =>
      scanSecrets(shapes.find((s) => s.shape === name)?.text ?? '')[0]?.hidden;
    expect(hidden('Token split over two lines')).toBe('split over two lines');
    expect(hidden('Token with a zero-width space inside')).toBe('zero-width characters');
    expect(hidden('Base64 of a token')).toBe('base64');
  });

  test('a disable comment in the text does not switch the scan off', () => {
    const text = `<!-- secretlint-disable -->\n<!-- gitleaks:allow -->\nglpat-${'aB3dE5fG7hJ9kL1mN3pQ'}\n`;
    expect(scanSecrets(text)).toMatchObject([{ rule: 'gitlab-pat', line: 3 }]);
  });

  test('the allowlist accepts one secret by rule and fingerprint, and only that one', () => {
    const text = 'a glpat-aB3dE5fG7hJ9kL1mN3pQ and glpat-zY9xW8vU7tS6rQ5pO4nM';
    const [first, second] = scanSecrets(text);
    expect(first && second).toBeTruthy();
    const allowed = scanSecrets(text, {
      allow: [{ rule: first?.rule ?? '', fingerprint: first?.fingerprint ?? '' }],
    });
    expect(allowed).toEqual([second]);
    // The same fingerprint under another rule accepts nothing.
    expect(
      scanSecrets(text, { allow: [{ rule: 'jwt', fingerprint: first?.fingerprint ?? '' }] }),
    ).toHaveLength(2);
  });

  test('errors name file:line:col, the rule, the fingerprint and how to fix it', () => {
    const [diagnostic] = scanForSecrets([
      { path: 'incidents/x.md', content: 'x\nredis://:s3cr3tP4ssw0rd@cache-01:6379\n' },
    ]);
    expect(diagnostic).toMatchObject({
      code: 'secret/url-password',
      severity: 'error',
      file: 'incidents/x.md',
      line: 2,
      column: 10,
    });
    expect(diagnostic?.message).toMatch(
      /rule incidentpost\/url-password, fingerprint [0-9a-f]{16}/,
    );
    expect(diagnostic?.message).not.toContain('s3cr3tP4ssw0rd');
    expect(diagnostic?.hint).toMatch(/<redacted>.*rotate.*"secrets": \{ "allow"/);
  });

  test('held-out shapes the rules were not tuned on: at least 80% found', () => {
    // Written once, before the scanner ran on them; misses are left as they are, so this
    // figure said how the scanner did on shapes nobody tuned it for (33 of 40 when written; its
    // misses were later fixed by kind, so the second list below is the honest one).
    const heldOut = read<{ shape: string; text: string }[]>('secrets/held-out.json');
    const found = heldOut.filter((s) => scanSecrets(s.text).length > 0).length;
    expect(found / heldOut.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('a second held-out list, written blind by another engineer', () => {
  // 50 credentials of many kinds and 40 token-like strings that are not secrets. On first run
  // the scanner found 42 of 50 with 1 false alarm; the misses were then fixed by kind
  // (secret-shapes.ts), not by vendor, so this list is now a regression list.
  const secrets = read<{ shape: string; text: string }[]>('secrets/held-out-2.json');
  const notSecrets = read<string[]>('secrets/not-secrets.json');
  test.each(secrets.map((s) => [s.shape, s.text] as const))('finds %s', (_shape, text) => {
    expect(scanSecrets(text)).not.toEqual([]);
  });
  test.each(notSecrets)('leaves alone: %s', (text) => {
    expect(scanSecrets(text)).toEqual([]);
  });
});

describe('git commit subjects shown on the site', () => {
  test('a token in a subject stops the build at the incident, naming the commit', async () => {
    const { historySecrets } = await import('../src/pipeline/publish/git-history.js');
    const history = {
      'incidents/a.md': [
        { commit: 'f'.repeat(40), date: '2026-01-10T14:00:00Z', subject: 'Fix typo' },
        {
          commit: 'a1b2c3d4e5f6'.padEnd(40, '0'),
          date: '2026-01-09T14:00:00Z',
          subject: 'Add outage notes, token glpat-aB3dE5fG7hJ9kL1mN3pQ',
        },
      ],
    };
    const [diagnostic, ...rest] = historySecrets(history, []);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ file: 'incidents/a.md', code: 'secret/gitlab-pat' });
    expect(diagnostic?.message).toContain('subject of commit a1b2c3d4e5f6');
    const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(diagnostic?.message ?? '')?.[1] ?? '';
    expect(historySecrets(history, [{ rule: 'gitlab-pat', fingerprint }])).toEqual([]);
  });
});
