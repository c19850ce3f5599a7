/**
 * timeline.png: the SVG rendered by resvg with DejaVu Sans from the dejavu-fonts-ttf package,
 * never a system font, so the image is the same on every machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// resvg parses every font file on every render (about 15 ms each), so only the faces the
// timeline uses are loaded; italic labels fall back to the regular face.
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
  join(fontDir, name),
);

/** Rendered at the SVG's own width: PNG encoding dominates, and 4x the pixels costs 2-3x the time. */
export function renderPng(svg: string, width = 960): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
