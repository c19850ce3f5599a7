import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomically } from '../src/pipeline/format/atomic-write.js';
import { swapFolder } from '../src/pipeline/publish/swap-folder.js';
import { tempDir } from './helpers/cli.js';

describe('a file kept between runs is replaced whole or not at all', () => {
  test('the new content replaces the old and no temporary file is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'index.json');
    writeFileSync(file, 'old');
    await writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  test('a failed rename leaves what was there and removes the temporary file', async () => {
    const dir = tempDir();
    // A folder at the target: the temporary file is written, the rename over it fails.
    mkdirSync(join(dir, 'index.json'));
    writeFileSync(join(dir, 'index.json', 'kept'), 'kept');
    await expect(writeFileAtomically(join(dir, 'index.json'), 'y')).rejects.toMatchObject({
      path: expect.stringContaining('index.json'),
    });
    expect(readdirSync(dir)).toEqual(['index.json']);
    expect(readFileSync(join(dir, 'index.json', 'kept'), 'utf8')).toBe('kept');
  });
});

describe('a folder is swapped in whole', () => {
  test('the old folder moves aside and the new one takes its name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'a.txt'), 'old');
    mkdirSync(join(dir, 'next'));
    writeFileSync(join(dir, 'next', 'a.txt'), 'new');
    expect(await swapFolder(join(dir, 'next'), join(dir, 'pack'), join(dir, 'aside'))).toBe(true);
    expect(readFileSync(join(dir, 'pack', 'a.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'aside', 'a.txt'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'next'))).toBe(false);
  });

  test('with nothing at the target, the new folder is put there and nothing is aside', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'next'));
    expect(await swapFolder(join(dir, 'next'), join(dir, 'pack'), join(dir, 'aside'))).toBe(false);
    expect(existsSync(join(dir, 'pack'))).toBe(true);
    expect(existsSync(join(dir, 'aside'))).toBe(false);
  });
});
