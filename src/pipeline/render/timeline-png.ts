/**
 * timeline.png: the SVG rendered by resvg with the packaged fonts (fonts.ts), never a system
 * font, so the image is the same on every machine.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FACES, type FontFace } from './font-faces.js';
import { LATIN_FONT_FILES } from './fonts.js';
import { rasterizeOnWorker } from './raster-workers.js';
import { resvgSettings } from './resvg-settings.js';
import { withSubsetFonts } from './subset-fonts.js';

// Italic labels fall back to the regular face.
export const FONT_FILES = LATIN_FONT_FILES;

/** resvg's settings: these font files only, never a system font. */
export function resvgOptions(fontFiles: string[], width: number): ResvgRenderOptions {
  const settings = resvgSettings(width);
  return { ...settings, font: { ...settings.font, fontFiles } };
}

/**
 * Rendered at the SVG's own width: 4x the pixels costs 2-3x the time. Drawn on a worker
 * thread per core (raster-workers.ts), with font subsets shared between images
 * (subset-fonts.ts). (A character no loaded face has is left blank rather than drawn as a box.)
 * @param faces the fonts the SVG names (Typesetter.faces()); DejaVu Sans by default.
 * @param handedOver called once the image is queued for a worker.
 */
export function renderPng(
  svg: string,
  width = 960,
  faces: readonly FontFace[] = FONT_FACES.latin,
  handedOver?: () => void,
): Promise<Uint8Array> {
  return withSubsetFonts(svg, faces, (fontFiles) => {
    const png = rasterizeOnWorker(svg, resvgOptions(fontFiles, width));
    handedOver?.();
    return png;
  });
}
