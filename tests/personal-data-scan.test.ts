import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { personalDataDiagnostics } from '../src/pipeline/publish/scan-personal-data.js';
import { historyPersonalData } from '../src/pipeline/publish/git-history.js';
import { passesLuhn, scanPersonalData } from '../src/pipeline/scan/personal-data.js';
import { ConfigSchema } from '../src/schemas/config.js';

const fixtures = join(import.meta.dirname, 'fixtures/privacy');
const personal = JSON.parse(readFileSync(join(fixtures, 'personal-data.json'), 'utf8')) as {
  kind: string;
  text: string;
}[];
const ordinary = JSON.parse(readFileSync(join(fixtures, 'not-personal.json'), 'utf8')) as string[];

describe('personal and internal data is found', () => {
  test.each(personal.map((p) => [p.kind, p.text] as const))('%s: %s', (kind, text) => {
    expect(scanPersonalData(text).map((f) => f.kind)).toContain(kind);
  });
});

describe('ordinary incident text is not personal data', () => {
  test.each(ordinary)('%s', (text) => {
    expect(scanPersonalData(text)).toEqual([]);
  });
  test('the corpus of real incidents has none', () => {
    const dir = join(import.meta.dirname, 'fixtures/corpus');
    const found = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => scanPersonalData(readFileSync(join(dir, name), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('the privacy setting', () => {
  const target = { path: 'incidents/x.md', content: 'x\npaged sarah.lee@acme-corp.com\n' };
  const settings = (privacy: unknown) => ConfigSchema.parse({ privacy });

  test('warns by default, at the line and column, with what to do', () => {
    expect(personalDataDiagnostics(target, settings({}))).toMatchObject([
      { code: 'privacy/email', severity: 'warning', line: 2, column: 7 },
    ]);
  });
  test('block makes it an error; off says nothing', () => {
    expect(personalDataDiagnostics(target, settings({ mode: 'block' }))[0]?.severity).toBe('error');
    expect(personalDataDiagnostics(target, settings({ mode: 'off' }))).toEqual([]);
  });
  test('allowed values and domains are not reported', () => {
    expect(scanPersonalData(target.content, { allow: ['Sarah.Lee@acme-corp.com'] })).toEqual([]);
    expect(scanPersonalData(target.content, { allow: ['@acme-corp.com'] })).toEqual([]);
  });
  test('card numbers must pass Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(scanPersonalData('card 4111 1111 1111 1112 declined')).toEqual([]);
  });
});

describe('held-out personal data the scanner was not tuned on', () => {
  test('at least 80% is found', () => {
    // Written once, before the scanner ran on it, and left as it is: 17 of 18 when written
    // (a UK number without its country code is read as a US one and missed).
    const heldOut = JSON.parse(readFileSync(join(fixtures, 'held-out.json'), 'utf8')) as {
      kind: string;
      text: string;
    }[];
    const found = heldOut.filter((p) =>
      scanPersonalData(p.text).some((f) => f.kind === p.kind),
    ).length;
    expect(found / heldOut.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('git commit subjects shown on the site', () => {
  const history = (subject: string) => ({
    'incidents/a.md': [{ commit: 'c0ffee'.padEnd(40, '0'), date: '2026-01-09T14:00:00Z', subject }],
    'incidents/b.md': [{ commit: 'c0ffee'.padEnd(40, '0'), date: '2026-01-09T14:00:00Z', subject }],
  });
  const privacy = (mode: 'warn' | 'block' | 'off') =>
    ConfigSchema.parse({ privacy: { mode } }).privacy;

  test('an e-mail address in a subject is a warning naming the commit, once per commit', () => {
    const found = historyPersonalData(
      history('Notes from sarah.lee@acme-corp.com'),
      privacy('warn'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'incidents/a.md', severity: 'warning' });
    expect(found[0]?.message).toContain('subject of commit c0ffee000000');
    expect(found[0]?.hint).toMatch(/git rebase -i/);
  });
  test('block makes it an error that stops the build; off says nothing', () => {
    expect(
      historyPersonalData(history('call +1 415 555 0134'), privacy('block'))[0]?.severity,
    ).toBe('error');
    expect(
      historyPersonalData(history('Notes from sarah.lee@acme-corp.com'), privacy('off')),
    ).toEqual([]);
  });
  test('ordinary subjects pass', () => {
    expect(
      historyPersonalData(
        history('Merge pull request #12 from acme/fix-timeline'),
        privacy('warn'),
      ),
    ).toEqual([]);
  });
});
