/**
 * A chat copy runs a bulleted list into one message ("follow-ups for the retro: - alert on X -
 * add Y - check Z"): each bullet is one action item, in the team's words, with its ticket.
 * Fixtures: tests/fixtures/follow-ups-in-one-line (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inlineList } from '../src/pipeline/write/builtin/follow-ups.js';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/follow-ups-in-one-line');
const texts = (name: string) => builtinPackOf(join(DIR, name)).items.map((item) => item.text);

describe('a bulleted list run into one chat message is one action item per bullet', () => {
  test('dashes after "follow-ups for the retro:"', () => {
    expect(texts('cache-outage-dashed-list.md').sort()).toEqual([
      'Add maxmemory to the config template',
      'Alert on redis memory above 80%',
      'Check the other clusters for the same gap',
    ]);
  });

  test('bullets after "Action items from the review:", the ticket kept on its own item', () => {
    const items = builtinPackOf(join(DIR, 'search-outage-bulleted-list.md')).items;
    expect(items.map((item) => item.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Make the alias swap refuse an index with fewer than 90%/),
        expect.stringMatching(/^Page on export job timeouts/),
        expect.stringMatching(/^Write down how to point the alias back by hand/),
      ]),
    );
    expect(items).toHaveLength(3);
    expect(items.find((item) => /^Write down/.test(item.text))?.ticket).toBe('SRCH-88');
  });

  test('a dash later in a line is no bullet: an aside or an owner stays in its item', () => {
    expect(inlineList('Follow-ups: rotate the key - Kim; add an expiry alert - Raj')).toEqual([
      'rotate the key - Kim',
      'add an expiry alert - Raj',
    ]);
  });
});
