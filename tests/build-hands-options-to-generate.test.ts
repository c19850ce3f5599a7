import { describe, expect, test } from 'vitest';
import { generateProcessArgs } from '../src/cli/commands/build.js';

describe('a build with many stale packs runs generate with its own options', () => {
  test('every generate option passes through; --out and --packs become the packs folder', () => {
    expect(
      generateProcessArgs(
        [
          '--incidents',
          'postmortems',
          '--out',
          'site',
          '--packs=.packs',
          '--cache',
          'drafts',
          '--writer',
          'builtin',
          '--strict',
        ],
        '.packs',
      ),
    ).toEqual([
      'generate',
      '--incidents',
      'postmortems',
      '--cache',
      'drafts',
      '--writer',
      'builtin',
      '--strict',
      '--out',
      '.packs',
    ]);
  });

  test('a folder named like an option is not mistaken for one', () => {
    expect(generateProcessArgs(['--out', '--packs', '--incidents', 'x'], 'generated')).toEqual([
      'generate',
      '--incidents',
      'x',
      '--out',
      'generated',
    ]);
  });
});
