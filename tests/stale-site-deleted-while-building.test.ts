import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  removeInBackground,
  removeStaleOutput,
  setAsideStaleOutput,
} from '../src/pipeline/publish/site-swap.js';
import { tempDir } from './helpers/cli.js';

/** A finished site version with a few pages, as the build leaves in `dist.versions/`. */
function writeVersion(dist: string, id: string): void {
  const dir = join(`${dist}.versions`, id);
  mkdirSync(join(dir, 'incidents/a'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), id);
  writeFileSync(join(dir, 'incidents/a/index.html'), id);
}

describe('the previous site is deleted while the next one builds', () => {
  test('a site nothing links to is set aside by renames and deleted on a worker thread', async () => {
    const root = tempDir('incidentpost-stale-site-');
    const dist = join(root, 'dist');
    writeVersion(dist, 'old');
    writeVersion(dist, 'current');
    symlinkSync('dist.versions/current', dist);

    const trash = await setAsideStaleOutput(dist, '1-a');
    // Only renames so far: the site being served is untouched, the stale one moved away.
    expect(readdirSync(`${dist}.versions`)).toEqual(['current']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('current');
    expect(trash).toBe(`${dist}.trash-1-a`);
    expect(readdirSync(trash ?? '')).toHaveLength(1);

    await removeInBackground(trash ?? '');
    expect(existsSync(trash ?? '')).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist.versions']);
  });

  test('with no dist link (a CI checkout that kept dist.versions), every version is stale', async () => {
    const root = tempDir('incidentpost-stale-site-');
    const dist = join(root, 'dist');
    writeVersion(dist, 'one');
    writeVersion(dist, 'two');
    const trash = await setAsideStaleOutput(dist, '2-b');
    expect(readdirSync(`${dist}.versions`)).toEqual([]);
    expect(readdirSync(trash ?? '')).toHaveLength(2);
  });

  test('nothing stale: nothing is moved and no worker is needed', async () => {
    const root = tempDir('incidentpost-stale-site-');
    const dist = join(root, 'dist');
    writeVersion(dist, 'current');
    symlinkSync('dist.versions/current', dist);
    expect(await setAsideStaleOutput(dist, '3-c')).toBeNull();
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist.versions']);
  });

  test('a trash folder a killed build was still deleting is removed by the next build', async () => {
    const root = tempDir('incidentpost-stale-site-');
    const dist = join(root, 'dist');
    writeVersion(dist, 'current');
    symlinkSync('dist.versions/current', dist);
    mkdirSync(join(root, 'dist.trash-99-x/0/incidents'), { recursive: true });
    writeFileSync(join(root, 'dist.trash-99-x/0/incidents/page.html'), 'half deleted');
    await removeStaleOutput(dist);
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist.versions']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('current');
  });
});
