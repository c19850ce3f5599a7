/**
 * SVG → PNG in the browser: resvg's WebAssembly build with the same faces and settings the
 * CLI's resvg-js uses (fonts.ts). The wasm (2.4 MB) and DejaVu Sans (1.4 MB) are served by this
 * site and fetched once, when the page is idle (new-page.ts), so generating Latin text works
 * offline after that; a CJK or emoji face is fetched the first time a paste needs it.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import type { Rasterize } from '../pipeline/render/render-pack.js';
import { resvgSettings } from '../pipeline/render/resvg-settings.js';
import { fontBuffers, latinFontBuffers } from './fonts.ts';

let loading: Promise<Rasterize> | null = null;

/** The rasterizer, loaded on first call; a failed load is retried on the next call. */
export function loadRasterizer(): Promise<Rasterize> {
  loading ??= (async () => {
    await Promise.all([initWasm(fetch(wasmUrl)), latinFontBuffers()]);
    return async (svg, width, faces) => {
      const settings = resvgSettings(width);
      const resvg = new Resvg(svg, {
        ...settings,
        font: { ...settings.font, fontBuffers: await fontBuffers(faces) },
      });
      try {
        return resvg.render().asPng();
      } finally {
        resvg.free();
      }
    };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
