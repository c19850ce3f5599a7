import { renderAsync } from '@resvg/resvg-js';

/** RGBA pixels of a PNG, decoded by drawing it with resvg. */
export async function pixels(png: Uint8Array): Promise<{ data: Uint8Array; width: number }> {
  // Width and height from the IHDR chunk.
  const view = Buffer.from(png);
  const [width, height] = [view.readUInt32BE(16), view.readUInt32BE(20)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${view.toString('base64')}"/></svg>`;
  const image = await renderAsync(svg);
  return { data: image.pixels, width: image.width };
}

/**
 * How many pixels in rows [top, bottom) differ, by more than 40 in any colour channel, between
 * two images of one width (two widths are an error: the rows would not line up).
 */
export async function differingPixels(
  a: Uint8Array,
  b: Uint8Array,
  top: number,
  bottom: number,
): Promise<number> {
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  if (x.width !== y.width) throw new Error(`images of two widths: ${x.width} and ${y.width}`);
  let count = 0;
  for (let i = top * x.width * 4; i < Math.min(bottom * x.width * 4, x.data.length); i += 4) {
    if ([0, 1, 2].some((c) => Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)) > 40)) count++;
  }
  return count;
}
