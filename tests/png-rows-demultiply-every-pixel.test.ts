import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { encodePng, pngRows } from '../src/pipeline/render/png-encode.js';

/** resvg's own arithmetic, byte by byte: a filter byte per row, colours divided by alpha / 255. */
function reference(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const rows = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const from = y * stride + x * 4;
      const to = y * (stride + 1) + 1 + x * 4;
      const alpha = pixels[from + 3] as number;
      rows[to + 3] = alpha;
      for (let c = 0; c < 3; c++) {
        const colour = pixels[from + c] as number;
        const value = alpha === 255 ? colour : Math.floor(colour / (alpha / 255) + 0.5);
        rows[to + c] = Number.isNaN(value) ? 0 : Math.min(255, value);
      }
    }
  return rows;
}

/**
 * The PNG rows are the same whether a pixel is opaque, half transparent or transparent, and
 * whether resvg's buffer starts on a 4-byte boundary (read a word at a time) or not (read byte
 * by byte).
 */
describe('PNG rows', () => {
  test('match resvg arithmetic for any pixels, aligned or not', () => {
    const pixel = fc.oneof(
      fc.constant([255, 255, 255, 255]),
      fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => [r, g, b, 255]),
      fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.constant([0, 0, 0, 0]),
    );
    const image = fc
      .record({ width: fc.integer({ min: 1, max: 9 }), height: fc.integer({ min: 1, max: 6 }) })
      .chain(({ width, height }) =>
        fc
          .array(pixel, { minLength: width * height, maxLength: width * height })
          .map((list) => ({ width, height, bytes: list.flat() })),
      );
    fc.assert(
      fc.property(image, fc.integer({ min: 0, max: 3 }), ({ width, height, bytes }, shift) => {
        const backing = new Uint8Array(bytes.length + shift);
        backing.set(bytes, shift);
        const pixels = backing.subarray(shift);
        expect(pngRows(pixels, width, height)).toEqual(reference(pixels, width, height));
      }),
      { numRuns: 500 },
    );
  });

  test('are the same when written into a buffer a larger image used before', () => {
    const image = (min: number) =>
      fc
        .record({
          width: fc.integer({ min, max: min + 8 }),
          height: fc.integer({ min: 1, max: 6 }),
        })
        .chain(({ width, height }) =>
          fc
            .uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 })
            .map((bytes) => ({ width, height, bytes })),
        );
    fc.assert(
      fc.property(image(1), fc.uint8Array({ minLength: 1 }), ({ width, height, bytes }, dirt) => {
        // A buffer full of another image's bytes, longer than these rows need.
        const used = new Uint8Array(height * (width * 4 + 1) + dirt.length);
        for (let i = 0; i < used.length; i++) used[i] = dirt[i % dirt.length] as number;
        expect(pngRows(bytes, width, height, used)).toEqual(reference(bytes, width, height));
      }),
      { numRuns: 300 },
    );
  });
});

/** Sizes of images encoded one after another, as a worker draws them. */
const SEQUENCES: [string, [width: number, height: number][]][] = [
  [
    'a wide image, then a narrow one',
    [
      [9, 4],
      [3, 7],
    ],
  ],
  [
    'a small image, then a larger one, then the small one again',
    [
      [2, 2],
      [11, 5],
      [2, 2],
    ],
  ],
];

/** encodePng keeps one rows buffer between images: a PNG never shows the image before it. */
describe('PNG files drawn one after another', () => {
  test.each(SEQUENCES)('%s', async (_, sizes) => {
    for (const [index, [width, height]] of sizes.entries()) {
      const pixels = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + index * 11) % 256);
      const png = await encodePng(pixels, width, height);
      const idat = png.subarray(8 + 25 + 8, png.length - 12 - 4);
      expect(new Uint8Array(inflateSync(idat))).toEqual(reference(pixels, width, height));
    }
  });
});
