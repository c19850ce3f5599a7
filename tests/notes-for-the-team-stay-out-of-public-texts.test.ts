/**
 * A note for the team can sit after a public sentence ("... re-add anything. Internal: cart-svc,
 * ...") or behind an export's author column ("omar  Note: cause for the writeup: ..."). Public
 * texts leave the internal sentence out and never print a write-up label; the rest of the note
 * still reaches users. Fixtures: tests/fixtures/internal-notes-mid-text (invented).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/internal-notes-mid-text');

test('an internal sentence after a public one is left out; the public one is kept', () => {
  const p = builtinPackOf(join(DIR, 'internal-sentence-after-a-public-one.md'));
  expect(p.published).not.toMatch(/Internal:|cart-svc|redis-eu-2/);
  expect(p.users).toMatch(/re-add anything added after 09:00/);
});

test('a write-up label behind an author column is never published; its cause is', () => {
  const p = builtinPackOf(join(DIR, 'writeup-note-behind-an-author-column.md'));
  expect(p.published).not.toMatch(/for the writeup/i);
  expect(p.cause).toMatch(/partner endpoint answered in 30 s/);
});
