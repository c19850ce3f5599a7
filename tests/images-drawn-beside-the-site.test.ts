import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate, packStatus } from '../src/pipeline/generate.js';
import { FILES_PENDING } from '../src/pipeline/publish/write-pack.js';
import { builtinWriter } from '../src/pipeline/write/builtin/builtin-writer.js';
import { TEXT_WRITTEN_MESSAGE } from '../src/cli/commands/generate.js';
import { CLI, NODE, tempDir } from './helpers/cli.js';

/** Two incidents of different tools and stamp formats: a pager bot in UTC, a chat with dates. */
const FIXTURES = join(import.meta.dirname, 'fixtures/images-after-text');
const SLUGS = readdirSync(FIXTURES).map((name) => name.replace(/\.md$/, ''));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

function setup(): { incidents: string; out: string } {
  const root = tempDir();
  const incidents = join(root, 'incidents');
  cpSync(FIXTURES, incidents, { recursive: true });
  return { incidents, out: join(root, 'generated') };
}

const read = (out: string, slug: string, name: string) => readFileSync(join(out, slug, name));

function packFiles(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const slug of SLUGS)
    for (const name of readdirSync(join(out, slug)))
      files[`${slug}/${name}`] = read(out, slug, name).toString('base64');
  return files;
}

/**
 * `build` starts the site when generate says the packs' text is written, and draws the images
 * meanwhile: what the site reads must be final by then, and the images must follow.
 */
describe('a pack is written as text first and its images follow', () => {
  test('what the site reads is final when the text is written; generate resolves with every image', async () => {
    const { incidents, out } = setup();
    const atText: Record<string, { manifest: string; index: string; mdx: boolean }> = {};
    const report = await generate({
      inputs: [incidents],
      out,
      writer: builtinWriter,
      onTextWritten: () => {
        for (const slug of SLUGS)
          atText[slug] = {
            manifest: read(out, slug, 'pack.json').toString(),
            index: readFileSync(join(out, 'index.json'), 'utf8'),
            mdx: existsSync(join(out, slug, 'postmortem.mdx')),
          };
      },
    });
    expect(report.generated).toEqual(SLUGS);
    for (const slug of SLUGS) {
      const told = atText[slug];
      expect(told?.mdx).toBe(true);
      expect(JSON.parse(told?.index ?? '{}')).toEqual({ packs: SLUGS });
      // The manifest the site read (its key keys Astro's page cache) is the final one.
      expect(told?.manifest).toBe(read(out, slug, 'pack.json').toString());
      expect(JSON.parse(told?.manifest ?? '{}').files).toEqual(
        expect.arrayContaining(['og.png', 'timeline.png', `${slug}-pack.zip`]),
      );
      for (const image of ['og.png', 'timeline.png'])
        expect([...read(out, slug, image).subarray(0, 4)]).toEqual(PNG_SIGNATURE);
      expect(existsSync(join(out, slug, `${slug}-pack.zip`))).toBe(true);
      expect(existsSync(join(out, slug, FILES_PENDING))).toBe(false);
    }
  });

  test('a pack whose images were never written (a killed run) is made again, the same bytes', async () => {
    const { incidents, out } = setup();
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    const complete = packFiles(out);
    for (const slug of SLUGS) {
      // What a run killed between the text and the images leaves: the mark, no PNG, no zip.
      rmSync(join(out, slug, 'timeline.png'));
      rmSync(join(out, slug, `${slug}-pack.zip`));
      writeFileSync(join(out, slug, FILES_PENDING), 'timeline.png\n');
    }
    expect(await packStatus({ inputs: [incidents], out, writer: builtinWriter })).toMatchObject({
      current: false,
      stale: SLUGS.length,
    });
    const again = await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(again.generated).toEqual(SLUGS);
    expect(packFiles(out)).toEqual(complete);
  });

  test('the generate process `build` starts says when the text is written, and finishes the images after', async () => {
    const { incidents, out } = setup();
    const told: { mdx: boolean[] } = { mdx: [] };
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        NODE,
        [CLI, 'generate', '--incidents', incidents, '--out', out, '--writer', 'builtin'],
        { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] },
      );
      child.on('message', (message: unknown) => {
        expect(message).toEqual(TEXT_WRITTEN_MESSAGE);
        told.mdx = SLUGS.map((slug) => existsSync(join(out, slug, 'postmortem.mdx')));
      });
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    expect(told.mdx).toEqual(SLUGS.map(() => true));
    for (const slug of SLUGS) {
      expect([...read(out, slug, 'timeline.png').subarray(0, 4)]).toEqual(PNG_SIGNATURE);
      expect(existsSync(join(out, slug, FILES_PENDING))).toBe(false);
    }
  });
});
