import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const GOOD = `---
title: Good one
date: 2026-01-10
---
14:00 UTC [PagerDuty] API errors above 5%
14:10 UTC rolled back the deploy
14:20 UTC incident resolved
`;

/** Each bad input: file contents, the error code, the line it must point at. */
const BAD: [string, string | Uint8Array, string, number][] = [
  ['empty', '   \n\n', 'load/empty', 1],
  [
    'binary',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'load/binary',
    3,
  ],
  [
    'not-utf8',
    new Uint8Array([...new TextEncoder().encode('14:00 ok\n14:05 '), 0xff, 0xfe, 0x0a]),
    'load/not-utf8',
    2,
  ],
  [
    'broken-yaml',
    '---\ntitle: "unclosed\ndate: 2026-01-10\n---\n14:00 UTC down\n',
    'front-matter/yaml',
    2,
  ],
  ['unclosed-front-matter', '---\ntitle: x\n14:00 UTC down\n', 'front-matter/unclosed', 1],
  [
    'impossible-time',
    '---\ndate: 2026-01-10\n---\n14:00 UTC down\n25:61 UTC still down\n',
    'time/impossible',
    5,
  ],
  [
    'no-timestamps',
    '---\ndate: 2026-01-10\n---\nThe site was down for a while.\nThen it came back.\n',
    'timeline/no-timestamps',
    4,
  ],
  [
    'unknown-zone',
    '---\ndate: 2026-01-10\ntimezone: Mars/Olympus\n---\n14:00 down\n',
    'front-matter/unknown-zone',
    3,
  ],
  [
    'bad-field',
    '---\ndate: 2026-01-10\nusers_affected: -5\n---\n14:00 UTC down\n',
    'front-matter/invalid',
    3,
  ],
];

