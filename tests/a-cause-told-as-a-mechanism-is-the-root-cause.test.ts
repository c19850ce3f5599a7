/**
 * Responders often state the cause as what breaks, with no cause word ("a poison message
 * crashes every consumer that reads it", "workers deadlocked on the ledger lock"). That is the
 * root cause, not "still under investigation". Fixtures: tests/fixtures/writer-kinds-s12b
 * (invented).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s12b');

test.each([
  [
    'no-config-change-and-a-bounce-that-did-not-stick.md',
    /poison message .*crashes every consumer/i,
  ],
  ['ledger-workers-deadlock.md', /deadlocked on the ledger lock/i],
])('%s: the mechanism is the root cause', (name, cause) => {
  const p = builtinPackOf(join(DIR, name));
  expect(p.cause).toMatch(cause);
  expect(p.cause).not.toMatch(/under investigation/i);
  expect(p.summary).not.toMatch(/under investigation/i);
});
