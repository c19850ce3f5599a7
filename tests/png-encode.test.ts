import { Resvg } from '@resvg/resvg-js';
import { inflateSync, crc32 } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { encodePng } from '../src/pipeline/render/png-encode.js';
import { FONT_FILES, resvgOptions } from '../src/pipeline/render/timeline-png.js';

/**
 * A PNG decoder for 8-bit RGBA (what resvg's `asPng` and png-encode.ts write), with all five
 * row filters, so `asPng`'s filtered rows and ours unfiltered can be compared pixel by pixel.
 */
function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  const data: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1');
    const body = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect([...body.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const left = x >= 4 ? (rgba[y * stride + x - 4] as number) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0;
      const corner = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] as number) : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter as number] as number;
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

const drawn = (svg: string, width: number) =>
  new Resvg(svg, resvgOptions(FONT_FILES, width)).render();

describe('PNG encoding', () => {
  test('holds the pixels resvg would have written, half-transparent edges included', async () => {
    // No background: text edges, a 40%-opaque fill and a gradient are partly transparent.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="90" font-family="'DejaVu Sans', sans-serif">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#dc2626" stop-opacity="0"/><stop offset="1" stop-color="#1d4ed8"/></linearGradient></defs>
      <rect x="4" y="4" width="312" height="30" fill="url(#g)"/>
      <circle cx="60" cy="60" r="24" fill="#16a34a" fill-opacity="0.4"/>
      <text x="100" y="70" font-size="18" font-weight="bold">Mitigated · 14:47 UTC</text></svg>`;
    const image = drawn(svg, 320);
    const ours = decodePng(await encodePng(image.pixels, image.width, image.height));
    const theirs = decodePng(image.asPng());
    expect([ours.width, ours.height]).toEqual([320, 90]);
    expect(ours.rgba.some((byte, i) => i % 4 === 3 && byte > 0 && byte < 255)).toBe(true);
    expect(Buffer.from(ours.rgba).equals(Buffer.from(theirs.rgba))).toBe(true);
  });

  test('an opaque image is the same pixels, in fewer bytes than resvg wrote', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `<text x="12" y="${40 + i * 24}" font-size="14">10:${String(i).padStart(2, '0')} error rate ${i}% on api-${i}</text>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="780" font-family="'DejaVu Sans', sans-serif"><rect width="960" height="780" fill="#ffffff"/>${rows}</svg>`;
    const image = drawn(svg, 960);
    const png = await encodePng(image.pixels, image.width, image.height);
    const theirs = image.asPng();
    expect(Buffer.from(decodePng(png).rgba).equals(Buffer.from(decodePng(theirs).rgba))).toBe(true);
    expect(png.length).toBeLessThan(theirs.length);
  });

  test('pixels that do not fill the size given are refused', async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2)).rejects.toThrow(/not 2×2 RGBA pixels/);
  });
});
