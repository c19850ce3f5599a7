/**
 * timeline.png: the SVG rendered by resvg with the packaged fonts (fonts.ts), never a system
 * font, so the image is the same on every machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import { FONT_FACES, type FontFace } from './font-faces.js';
import { fontBytes, fontFile, LATIN_FONT_FILES } from './fonts.js';
import { resvgSettings } from './resvg-settings.js';

// Italic labels fall back to the regular face.
export const FONT_FILES = LATIN_FONT_FILES;

/**
 * resvg-js reads the whole font file again for every glyph it draws (about 1,300 times for
 * one timeline), so reading the 750 KB DejaVu files costs more than the drawing. Each image
 * gets subsets holding just its own characters (25 KB, 2 ms to make), and draws exactly what
 * the full fonts draw in half the time. The 8 MB CJK fonts gain even more. (A character no
 * loaded face has is left blank rather than drawn as a box.)
 */
async function withSubsetFonts<T>(
  text: string,
  faces: readonly FontFace[],
  use: (files: string[]) => Promise<T>,
): Promise<T> {
  const characters = [...new Set(text)].join('');
  const dir = await mkdtemp(join(tmpdir(), 'incidentpost-fonts-'));
  try {
    const files = await Promise.all(
      faces.map(async (face) => {
        const file = fontFile(face);
        const path = join(dir, basename(file));
        await writeFile(path, await subsetFont(await fontBytes(file), characters));
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
 * @param faces the fonts the SVG names (Typesetter.faces()); DejaVu Sans by default.
 */
export async function renderPng(
  svg: string,
  width = 960,
  faces: readonly FontFace[] = FONT_FACES.latin,
): Promise<Uint8Array> {
  const image = await withSubsetFonts(svg, faces, (fontFiles) =>
    renderAsync(svg, resvgOptions(fontFiles, width)),
  );
  return image.asPng();
}
