/**
 * timeline.png: the SVG rendered by resvg with DejaVu Sans from the dejavu-fonts-ttf package,
 * never a system font, so the image is the same on every machine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import { resvgSettings } from './resvg-settings.js';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// Only the faces the images use are loaded; italic labels fall back to the regular face.
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
  join(fontDir, name),
);

const fontBytes = new Map<string, Promise<Buffer>>();

/**
 * resvg-js reads the whole font file again for every glyph it draws (about 1,300 times for
 * one timeline), so reading the 750 KB DejaVu files costs more than the drawing. Each image
 * gets subsets holding just its own characters (25 KB, 2 ms to make), and draws exactly what
 * the full fonts draw in half the time. (A character no DejaVu face has, such as CJK, is left
 * blank rather than drawn as a box.)
 */
async function withSubsetFonts<T>(text: string, use: (files: string[]) => Promise<T>): Promise<T> {
  const characters = [...new Set(text)].join('');
  const dir = await mkdtemp(join(tmpdir(), 'incidentpost-fonts-'));
  try {
    const files = await Promise.all(
      FONT_FILES.map(async (file) => {
        const bytes = fontBytes.get(file) ?? readFile(file);
        fontBytes.set(file, bytes);
        const path = join(dir, basename(file));
        await writeFile(path, await subsetFont(await bytes, characters));
        return path;
      }),
    );
    return await use(files);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** resvg's settings: these font files only, never a system font. */
export function resvgOptions(fontFiles: string[], width: number): ResvgRenderOptions {
  const settings = resvgSettings(width);
  return { ...settings, font: { ...settings.font, fontFiles } };
}

/**
 * Rendered at the SVG's own width: 4x the pixels costs 2-3x the time. Text layout, most of
 * the cost, runs on libuv's thread pool, so incidents generated concurrently use every core.
 */
export async function renderPng(svg: string, width = 960): Promise<Uint8Array> {
  const image = await withSubsetFonts(svg, (fontFiles) =>
    renderAsync(svg, resvgOptions(fontFiles, width)),
  );
  return image.asPng();
}
