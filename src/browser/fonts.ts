/**
 * The image fonts in the browser: DejaVu Sans regular and bold, served by this site and fetched
 * once, for laying out the timeline (typeset.ts) and drawing it (rasterize.ts). The CJK and
 * emoji fonts (4-8 MB each) are not served, so text DejaVu lacks is left blank here, as the
 * images were before; the CLI's images draw it.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { FONT_FACES, type FontSource } from '../pipeline/render/font-faces.js';

const URLS = new Map([
  [FONT_FACES.latin[0], regularUrl],
  [FONT_FACES.latin[1], boldUrl],
]);

const loaded = new Map<string, Promise<Uint8Array>>();

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A font's bytes, fetched once; a failed fetch is retried on the next call. */
export function fetchFont(url: string): Promise<Uint8Array> {
  let bytes = loaded.get(url);
  if (!bytes) {
    bytes = fetchBytes(url);
    bytes.catch(() => loaded.delete(url));
    loaded.set(url, bytes);
  }
  return bytes;
}

/** DejaVu Sans from this site; null for every other face. */
export const browserFontSource: FontSource = (face) => {
  const url = URLS.get(face);
  return url ? fetchFont(url) : Promise.resolve(null);
};

/** DejaVu Sans regular and bold, as resvg's font buffers. */
export const latinFontBuffers = (): Promise<Uint8Array[]> =>
  Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]);
