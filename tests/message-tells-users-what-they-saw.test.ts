/**
 * The message to users in their words and after the fact (issue 12, brief 12h; blind judges
 * scored it 25%): what users reported is told in the past tense ("online booking was down"),
 * a machine's log record or a monitor's threshold is never told as what users saw, a recovery
 * is never dated at the start, and the team's own process ("teams should watch their apps",
 * "hold a retro") is not promised to users. Fixtures: tests/fixtures/writer-kinds-12h
 * (invented) and tests/fixtures/real-pastes.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12h');
const REAL = join(import.meta.dirname, 'fixtures/real-pastes');
const opening = (users: string) => users.split('\n')[0] ?? '';

describe.each([
  [
    'users-words-in-present-tense-ferry.md',
    'online ticket booking was down for everyone',
    /is down/,
  ],
  [
    'users-words-in-present-tense-clinic.md',
    "patients reported reminder texts did not arrive for tomorrow's appointments",
    /don't arrive|did not arrived/,
  ],
])('users reported it in the present tense (%s)', (name, past, present) => {
  const p = builtinPackOf(join(DIR, name));

  test('the message tells what they saw, after the fact', () => {
    expect(opening(p.users)).toContain(past);
    expect(opening(p.users)).not.toMatch(present);
  });
});

describe.each([
  ['log-record-is-not-what-users-saw-db.md', DIR, /mysqld|InnoDB|\[\d+\]/],
  ['log-record-is-not-what-users-saw-go.md', DIR, /handler\.go|FATAL|ratio above/],
  ['journald-lines.md', REAL, /postgres\\?\[|PANIC|pg_wal/],
])('the first line is a machine record or a monitor threshold (%s)', (name, dir, machine) => {
  const p = builtinPackOf(join(dir, name));

  test('the message does not tell it as what users saw', () => {
    expect(opening(p.users)).not.toMatch(machine);
    expect(opening(p.users)).toMatch(/^Between .* on \w+ \d+, 20\d\d, /);
  });
});

test('a recovery stamped at the start is not told to users as when it was fixed', () => {
  const p = builtinPackOf(join(REAL, 'alertmanager-mail.md'));
  expect(p.users).toContain('back to normal since 08:23:39 UTC');
  expect(p.users).not.toContain('since 07:41:09 UTC');
});

describe.each([
  [
    'users-words-in-present-tense-ferry.md',
    'keep the old ingress controller warm',
    /teams should watch/i,
  ],
  ['users-words-in-present-tense-clinic.md', 'alert when the SMS queue stops draining', /retro/i],
])('the team lists its own process among follow-ups (%s)', (name, change, process) => {
  const p = builtinPackOf(join(DIR, name));

  test('users hear what changes in the service, not how the team works', () => {
    expect(p.users).toContain(`What we are changing: ${change}`);
    expect(p.users).not.toMatch(process);
  });
});
