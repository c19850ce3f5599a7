import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { decodeSourceFile } from '../src/pipeline/load/source-file.js';

const DIR = 'tests/fixtures/odd-inputs';

function check(name: string) {
  const decoded = decodeSourceFile(
    `incidents/${name}.md`,
    new Uint8Array(readFileSync(join(DIR, `${name}.md`))),
  );
  if (!decoded.file) return { facts: null, diagnostics: decoded.diagnostics };
  const analyzed = analyzeSource(decoded.file);
  return {
    facts: analyzed.facts,
    diagnostics: [...decoded.diagnostics, ...analyzed.diagnostics],
  };
}

/** Each attack input: the code it must get, its severity, the line it points at, a message part. */
const CASES: [string, string, 'error' | 'warning', number, string][] = [
  ['esc', 'load/control-characters', 'warning', 6, 'removed 4 control characters'],
  ['bomb', 'front-matter/yaml', 'error', 2, 'alias'],
  ['feb30', 'time/impossible', 'error', 1, 'no such date "2026-02-30"'],
  ['feb29', 'time/invalid-date', 'error', 6, 'no such date: 2026-02-29'],
  ['y10000', 'time/impossible', 'error', 5, 'year 10000 is out of range'],
  ['xyzt', 'time/unknown-zone', 'error', 4, 'unknown time zone "XYZT"'],
  ['zonetypo', 'front-matter/unknown-zone', 'error', 3, 'did you mean Europe/Berlin?'],
  ['inverted', 'front-matter/milestone-order', 'error', 4, 'resolved (2026-01-09 14:00'],
  ['future', 'time/future', 'warning', 5, '2099-06-10 14:00 +00:00 is in the future'],
  ['backwards', 'time/out-of-order', 'warning', 7, 'earlier than line 6'],
  ['dst-skip', 'time/dst-skipped', 'warning', 6, '02:30 does not exist on 2026-03-08'],
  ['dst-end', 'time/dst-repeated', 'warning', 8, '01:05 happens twice'],
  ['deep-markdown', 'markdown/too-deep', 'error', 10, 'nested more than 30 levels'],
  ['deep-emphasis', 'markdown/too-deep', 'error', 10, 'nested more than 30 levels'],
];

describe('every odd input gets a diagnostic in file:line form, never an internal error', () => {
  test.each(CASES)('%s → %s', (name, code, severity, line, message) => {
    const { facts, diagnostics } = check(name);
    const found = diagnostics.find((d) => d.code === code && d.line === line);
    expect(found, JSON.stringify(diagnostics, null, 2)).toMatchObject({ severity });
    expect(found?.message).toContain(message);
    expect(found?.hint).not.toBe('');
    if (severity === 'error') expect(facts).toBeNull();
    else expect(facts).not.toBeNull();
  });
});

describe('daylight saving is read in file order', () => {
  test('the repeated hour: 70 minutes stay 70 minutes, mitigated before resolved', () => {
    const { facts } = check('dst-end');
    expect(facts).toMatchObject({
      start: '2026-11-01T01:10:00-04:00',
      mitigated: '2026-11-01T01:50:00-04:00',
      resolved: '2026-11-01T01:20:00-05:00',
      durationMinutes: 70,
    });
  });

  test('a skipped-hour time is still placed, and the incident keeps its resolution', () => {
    const { facts } = check('dst-skip');
    expect(facts?.resolved).not.toBeNull();
    expect(facts?.events.map((e) => e.time)).toEqual([
      '2026-03-08T01:50:00-05:00',
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T03:10:00-04:00',
    ]);
  });
});

test('control characters are gone from the text the pipeline reads', () => {
  const { facts } = check('esc');
  const text = JSON.stringify(facts);
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\\u00(?:1b|07|85)/);
  expect(facts?.events[0]?.text).toContain('red alert fired');
});

test('an abbreviation typo gets the nearest known one; nonsense gets no guess', async () => {
  const { suggestZone } = await import('../src/pipeline/parse/zone.js');
  expect(suggestZone('America/New_Yrok')).toBe('America/New_York');
  expect(suggestZone('Asia/Tokio')).toBe('Asia/Tokyo');
  expect(suggestZone('XYZT')).toBeNull();
});
