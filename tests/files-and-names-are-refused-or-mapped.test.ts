import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ioErrorDiagnostic } from '../src/pipeline/io-errors.js';
import { loadIncidents } from '../src/pipeline/load/load-incidents.js';
import { incidentInstant } from '../src/site/packs.js';
import { tempDir } from './helpers/cli.js';

const GOOD = '---\ndate: 2026-01-10\ntimezone: UTC\n---\n14:00 alert fired\n14:30 resolved\n';

async function load(files: Record<string, string>, setup?: (dir: string) => void) {
  const dir = tempDir();
  mkdirSync(join(dir, 'incidents'));
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, 'incidents', name), text);
  setup?.(dir);
  return {
    dir,
    ...(await loadIncidents([join(dir, 'incidents')], (p) => p.slice(dir.length + 1))),
  };
}

describe('slugs are safe URL segments', () => {
  test.each([
    ['2.md', 'incident-2', 'load/slug-reserved'],
    ['year.md', 'incident-year', 'load/slug-reserved'],
    ['severity.md', 'incident-severity', 'load/slug-reserved'],
    ['a%2fb.md', 'a-2fb', 'load/slug-mapped'],
    ['what#now?.md', 'what-now', 'load/slug-mapped'],
    ['db outage é.md', 'db-outage', 'load/slug-mapped'],
  ])('%s is published as %s, with a warning', async (name, slug, code) => {
    const { files, diagnostics } = await load({ [name]: GOOD });
    expect(files.map((f) => f.slug)).toEqual([slug]);
    expect(diagnostics).toMatchObject([
      {
        code,
        severity: 'warning',
        file: `incidents/${name}`,
        message: expect.stringContaining(`incidents/${slug}/`),
      },
    ]);
  });

  test('a 240-character name is refused before it reaches the file system', async () => {
    const { files, diagnostics } = await load({ [`${'x'.repeat(240)}.md`]: GOOD });
    expect(files).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'load/slug-too-long', severity: 'error' }]);
  });

  test('two names that map to one slug, or differ only in case, are duplicates', async () => {
    const { files, diagnostics } = await load({
      'a#b.md': GOOD,
      'a?b.md': GOOD,
      'Outage.md': GOOD,
      'outage.md': GOOD,
    });
    expect(files).toHaveLength(2);
    expect(diagnostics.filter((d) => d.code === 'load/duplicate-slug')).toHaveLength(2);
  });
});

describe('links and folders named like incidents are refused, not followed', () => {
  test('a symbolic link inside incidents/ is an error and its target is not read', async () => {
    const { files, diagnostics } = await load({ 'real.md': GOOD }, (dir) => {
      mkdirSync(join(dir, 'elsewhere'));
      writeFileSync(join(dir, 'elsewhere/private.md'), GOOD);
      symlinkSync('../elsewhere/private.md', join(dir, 'incidents/leak.md'));
    });
    expect(files.map((f) => f.slug)).toEqual(['real']);
    expect(diagnostics).toMatchObject([
      { code: 'load/symlink', file: 'incidents/leak.md', severity: 'error' },
    ]);
  });

  test('--incidents given a link is refused', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/a.md'), GOOD);
    symlinkSync('real', join(dir, 'linked'));
    const { files, diagnostics } = await loadIncidents([join(dir, 'linked')]);
    expect(files).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'load/symlink' }]);
  });

  test('a folder named 2026-01-11-x.md is an error and its inner files are not published', async () => {
    const { files, diagnostics } = await load({}, (dir) => {
      mkdirSync(join(dir, 'incidents/2026-01-11-x.md'));
      writeFileSync(join(dir, 'incidents/2026-01-11-x.md/inner.md'), GOOD);
    });
    expect(files).toEqual([]);
    expect(diagnostics).toMatchObject([
      { code: 'load/folder-named-like-incident', file: 'incidents/2026-01-11-x.md' },
    ]);
  });
});

test('incidents are ordered by instant, not by the text of their times', () => {
  // Same day, different zones: 10:00 in Los Angeles is 18:00 UTC, after 12:00 UTC.
  const pacific = {
    start: '2026-03-01T10:00:00-08:00',
    date: '2026-03-01',
    timezone: 'America/Los_Angeles',
  };
  const utc = { start: '2026-03-01T12:00:00+00:00', date: '2026-03-01', timezone: 'UTC' };
  expect(incidentInstant(pacific)).toBeGreaterThan(incidentInstant(utc));
  // No start: the day begins in the incident's own zone.
  expect(incidentInstant({ start: null, date: '2026-03-01', timezone: 'Asia/Tokyo' })).toBe(
    Date.parse('2026-02-28T15:00:00Z'),
  );
});

describe('disk-full and read-only errors name the path and what to do', () => {
  test('a real ENOSPC (writing /dev/full) names the file being written', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { withPath } = await import('../src/pipeline/publish/write-pack.js');
    // write(2) reports no path; the pack writer adds the one it was writing.
    const cause = await writeFile('/dev/full', 'x').catch((e: unknown) => withPath(e, '/dev/full'));
    expect(ioErrorDiagnostic(cause)).toMatchObject({
      code: 'io/enospc',
      file: '/dev/full',
      message: expect.stringContaining('no space left on the disk'),
      hint: expect.stringContaining('free some space'),
    });
  });

  test('read-only and permission errors; anything else stays an internal error', () => {
    const rofs = Object.assign(new Error('EROFS'), {
      code: 'EROFS',
      path: '/mnt/ro/dist',
      syscall: 'mkdir',
    });
    expect(ioErrorDiagnostic(rofs)).toMatchObject({
      file: '/mnt/ro/dist',
      message: 'the file system is read-only (mkdir /mnt/ro/dist)',
    });
    expect(ioErrorDiagnostic(new TypeError('bug'))).toBeNull();
  });
});