describe('bad input gets a clear error naming file and line, and nothing is written for it', () => {
  let dir: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents/2026-01-10-good-one.md'), GOOD);
    for (const [name, contents] of BAD)
      writeFileSync(join(dir, `incidents/2026-01-10-${name}.md`), contents);
    writeFileSync(
      join(dir, 'incidents/2026-01-10-huge.md'),
      `14:00 UTC x\n${'y'.repeat(1024 * 1024)}`,
    );
    run = runCli(['generate', '--out', 'out'], { cwd: dir });
    // One CLI run over a dozen files: about 10 s when other builds share the two cores.
  }, 60_000);

  test('the run exits 1 and reports every bad file, not just the first', () => {
    expect(run.status).toBe(1);
    for (const [name] of BAD) expect(run.stderr).toContain(`incidents/2026-01-10-${name}.md:`);
    expect(run.stderr).toContain(
      'incidents/2026-01-10-huge.md:1:1: error: file is 1.0 MiB, over the 1 MiB limit',
    );
  });

  test.each(BAD)('%s', (name, _contents, code, line) => {
    const pattern = new RegExp(
      `incidents/2026-01-10-${name}\\.md:${line}:\\d+: error: .+ \\[${code.replace('/', '\\/')}\\]\\n  hint: .+`,
    );
    expect(run.stderr).toMatch(pattern);
    expect(existsSync(join(dir, 'out', `2026-01-10-${name}`))).toBe(false);
  });

  test('good incidents still get their pack', () => {
    expect(readdirSync(join(dir, 'out/2026-01-10-good-one')).sort()).toEqual(
      expect.arrayContaining([
        'postmortem.md',
        'timeline.svg',
        'timeline.png',
        'hn-post.txt',
        'twitter-thread.txt',
      ]),
    );
  });

  test('a duplicate slug is refused, naming the file that already has it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'incidents/2025'), { recursive: true });
    writeFileSync(join(root, 'incidents/2026-01-10-good-one.md'), GOOD);
    writeFileSync(join(root, 'incidents/2025/2026-01-10-good-one.md'), GOOD);
    const result = runCli(['check'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /2026-01-10-good-one\.md:1:1: error: slug "2026-01-10-good-one" is already used by incidents\/.*\[load\/duplicate-slug\]/,
    );
  });

  test('a failed regeneration keeps the previous good pack whole', () => {
    const root = tempDir();
    mkdirSync(join(root, 'incidents'));
    const path = join(root, 'incidents/2026-01-10-good-one.md');
    writeFileSync(path, GOOD);
    expect(runCli(['generate', '--out', 'out'], { cwd: root }).status).toBe(0);
    const before = readFileSync(join(root, 'out/2026-01-10-good-one/postmortem.md'), 'utf8');
    writeFileSync(path, GOOD.replace('14:20 UTC', '25:61 UTC'));
    expect(runCli(['generate', '--out', 'out'], { cwd: root }).status).toBe(1);
    expect(readFileSync(join(root, 'out/2026-01-10-good-one/postmortem.md'), 'utf8')).toBe(before);
    expect(readdirSync(join(root, 'out')).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('the command line behaves like a Unix tool', () => {
  test('--help works on every command and exits 0', () => {
    const cwd = tempDir();
    for (const command of [[], ['check'], ['analyze'], ['generate'], ['new']]) {
      const result = runCli([...command, '--help'], { cwd });
      expect(result.status).toBe(0);
      expect(result.stdout + result.stderr).toMatch(/USAGE/i);
      // Piped, as here, the usage carries no colour escape codes.
      expect(result.stdout).not.toContain('\u001b[');
    }
  });

  test('check counts a file with warnings apart from a clean one, never as "ok"', () => {
    const root = tempDir();
    mkdirSync(join(root, 'incidents'));
    writeFileSync(join(root, 'incidents/2026-01-10-good-one.md'), GOOD);
    writeFileSync(
      join(root, 'incidents/2026-01-11-bad-one.md'),
      GOOD.replace('Good one', 'Bad one').replace('14:20 UTC', '25:61 UTC'),
    );
    const result = runCli(['check'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'checked 2 incident files: 0 clean, 1 with warnings only, 1 with errors',
    );
  });

  test('usage mistakes exit 2 with a hint', () => {
    const cwd = tempDir();
    const unknown = runCli(['frobnicate'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const typo = runCli(['generate', '--out-dir', 'x'], { cwd });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown option "--out-dir"');
    expect(runCli(['analyze'], { cwd }).status).toBe(2);
  });

  test('analyze --json prints the facts as one JSON object', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'x.md'), GOOD);
    const result = runCli(['analyze', 'x.md', '--json'], { cwd });
    expect(result.status).toBe(0);
    const facts = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of [
      'title',
      'slug',
      'timezone',
      'start',
      'detected',
      'acknowledged',
      'identified',
      'mitigated',
      'resolved',
      'durationMinutes',
      'timeToDetectMinutes',
      'timeToAcknowledgeMinutes',
      'timeToMitigateMinutes',
      'timeToResolveMinutes',
      'usersAffected',
      'impact',
      'events',
    ]) {
      expect(facts).toHaveProperty(key);
    }
    expect(facts).toMatchObject({
      slug: 'x',
      start: '2026-01-10T14:00:00+00:00',
      resolved: '2026-01-10T14:20:00+00:00',
      durationMinutes: 20,
    });
  });

  test('new turns a pasted timeline into an incident file with front matter filled in', () => {
    const cwd = tempDir();
    const pasted =
      'All times UTC\n\n2026-04-02 08:15 [Datadog] checkout error rate 12% for 3,100 users\n2026-04-02 08:20 ack by @lee\n2026-04-02 08:44 reverted, error rate back to normal\n';
    const result = runCli(['new'], { cwd, input: pasted });
    expect(result.status).toBe(0);
    const path = result.stdout.trim();
    expect(path).toMatch(/^incidents\/2026-04-02-.+\.md$/);
    const written = readFileSync(join(cwd, path), 'utf8');
    expect(written).toContain('date: 2026-04-02');
    expect(written).toContain('timezone: UTC');
    expect(written).toContain('users_affected: 3100');
    expect(written).toContain('2026-04-02 08:44 reverted');
    expect(runCli(['check', path], { cwd }).status).toBe(0);
    expect(runCli(['new'], { cwd, input: pasted }).status).toBe(1);
  });
});
