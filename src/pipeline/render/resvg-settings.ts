/**
 * resvg's settings for every image, shared by resvg-js in Node (timeline-png.ts) and resvg's
 * WebAssembly build in the browser (src/browser/rasterize.ts): DejaVu Sans from the
 * dejavu-fonts-ttf package only, never a system font, so an image is the same on every machine.
 */
export function resvgSettings(width: number) {
  return {
    fitTo: { mode: 'width', value: width } as const,
    font: {
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  };
}
