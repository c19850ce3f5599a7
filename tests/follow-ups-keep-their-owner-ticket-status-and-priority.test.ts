/**
 * Every follow-up the input writes becomes one action item with the owner, ticket, status and
 * priority the text gives it: "- X - Marcus, DB-2231" run into one chat message keeps Marcus
 * and DB-2231 on X (never an item called "Marcus"), "(added already)" / "(sent already)" is
 * done, and "P1:", "must", "nice to have", "(P2)" set the priority and leave the cell.
 * Fixtures: tests/fixtures/writer-kinds-12i (invented), and a real Zoom chat.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { ActionItem } from '../src/schemas/postmortem.js';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12i');
const filed = (items: readonly ActionItem[], words: string) =>
  items.find((item) => item.text.toLowerCase().includes(words));

test('a bulleted list run into one message keeps each owner and ticket on its item', () => {
  const { items } = builtinPackOf(join(DIR, 'run-in-follow-ups-with-owners.md'));
  expect(items).toHaveLength(4);
  expect(filed(items, 'tls ciphers')).toMatchObject({ owner: 'Ines', ticket: 'AUTH-88' });
  expect(filed(items, 'login canary')).toMatchObject({ owner: 'Rafael', ticket: 'AUTH-91' });
  expect(filed(items, 'page the identity on-call')).toMatchObject({
    owner: 'Mo',
    status: 'done',
  });
  expect(filed(items, 'review by two people')).toMatchObject({ owner: 'Ines', status: 'open' });
  for (const item of items) expect(item.text).not.toMatch(/^(?:Ines|Rafael|Mo)\b|already|AUTH-/);
});

test('the words of a follow-up set its priority, and a sent item is done', () => {
  const { items } = builtinPackOf(join(DIR, 'notes-follow-ups-with-priorities.md'));
  expect(items).toHaveLength(5);
  expect(filed(items, 'visual diff')).toMatchObject({
    priority: 'HIGH',
    owner: 'Priya',
    ticket: 'FIN-301',
    text: "Add a visual diff of a sample invoice to the renderer's CI",
  });
  expect(filed(items, 'share of blank pdfs')).toMatchObject({ priority: 'HIGH', type: 'detect' });
  expect(filed(items, 'preview page')).toMatchObject({ priority: 'LOW' });
  expect(filed(items, 'regeneration script')).toMatchObject({
    priority: 'MEDIUM',
    text: 'Document the regeneration script',
  });
  expect(filed(items, 'fresh copy')).toMatchObject({
    status: 'done',
    text: 'Email the affected customers a fresh copy',
  });
});

test('a real chat wrap-up keeps owners, tickets and the item already sent', () => {
  const { items } = builtinPackOf(
    join(import.meta.dirname, 'fixtures/real-pastes/zoom-saved-chat-two-windows.md'),
  );
  expect(items.map((item) => item.text)).not.toContain('Marcus');
  expect(filed(items, 'stalled node detection')).toMatchObject({
    owner: 'Marcus',
    ticket: 'DB-2231',
  });
  expect(filed(items, 'election bug')).toMatchObject({ owner: 'Marcus', ticket: 'DB-2232' });
  expect(filed(items, 'failed post requests')).toMatchObject({ owner: 'Lena', status: 'done' });
});
